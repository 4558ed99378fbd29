import { describe, expect, it } from '@jest/globals';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import { teamDecider } from './team.decider';
import type { TeamEvent } from './team.events';
import { ANNA, as, because, boundarySet, BRAM, CHEN, COACH, financial, fromUnit, memberRemoved, NOW, staffedTeam, T0, TEAM, unitFrame } from './team.fixtures';

const spec = DeciderSpecification.for(teamDecider);
const now = NOW.toISOString();
const CLOSES = '2026-01-22T09:00:00.000Z';
const AFTER = new Date('2026-01-22T09:00:00.000Z');
const newLimit = financial('t-budget', 4000);

const propose = (change: unknown = { action: 'set', boundary: newLimit }, closesAt = CLOSES) =>
  ({ type: 'ProposeBoundaryChange', data: { teamId: TEAM, proposalId: 'p-1', change, closesAt, unitBoundaries: unitFrame } }) as never;
const proposed: TeamEvent = {
  type: 'BoundaryChangeProposed',
  data: { teamId: TEAM, proposalId: 'p-1', change: { action: 'set', boundary: newLimit }, reason: 'more room to buy supplies', closesAt: CLOSES, participantIds: [ANNA, BRAM, CHEN], proposedBy: COACH, proposedAt: T0 },
};
const consented = (memberId: string): TeamEvent => ({ type: 'BoundaryChangeConsented', data: { teamId: TEAM, proposalId: 'p-1', memberId, consentedBy: memberId, consentedAt: T0 } });
const objected = (memberId: string, reason = 'too much at once'): TeamEvent => ({
  type: 'BoundaryChangeObjected',
  data: { teamId: TEAM, proposalId: 'p-1', memberId, objectedBy: memberId, objectedAt: T0, reason },
});
const open = [...staffedTeam, boundarySet(financial('t-budget', 2500)), proposed];
const consent = (memberId: string) => ({ type: 'ConsentToBoundaryChange', data: { teamId: TEAM, proposalId: 'p-1', memberId } }) as const;
const object = (memberId: string) => ({ type: 'ObjectToBoundaryChange', data: { teamId: TEAM, proposalId: 'p-1', memberId } }) as const;
const close = (unitBoundaries = unitFrame) => ({ type: 'CloseBoundaryProposal', data: { teamId: TEAM, proposalId: 'p-1', unitBoundaries } }) as const;

