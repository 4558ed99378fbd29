import { describe, it } from '@jest/globals';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import type { TeamCommand } from './team.commands';
import { teamDecider } from './team.decider';
import type { TeamEvent } from './team.events';
import { ANNA, as, boundarySet, BRAM, CHEN, COACH, financial, fromUnit, staffedTeam, T0, TEAM, unitFrame } from './team.fixtures';

const spec = DeciderSpecification.for(teamDecider);
const SCHEDULER = 'governance-scheduler';
const CLOSES = '2026-01-22T09:00:00.000Z';
const AT_DEADLINE = new Date(CLOSES);
const JUST_BEFORE = new Date(AT_DEADLINE.getTime() - 1);
const proposedLimit = financial('t-budget', 4000);

const proposed: TeamEvent = {
  type: 'BoundaryChangeProposed',
  data: { teamId: TEAM, proposalId: 'p-1', change: { action: 'set', boundary: proposedLimit }, reason: 'more room', closesAt: CLOSES, participantIds: [ANNA, BRAM, CHEN], proposedBy: COACH, proposedAt: T0 },
};
const consented = (memberId: string): TeamEvent => ({ type: 'BoundaryChangeConsented', data: { teamId: TEAM, proposalId: 'p-1', memberId, consentedBy: memberId, consentedAt: T0 } });
const objected = (memberId: string, reason: string): TeamEvent => ({ type: 'BoundaryChangeObjected', data: { teamId: TEAM, proposalId: 'p-1', memberId, objectedBy: memberId, objectedAt: T0, reason } });
const open = [...staffedTeam, boundarySet(financial('t-budget', 2500)), proposed];

const consent = (memberId: string): TeamCommand => ({ type: 'ConsentToBoundaryChange', data: { teamId: TEAM, proposalId: 'p-1', memberId } });
const object = (memberId: string): TeamCommand => ({ type: 'ObjectToBoundaryChange', data: { teamId: TEAM, proposalId: 'p-1', memberId } });
const close = (unitBoundaries = unitFrame): TeamCommand => ({ type: 'CloseBoundaryProposal', data: { teamId: TEAM, proposalId: 'p-1', unitBoundaries } });
const adopt = (unitBoundaries = unitFrame): TeamCommand => ({ type: 'AdoptBoundaryChangeByDeadline', data: { teamId: TEAM, proposalId: 'p-1', unitBoundaries } });
const narrowed = [fromUnit(financial('u-per-decision', 3000))];
const lapseMessage = "A team's boundary may be narrower than its unit's, never wider. Limit t-budget allows EUR 4000 per decision, more than Limit u-per-decision allows (EUR 3000 per decision).";

describe('responding up to the end of the time box', () => {
  it('takes a response one millisecond before the time box ends', () => {
    spec
      .given(open)
      .when(consent(ANNA), as(ANNA, { now: JUST_BEFORE }))
      .then([{ type: 'BoundaryChangeConsented', data: { teamId: TEAM, proposalId: 'p-1', memberId: ANNA, consentedBy: ANNA, consentedAt: JUST_BEFORE.toISOString() } }]);
  });

  it('records a second objection when its reason changed, and an objection after a consent', () => {
    spec
      .given([...open, objected(BRAM, 'too much at once')])
      .when(object(BRAM), as(BRAM, { reason: 'we overspent last month' }))
      .then([{ type: 'BoundaryChangeObjected', data: { teamId: TEAM, proposalId: 'p-1', memberId: BRAM, objectedBy: BRAM, objectedAt: '2026-01-15T09:00:00.000Z', reason: 'we overspent last month' } }]);
    spec
      .given([...open, consented(ANNA)])
      .when(object(ANNA), as(ANNA, { reason: 'on second thought' }))
      .then([{ type: 'BoundaryChangeObjected', data: { teamId: TEAM, proposalId: 'p-1', memberId: ANNA, objectedBy: ANNA, objectedAt: '2026-01-15T09:00:00.000Z', reason: 'on second thought' } }]);
  });
});

describe('CloseBoundaryProposal at the edges', () => {
  it('lists objections in the order of the participants, each with its latest reason', () => {
    spec
      .given([...open, objected(CHEN, 'not now'), objected(ANNA, 'too much'), objected(ANNA, 'far too much'), consented(BRAM)])
      .when(close(), as(COACH, { now: AT_DEADLINE }))
      .then([
        {
          type: 'BoundaryChangeEscalated',
          data: {
            teamId: TEAM,
            proposalId: 'p-1',
            objections: [
              { memberId: ANNA, reason: 'far too much' },
              { memberId: CHEN, reason: 'not now' },
            ],
            escalatedBy: COACH,
            escalatedAt: CLOSES,
          },
        },
      ]);
  });

  it('a lapse records why the change no longer fits', () => {
    spec
      .given([...open, consented(ANNA)])
      .when(close(narrowed), as(COACH, { now: AT_DEADLINE }))
      .then([{ type: 'BoundaryChangeLapsed', data: { teamId: TEAM, proposalId: 'p-1', code: 'BOUNDARY.WIDER_THAN_UNIT', message: lapseMessage, lapsedBy: COACH, lapsedAt: CLOSES } }]);
  });

  it('adopting a change the boundary already has records only the adoption', () => {
    // The boundary reached the proposed value meanwhile (an older history, written before changes under consent were blocked).
    spec
      .given([...open, boundarySet(proposedLimit), consented(ANNA)])
      .when(close(), as(COACH, { now: AT_DEADLINE }))
      .then([{ type: 'BoundaryChangeAdopted', data: { teamId: TEAM, proposalId: 'p-1', consentedIds: [ANNA], silentIds: [BRAM, CHEN], adoptedBy: COACH, adoptedAt: CLOSES } }]);
  });
});

