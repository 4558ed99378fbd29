import { describe, expect, it } from '@jest/globals';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import { teamDecider } from './team.decider';
import type { TeamEvent } from './team.events';
import { ANNA, as, because, boundarySet, BRAM, CHEN, COACH, financial, fromUnit, NOW, staffedTeam, T0, TEAM, unitFrame } from './team.fixtures';

const spec = DeciderSpecification.for(teamDecider);
const SCHEDULER = { actor: { id: 'governance-scheduler', kind: 'service' as const } };
const DEADLINE = '2026-01-22T09:00:00.000Z';
const AFTER = new Date('2026-01-22T09:00:01.000Z');
const proposed: TeamEvent = {
  type: 'BoundaryChangeProposed',
  data: { teamId: TEAM, proposalId: 'p-1', change: { action: 'set', boundary: financial('t-budget', 4000) }, reason: 'more room', closesAt: DEADLINE, participantIds: [ANNA, BRAM, CHEN], proposedBy: COACH, proposedAt: T0 },
};
const open = [...staffedTeam, boundarySet(financial('t-budget', 2500)), proposed];
const consented: TeamEvent = { type: 'BoundaryChangeConsented', data: { teamId: TEAM, proposalId: 'p-1', memberId: ANNA, consentedBy: ANNA, consentedAt: T0 } };
const adopt = (unitBoundaries = unitFrame) => ({ type: 'AdoptBoundaryChangeByDeadline', data: { teamId: TEAM, proposalId: 'p-1', unitBoundaries } }) as const;

describe('ProposeBoundaryChange with the tenant’s default deadline', () => {
  it('without closesAt the deadline is now plus the tenant’s consent default', () => {
    const command = { type: 'ProposeBoundaryChange', data: { teamId: TEAM, proposalId: 'p-1', change: { action: 'set', boundary: financial('t-budget', 4000) }, defaultDeadlineDays: 3, unitBoundaries: unitFrame } } as never;
    spec
      .given([...staffedTeam, boundarySet(financial('t-budget', 2500))])
      .when(command, because('more room'))
      .then([expect.objectContaining({ data: expect.objectContaining({ closesAt: '2026-01-18T09:00:00.000Z' }) }) as never]);
  });

  it('falls back to the platform default (7 days) when no setting is given', () => {
    const command = { type: 'ProposeBoundaryChange', data: { teamId: TEAM, proposalId: 'p-1', change: { action: 'set', boundary: financial('t-budget', 4000) }, unitBoundaries: unitFrame } } as never;
    spec
      .given([...staffedTeam, boundarySet(financial('t-budget', 2500))])
      .when(command, because('more room'))
      .then([expect.objectContaining({ data: expect.objectContaining({ closesAt: '2026-01-22T09:00:00.000Z' }) }) as never]);
  });
});

describe('AdoptBoundaryChangeByDeadline', () => {
  it('adopts when no objection was raised by the deadline, and changes the boundary in the same step', () => {
    spec
      .given([...open, consented])
      .when(adopt(), { ...SCHEDULER, now: AFTER })
      .then([
        {
          type: 'BoundaryChangeAdoptedByDeadline',
          data: { teamId: TEAM, proposalId: 'p-1', deadline: DEADLINE, consentedIds: [ANNA], silentIds: [BRAM, CHEN], adoptedBy: 'governance-scheduler', adoptedAt: AFTER.toISOString() },
        },
        { type: 'TeamBoundarySet', data: { teamId: TEAM, boundary: financial('t-budget', 4000), previous: financial('t-budget', 2500), setBy: COACH, setAt: AFTER.toISOString(), reason: 'more room', proposalId: 'p-1' } },
      ]);
  });

  it('never adopts twice: an adopted proposal is no longer open', () => {
    const adopted: TeamEvent = { type: 'BoundaryChangeAdoptedByDeadline', data: { teamId: TEAM, proposalId: 'p-1', deadline: DEADLINE, consentedIds: [], silentIds: [ANNA, BRAM, CHEN], adoptedBy: 'governance-scheduler', adoptedAt: AFTER.toISOString() } };
    spec.given([...open, adopted]).when(adopt(), { ...SCHEDULER, now: AFTER }).thenRejects('PROPOSAL.NOT_OPEN', { category: 'conflict' });
  });

  it('does nothing before the deadline', () => {
    spec.given(open).when(adopt(), { ...SCHEDULER, now: NOW }).thenRejects('PROPOSAL.DEADLINE_NOT_REACHED', { category: 'precondition', field: 'proposalId' });
  });

  it('escalates instead when an objection stands at the deadline', () => {
    const objected: TeamEvent = { type: 'BoundaryChangeObjected', data: { teamId: TEAM, proposalId: 'p-1', memberId: BRAM, objectedBy: BRAM, objectedAt: T0, reason: 'too much' } };
    spec
      .given([...open, objected])
      .when(adopt(), { ...SCHEDULER, now: AFTER })
      .then([{ type: 'BoundaryChangeEscalated', data: { teamId: TEAM, proposalId: 'p-1', objections: [{ memberId: BRAM, reason: 'too much' }], escalatedBy: 'governance-scheduler', escalatedAt: AFTER.toISOString() } }]);
  });

  it('lapses when the unit’s frame narrowed meanwhile', () => {
    spec
      .given(open)
      .when(adopt([fromUnit(financial('u-small', 1000))]), { ...SCHEDULER, now: AFTER })
      .then([expect.objectContaining({ type: 'BoundaryChangeLapsed', data: expect.objectContaining({ code: 'BOUNDARY.WIDER_THAN_UNIT' }) }) as never]);
  });

  it('an objection must say why', () => {
    spec
      .given(open)
      .when({ type: 'ObjectToBoundaryChange', data: { teamId: TEAM, proposalId: 'p-1', memberId: BRAM } }, as(BRAM))
      .thenRejects('GOVERNANCE.REASON_REQUIRED', { field: 'reason' });
  });
});