describe('ProposeBoundaryChange', () => {
  it('opens a time-boxed proposal for the team’s members, with the reason', () => {
    spec
      .given([...staffedTeam, boundarySet(financial('t-budget', 2500))])
      .when(propose(), because('more room to buy supplies'))
      .then([{ ...proposed, data: { ...proposed.data, proposedAt: now } } as TeamEvent]);
  });

  it('can propose removing a boundary', () => {
    spec
      .given([...staffedTeam, boundarySet(financial('t-budget', 2500))])
      .when(propose({ action: 'remove', boundaryId: 't-budget' }), because('the unit limit is enough'))
      .then([
        {
          type: 'BoundaryChangeProposed',
          data: { teamId: TEAM, proposalId: 'p-1', change: { action: 'remove', boundaryId: 't-budget' }, reason: 'the unit limit is enough', closesAt: CLOSES, participantIds: [ANNA, BRAM, CHEN], proposedBy: COACH, proposedAt: now },
        },
      ]);
  });

  it('requires a reason', () => {
    spec.given(staffedTeam).when(propose(), as(COACH)).thenRejects('GOVERNANCE.REASON_REQUIRED', { field: 'reason' });
  });

  it('checks the change like a direct one: never wider than the unit', () => {
    spec.given(staffedTeam).when(propose({ action: 'set', boundary: financial('t-budget', 9000) }), because('x')).thenRejects('BOUNDARY.WIDER_THAN_UNIT', { field: 'change.boundary.limit.amount' });
    spec.given(staffedTeam).when(propose({ action: 'remove', boundaryId: 'nope' }), because('x')).thenRejects('BOUNDARY.NOT_FOUND', { field: 'change.boundaryId' });
    spec.given(staffedTeam).when(propose({ action: 'rename' }), because('x')).thenRejects('PROPOSAL.CHANGE_INVALID', { field: 'change.action' });
    spec.given([...staffedTeam, boundarySet(newLimit)]).when(propose(), because('x')).thenRejects('PROPOSAL.NO_CHANGE');
  });

  it.each([['2026-01-15T09:00:00.000Z'], ['2026-01-10T00:00:00Z'], ['2026-05-01T00:00:00Z'], ['next week']])('rejects the time box ending %s', (closesAt) => {
    spec.given(staffedTeam).when(propose(undefined, closesAt), because('x')).thenRejects('PROPOSAL.TIME_BOX_INVALID', { field: 'closesAt' });
  });

  it('without closesAt, ends the time box after the tenant’s default deadline, or 7 days when none is configured', () => {
    const given = [...staffedTeam, boundarySet(financial('t-budget', 2500))];
    const proposeWithout = (defaultDeadlineDays?: number) =>
      ({ type: 'ProposeBoundaryChange', data: { teamId: TEAM, proposalId: 'p-1', change: { action: 'set', boundary: newLimit }, unitBoundaries: unitFrame, ...(defaultDeadlineDays === undefined ? {} : { defaultDeadlineDays }) } }) as never;
    const closesAfter = (days: number) => new Date(NOW.getTime() + days * 24 * 60 * 60 * 1000).toISOString();
    spec.given(given).when(proposeWithout(), because('x')).then([expect.objectContaining({ data: expect.objectContaining({ closesAt: closesAfter(7) }) }) as never]);
    spec.given(given).when(proposeWithout(14), because('x')).then([expect.objectContaining({ data: expect.objectContaining({ closesAt: closesAfter(14) }) }) as never]);
  });

  it('accepts a time box of exactly 90 days, and refuses one millisecond more', () => {
    const ninetyDays = new Date(NOW.getTime() + 90 * 24 * 60 * 60 * 1000);
    spec
      .given([...staffedTeam, boundarySet(financial('t-budget', 2500))])
      .when(propose(undefined, ninetyDays.toISOString()), because('x'))
      .then([expect.objectContaining({ type: 'BoundaryChangeProposed', data: expect.objectContaining({ closesAt: ninetyDays.toISOString() }) }) as never]);
    spec
      .given([...staffedTeam, boundarySet(financial('t-budget', 2500))])
      .when(propose(undefined, new Date(ninetyDays.getTime() + 1).toISOString()), because('x'))
      .thenRejects('PROPOSAL.TIME_BOX_INVALID', { field: 'closesAt' });
  });

  it('rejects a duplicate proposal, a second open proposal on the same boundary, and a team with no members', () => {
    spec.given(open).when(propose(), because('x')).thenRejects('PROPOSAL.ALREADY_EXISTS', { category: 'conflict' });
    spec
      .given(open)
      .when({ type: 'ProposeBoundaryChange', data: { teamId: TEAM, proposalId: 'p-2', change: { action: 'set', boundary: financial('t-budget', 3000) }, closesAt: CLOSES, unitBoundaries: unitFrame } }, because('x'))
      .thenRejects('BOUNDARY.PROPOSAL_OPEN', { category: 'conflict' });
    spec.given(staffedTeam.slice(0, 2)).when(propose(), because('x')).thenRejects('PROPOSAL.NO_PARTICIPANTS');
  });

  it('blocks a direct change of a boundary that is under consent', () => {
    spec
      .given(open)
      .when({ type: 'SetTeamBoundary', data: { teamId: TEAM, boundary: financial('t-budget', 100), unitBoundaries: unitFrame } }, because('shortcut'))
      .thenRejects('BOUNDARY.PROPOSAL_OPEN');
  });
});