describe('AdoptBoundaryChangeByDeadline at the edges', () => {
  it('adopts at the very moment the deadline is reached', () => {
    spec
      .given(open)
      .when(adopt(), as(SCHEDULER, { now: AT_DEADLINE }))
      .then([
        { type: 'BoundaryChangeAdoptedByDeadline', data: { teamId: TEAM, proposalId: 'p-1', deadline: CLOSES, consentedIds: [], silentIds: [ANNA, BRAM, CHEN], adoptedBy: SCHEDULER, adoptedAt: CLOSES } },
        { type: 'TeamBoundarySet', data: { teamId: TEAM, boundary: proposedLimit, previous: financial('t-budget', 2500), setBy: COACH, setAt: CLOSES, reason: 'more room', proposalId: 'p-1' } },
      ]);
  });

  it('adopts a removal by removing the boundary', () => {
    const removal = { ...proposed, data: { ...proposed.data, change: { action: 'remove', boundaryId: 't-budget' } } } as TeamEvent;
    spec
      .given([...staffedTeam, boundarySet(financial('t-budget', 2500)), removal, consented(BRAM)])
      .when(adopt(), as(SCHEDULER, { now: AT_DEADLINE }))
      .then([
        { type: 'BoundaryChangeAdoptedByDeadline', data: { teamId: TEAM, proposalId: 'p-1', deadline: CLOSES, consentedIds: [BRAM], silentIds: [ANNA, CHEN], adoptedBy: SCHEDULER, adoptedAt: CLOSES } },
        { type: 'TeamBoundaryRemoved', data: { teamId: TEAM, boundaryId: 't-budget', previous: financial('t-budget', 2500), removedBy: COACH, removedAt: CLOSES, reason: 'more room', proposalId: 'p-1' } },
      ]);
  });

  it('escalates with every standing objection, in the order of the participants', () => {
    spec
      .given([...open, objected(CHEN, 'not now'), objected(BRAM, 'too much'), consented(ANNA)])
      .when(adopt(), as(SCHEDULER, { now: AT_DEADLINE }))
      .then([
        {
          type: 'BoundaryChangeEscalated',
          data: {
            teamId: TEAM,
            proposalId: 'p-1',
            objections: [
              { memberId: BRAM, reason: 'too much' },
              { memberId: CHEN, reason: 'not now' },
            ],
            escalatedBy: SCHEDULER,
            escalatedAt: CLOSES,
          },
        },
      ]);
  });

  it('a withdrawn objection no longer stands: the member consented since', () => {
    spec
      .given([...open, objected(BRAM, 'too much'), consented(BRAM)])
      .when(adopt(), as(SCHEDULER, { now: AT_DEADLINE }))
      .then([
        { type: 'BoundaryChangeAdoptedByDeadline', data: { teamId: TEAM, proposalId: 'p-1', deadline: CLOSES, consentedIds: [BRAM], silentIds: [ANNA, CHEN], adoptedBy: SCHEDULER, adoptedAt: CLOSES } },
        { type: 'TeamBoundarySet', data: { teamId: TEAM, boundary: proposedLimit, previous: financial('t-budget', 2500), setBy: COACH, setAt: CLOSES, reason: 'more room', proposalId: 'p-1' } },
      ]);
  });

  it('a lapse records why the change no longer fits', () => {
    spec
      .given(open)
      .when(adopt(narrowed), as(SCHEDULER, { now: AT_DEADLINE }))
      .then([{ type: 'BoundaryChangeLapsed', data: { teamId: TEAM, proposalId: 'p-1', code: 'BOUNDARY.WIDER_THAN_UNIT', message: lapseMessage, lapsedBy: SCHEDULER, lapsedAt: CLOSES } }]);
  });

  it('adopting a change the boundary already has records only the adoption', () => {
    spec
      .given([...open, boundarySet(proposedLimit)])
      .when(adopt(), as(SCHEDULER, { now: AT_DEADLINE }))
      .then([{ type: 'BoundaryChangeAdoptedByDeadline', data: { teamId: TEAM, proposalId: 'p-1', deadline: CLOSES, consentedIds: [], silentIds: [ANNA, BRAM, CHEN], adoptedBy: SCHEDULER, adoptedAt: CLOSES } }]);
  });
});