describe('consent and objection', () => {
  it('records a member’s consent, by that member', () => {
    spec
      .given(open)
      .when(consent(ANNA), as(ANNA))
      .then([{ type: 'BoundaryChangeConsented', data: { teamId: TEAM, proposalId: 'p-1', memberId: ANNA, consentedBy: ANNA, consentedAt: now } }]);
  });

  it('records an objection with its reason', () => {
    spec
      .given(open)
      .when(object(BRAM), as(BRAM, { reason: 'we overspent last month' }))
      .then([{ type: 'BoundaryChangeObjected', data: { teamId: TEAM, proposalId: 'p-1', memberId: BRAM, objectedBy: BRAM, objectedAt: now, reason: 'we overspent last month' } }]);
  });

  it('requires a reason to object', () => {
    spec.given(open).when(object(BRAM), as(BRAM)).thenRejects('GOVERNANCE.REASON_REQUIRED', { field: 'reason' });
  });

  it('is personal: nobody responds for someone else', () => {
    spec.given(open).when(consent(ANNA), as(COACH)).thenRejects('PROPOSAL.ONLY_IN_PERSON', { category: 'forbidden' });
    spec.given(open).when(object(ANNA), as(BRAM, { reason: 'x' })).thenRejects('PROPOSAL.ONLY_IN_PERSON');
  });

  it('is for the participants fixed when the proposal opened, while still on the team', () => {
    spec.given(open).when(consent(COACH), as(COACH)).thenRejects('PROPOSAL.NOT_A_PARTICIPANT', { category: 'forbidden' });
    spec.given([...open, memberRemoved(CHEN)]).when(consent(CHEN), as(CHEN)).thenRejects('PROPOSAL.NOT_A_PARTICIPANT');
  });

  it('closes with the time box', () => {
    spec.given(open).when(consent(ANNA), as(ANNA, { now: AFTER })).thenRejects('PROPOSAL.TIME_BOX_ENDED', { category: 'precondition' });
  });

  it('lets a member change their mind; repeating a response changes nothing', () => {
    spec.given([...open, objected(BRAM)]).when(consent(BRAM), as(BRAM)).then([expect.objectContaining({ type: 'BoundaryChangeConsented' }) as never]);
    spec.given([...open, consented(ANNA)]).when(consent(ANNA), as(ANNA)).thenNothingHappens();
    spec.given([...open, objected(BRAM)]).when(object(BRAM), as(BRAM, { reason: 'too much at once' })).thenNothingHappens();
  });

  it('rejects responses to an unknown or closed proposal', () => {
    spec.given(staffedTeam).when(consent(ANNA), as(ANNA)).thenRejects('PROPOSAL.NOT_FOUND', { category: 'not-found' });
    const withdrawn: TeamEvent = { type: 'BoundaryChangeWithdrawn', data: { teamId: TEAM, proposalId: 'p-1', withdrawnBy: COACH, withdrawnAt: T0, reason: 'x' } };
    spec.given([...open, withdrawn]).when(consent(ANNA), as(ANNA)).thenRejects('PROPOSAL.NOT_OPEN', { category: 'conflict' });
  });
});

describe('CloseBoundaryProposal', () => {
  it('after the time box with no objection: adopted, and the boundary changes in the same step', () => {
    spec
      .given([...open, consented(ANNA)])
      .when(close(), as('system-timer', { now: AFTER }))
      .then([
        { type: 'BoundaryChangeAdopted', data: { teamId: TEAM, proposalId: 'p-1', consentedIds: [ANNA], silentIds: [BRAM, CHEN], adoptedBy: 'system-timer', adoptedAt: AFTER.toISOString() } },
        {
          type: 'TeamBoundarySet',
          data: { teamId: TEAM, boundary: newLimit, previous: financial('t-budget', 2500), setBy: COACH, setAt: AFTER.toISOString(), reason: 'more room to buy supplies', proposalId: 'p-1' },
        },
      ]);
  });

  it('adopts a removal by removing the boundary', () => {
    const removal: TeamEvent = { ...proposed, data: { ...proposed.data, change: { action: 'remove', boundaryId: 't-budget' } } } as TeamEvent;
    spec
      .given([...staffedTeam, boundarySet(financial('t-budget', 2500)), removal])
      .when(close(), as(COACH, { now: AFTER }))
      .then([
        { type: 'BoundaryChangeAdopted', data: { teamId: TEAM, proposalId: 'p-1', consentedIds: [], silentIds: [ANNA, BRAM, CHEN], adoptedBy: COACH, adoptedAt: AFTER.toISOString() } },
        {
          type: 'TeamBoundaryRemoved',
          data: { teamId: TEAM, boundaryId: 't-budget', previous: financial('t-budget', 2500), removedBy: COACH, removedAt: AFTER.toISOString(), reason: 'more room to buy supplies', proposalId: 'p-1' },
        },
      ]);
  });

  it('with an objection: escalated, the boundary unchanged', () => {
    spec
      .given([...open, consented(ANNA), objected(BRAM)])
      .when(close(), as(COACH, { now: AFTER }))
      .then([
        { type: 'BoundaryChangeEscalated', data: { teamId: TEAM, proposalId: 'p-1', objections: [{ memberId: BRAM, reason: 'too much at once' }], escalatedBy: COACH, escalatedAt: AFTER.toISOString() } },
      ]);
  });

  it('before the time box ends: refused unless everyone consented', () => {
    const rejection = spec.given([...open, consented(ANNA), consented(BRAM)]).when(close(), as(COACH)).thenRejects('PROPOSAL.TIME_BOX_OPEN', { category: 'precondition' });
    expect(rejection.details).toMatchObject({ closesAt: CLOSES, consentedIds: [ANNA, BRAM] });
    spec.given([...open, consented(ANNA), objected(BRAM)]).when(close(), as(COACH)).thenRejects('PROPOSAL.TIME_BOX_OPEN');
    spec
      .given([...open, consented(ANNA), consented(BRAM), consented(CHEN)])
      .when(close(), as(COACH))
      .then([
        { type: 'BoundaryChangeAdopted', data: { teamId: TEAM, proposalId: 'p-1', consentedIds: [ANNA, BRAM, CHEN], silentIds: [], adoptedBy: COACH, adoptedAt: now } },
        expect.objectContaining({ type: 'TeamBoundarySet' }) as never,
      ]);
  });

  it('before the time box ends: a participant who left the team does not block an early close, one still on it does', () => {
    spec
      .given([...open, consented(ANNA), consented(BRAM), memberRemoved(CHEN)])
      .when(close(), as(COACH))
      .then([
        { type: 'BoundaryChangeAdopted', data: { teamId: TEAM, proposalId: 'p-1', consentedIds: [ANNA, BRAM], silentIds: [CHEN], adoptedBy: COACH, adoptedAt: now } },
        expect.objectContaining({ type: 'TeamBoundarySet' }) as never,
      ]);
    spec.given([...open, consented(ANNA), memberRemoved(CHEN)]).when(close(), as(COACH)).thenRejects('PROPOSAL.TIME_BOX_OPEN');
  });

  it('lets the proposal lapse when the unit’s frame narrowed meanwhile, instead of adopting a boundary wider than the unit', () => {
    const lapsed = {
      type: 'BoundaryChangeLapsed',
      data: { teamId: TEAM, proposalId: 'p-1', code: 'BOUNDARY.WIDER_THAN_UNIT', message: expect.any(String), lapsedBy: COACH, lapsedAt: AFTER.toISOString() },
    } as never;
    spec.given([...open, consented(ANNA)]).when(close([fromUnit(financial('u-per-decision', 3000))]), as(COACH, { now: AFTER })).then([lapsed]);
    // The lapse closes it: the boundary is free for a new proposal, and the old one cannot be closed again.
    const closed: TeamEvent = { type: 'BoundaryChangeLapsed', data: { teamId: TEAM, proposalId: 'p-1', code: 'BOUNDARY.WIDER_THAN_UNIT', message: 'x', lapsedBy: COACH, lapsedAt: T0 } };
    spec.given([...open, closed]).when(close(), as(COACH, { now: AFTER })).thenRejects('PROPOSAL.NOT_OPEN');
  });

  it('cannot close twice', () => {
    const adopted: TeamEvent = { type: 'BoundaryChangeAdopted', data: { teamId: TEAM, proposalId: 'p-1', consentedIds: [], silentIds: [], adoptedBy: COACH, adoptedAt: T0 } };
    spec.given([...open, adopted]).when(close(), as(COACH, { now: AFTER })).thenRejects('PROPOSAL.NOT_OPEN');
  });
});

describe('WithdrawBoundaryProposal', () => {
  const withdraw = { type: 'WithdrawBoundaryProposal', data: { teamId: TEAM, proposalId: 'p-1' } } as const;

  it('is done by the proposer, with a reason', () => {
    spec
      .given(open)
      .when(withdraw, because('budget round moved'))
      .then([{ type: 'BoundaryChangeWithdrawn', data: { teamId: TEAM, proposalId: 'p-1', withdrawnBy: COACH, withdrawnAt: now, reason: 'budget round moved' } }]);
  });

  it('rejects anyone else, and a missing reason', () => {
    spec.given(open).when(withdraw, because('mine now', ANNA)).thenRejects('PROPOSAL.NOT_PROPOSER', { category: 'forbidden' });
    spec.given(open).when(withdraw, as(COACH)).thenRejects('GOVERNANCE.REASON_REQUIRED');
  });
});
