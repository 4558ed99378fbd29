import { describe, expect, it } from '@jest/globals';
import type { CommandContext } from '@leerzone/kernel';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import type { TeamCommand } from './team.commands';
import { teamDecider } from './team.decider';
import type { TeamEvent } from './team.events';
import { ANNA, as, because, boundarySet, BRAM, CHEN, COACH, financial, memberRemoved, safety, staffedTeam, T0, TEAM, teamCreated, unitFrame } from './team.fixtures';

const spec = DeciderSpecification.for(teamDecider);
const CLOSES = '2026-01-22T09:00:00.000Z';
const ENDED = new Date(CLOSES);
const ID_RULE = 'must be a non-empty id without surrounding spaces, at most 128 characters.';

const proposed: TeamEvent = {
  type: 'BoundaryChangeProposed',
  data: { teamId: TEAM, proposalId: 'p-1', change: { action: 'set', boundary: financial('t-budget', 4000) }, reason: 'more room', closesAt: CLOSES, participantIds: [ANNA, BRAM, CHEN], proposedBy: COACH, proposedAt: T0 },
};
const withdrawn: TeamEvent = { type: 'BoundaryChangeWithdrawn', data: { teamId: TEAM, proposalId: 'p-1', withdrawnBy: COACH, withdrawnAt: T0, reason: 'x' } };
const consented = (memberId: string): TeamEvent => ({ type: 'BoundaryChangeConsented', data: { teamId: TEAM, proposalId: 'p-1', memberId, consentedBy: memberId, consentedAt: T0 } });
const current = [...staffedTeam, boundarySet(financial('t-budget', 2500)), boundarySet(safety)];
const open = [...current, proposed];

const propose = (data: Record<string, unknown> = {}): TeamCommand =>
  ({ type: 'ProposeBoundaryChange', data: { teamId: TEAM, proposalId: 'p-2', change: { action: 'set', boundary: financial('t-budget', 3000) }, closesAt: CLOSES, unitBoundaries: unitFrame, ...data } }) as never;
const respond = (type: 'ConsentToBoundaryChange' | 'ObjectToBoundaryChange', data: Record<string, unknown> = {}): TeamCommand =>
  ({ type, data: { teamId: TEAM, proposalId: 'p-1', memberId: ANNA, ...data } }) as never;
const onProposal = (type: 'CloseBoundaryProposal' | 'WithdrawBoundaryProposal' | 'AdoptBoundaryChangeByDeadline', data: Record<string, unknown> = {}): TeamCommand =>
  ({ type, data: { teamId: TEAM, proposalId: 'p-1', unitBoundaries: unitFrame, ...data } }) as never;

type Row = [string, readonly TeamEvent[], TeamCommand, Partial<CommandContext>, string, string, string, string];

describe('ProposeBoundaryChange refusals', () => {
  it.each<Row>([
    ['a team that is not this stream’s', current, propose({ teamId: 'team-b' }), because('x'), 'TEAM.NOT_FOUND', 'not-found', 'teamId', 'Team team-b does not exist.'],
    ['a blank proposal id', current, propose({ proposalId: ' ' }), because('x'), 'PROPOSAL.INVALID', 'invalid', 'proposalId', `The proposal id ${ID_RULE}`],
    ['a proposal id already used', open, propose({ proposalId: 'p-1', change: { action: 'remove', boundaryId: 'b-safety' } }), because('x'), 'PROPOSAL.ALREADY_EXISTS', 'conflict', 'proposalId', 'Proposal p-1 already exists.'],
    ['no reason', current, propose(), as(COACH), 'GOVERNANCE.REASON_REQUIRED', 'invalid', 'reason', 'A reason is required to propose a boundary change.'],
    ['no change at all', current, propose({ change: null }), because('x'), 'PROPOSAL.CHANGE_INVALID', 'invalid', 'change.action', 'The change must be { action: "set", boundary } or { action: "remove", boundaryId }.'],
    ['a change that is not an object', current, propose({ change: 'set' }), because('x'), 'PROPOSAL.CHANGE_INVALID', 'invalid', 'change.action', 'The change must be { action: "set", boundary } or { action: "remove", boundaryId }.'],
    ['the boundary it already is', current, propose({ change: { action: 'set', boundary: financial('t-budget', 2500) } }), because('x'), 'PROPOSAL.NO_CHANGE', 'invalid', 'change.boundary', 'The proposed boundary is the same as the current one.'],
    ['removing without a boundary id', current, propose({ change: { action: 'remove', boundaryId: '' } }), because('x'), 'BOUNDARY.INVALID', 'invalid', 'change.boundaryId', `The boundary id ${ID_RULE}`],
    [
      'changing an inherited boundary',
      current,
      propose({ change: { action: 'set', boundary: financial('u-year', 100, 'year') } }),
      because('x'),
      'BOUNDARY.INHERITED',
      'forbidden',
      'change.boundary.boundaryId',
      'Boundary u-year is set by unit unit-care and can only be changed there.',
    ],
    [
      'changing a boundary’s kind',
      current,
      propose({ change: { action: 'set', boundary: financial('b-safety', 100) } }),
      because('x'),
      'BOUNDARY.KIND_CHANGED',
      'invalid',
      'change.boundary.kind',
      'Boundary b-safety is safety; a boundary keeps its kind (remove it and set a new one).',
    ],
    ['a time box that is not an instant', current, propose({ closesAt: 'next week' }), because('x'), 'PROPOSAL.TIME_BOX_INVALID', 'invalid', 'closesAt', 'closesAt must be an ISO-8601 instant after now and at most 90 days ahead.'],
    ['a tenant default of no days at all', current, propose({ closesAt: undefined, defaultDeadlineDays: 0 }), because('x'), 'PROPOSAL.TIME_BOX_INVALID', 'invalid', 'closesAt', 'closesAt must be an ISO-8601 instant after now and at most 90 days ahead.'],
    ['a team without members to ask', [teamCreated(), boundarySet(financial('t-budget', 2500))], propose(), because('x'), 'PROPOSAL.NO_PARTICIPANTS', 'precondition', 'teamId', 'Team team-a has no members to ask for consent.'],
  ])('refuses %s', (_what, given, command, ctx, code, category, field, message) => {
    spec.given(given).when(command, ctx).thenRejects(code, { category: category as never, field, message });
  });
});

describe('consent and objection refusals', () => {
  it.each<Row>([
    ['on another team’s stream', open, respond('ConsentToBoundaryChange', { teamId: 'team-b' }), as(ANNA), 'TEAM.NOT_FOUND', 'not-found', 'teamId', 'Team team-b does not exist.'],
    ['without a proposal id', open, respond('ConsentToBoundaryChange', { proposalId: '' }), as(ANNA), 'PROPOSAL.INVALID', 'invalid', 'proposalId', `The proposal id ${ID_RULE}`],
    ['to an unknown proposal', open, respond('ConsentToBoundaryChange', { proposalId: 'p-9' }), as(ANNA), 'PROPOSAL.NOT_FOUND', 'not-found', 'proposalId', 'Team team-a has no proposal p-9.'],
    ['to a withdrawn proposal', [...open, withdrawn], respond('ObjectToBoundaryChange'), as(ANNA, { reason: 'no' }), 'PROPOSAL.NOT_OPEN', 'conflict', 'proposalId', 'Proposal p-1 is already withdrawn.'],
    ['without a member id', open, respond('ConsentToBoundaryChange', { memberId: '' }), as(ANNA), 'MEMBER.INVALID', 'invalid', 'memberId', `The member id ${ID_RULE}`],
    [
      'for someone else',
      open,
      respond('ConsentToBoundaryChange'),
      as(COACH),
      'PROPOSAL.ONLY_IN_PERSON',
      'forbidden',
      'memberId',
      'Only user-anna can respond to this proposal, in person; user-coach cannot do it for them.',
    ],
    [
      'from a service acting under the member’s id',
      open,
      respond('ObjectToBoundaryChange'),
      { actor: { id: ANNA, kind: 'service' }, reason: 'no' },
      'PROPOSAL.ONLY_IN_PERSON',
      'forbidden',
      'memberId',
      'Only user-anna can respond to this proposal, in person; user-anna cannot do it for them.',
    ],
    ['from someone not asked', open, respond('ConsentToBoundaryChange', { memberId: COACH }), as(COACH), 'PROPOSAL.NOT_A_PARTICIPANT', 'forbidden', 'memberId', 'user-coach was not asked for consent on proposal p-1.'],
    [
      'from a participant who left the team',
      [...open, memberRemoved(CHEN)],
      respond('ObjectToBoundaryChange', { memberId: CHEN }),
      as(CHEN, { reason: 'no' }),
      'PROPOSAL.NOT_A_PARTICIPANT',
      'forbidden',
      'memberId',
      'user-chen was not asked for consent on proposal p-1.',
    ],
    [
      'once the time box ended',
      open,
      respond('ConsentToBoundaryChange'),
      as(ANNA, { now: ENDED }),
      'PROPOSAL.TIME_BOX_ENDED',
      'precondition',
      'proposalId',
      'The time box of proposal p-1 ended at 2026-01-22T09:00:00.000Z.',
    ],
    ['an objection without its reason', open, respond('ObjectToBoundaryChange'), as(ANNA), 'GOVERNANCE.REASON_REQUIRED', 'invalid', 'reason', 'A reason is required to object (say what the objection is).'],
  ])('refuses a response %s', (_what, given, command, ctx, code, category, field, message) => {
    spec.given(given).when(command, ctx).thenRejects(code, { category: category as never, field, message });
  });

  it('says what a closed proposal became', () => {
    spec.given([...open, withdrawn]).when(respond('ConsentToBoundaryChange'), as(ANNA)).thenRejects('PROPOSAL.NOT_OPEN', { details: { status: 'withdrawn' } });
  });
});

describe('closing, withdrawing and adopting refusals', () => {
  it.each<Row>([
    ['close on another team’s stream', open, onProposal('CloseBoundaryProposal', { teamId: 'team-b' }), as(COACH, { now: ENDED }), 'TEAM.NOT_FOUND', 'not-found', 'teamId', 'Team team-b does not exist.'],
    ['close an unknown proposal', open, onProposal('CloseBoundaryProposal', { proposalId: 'p-9' }), as(COACH, { now: ENDED }), 'PROPOSAL.NOT_FOUND', 'not-found', 'proposalId', 'Team team-a has no proposal p-9.'],
    [
      'close early without everyone’s consent',
      [...open, consented(ANNA)],
      onProposal('CloseBoundaryProposal'),
      as(COACH),
      'PROPOSAL.TIME_BOX_OPEN',
      'precondition',
      'proposalId',
      'Proposal p-1 is open until 2026-01-22T09:00:00.000Z; it can close earlier only when everyone has consented.',
    ],
    ['withdraw on another team’s stream', open, onProposal('WithdrawBoundaryProposal', { teamId: 'team-b' }), because('x'), 'TEAM.NOT_FOUND', 'not-found', 'teamId', 'Team team-b does not exist.'],
    ['withdraw a withdrawn proposal', [...open, withdrawn], onProposal('WithdrawBoundaryProposal'), because('x'), 'PROPOSAL.NOT_OPEN', 'conflict', 'proposalId', 'Proposal p-1 is already withdrawn.'],
    ['withdraw someone else’s proposal', open, onProposal('WithdrawBoundaryProposal'), because('x', ANNA), 'PROPOSAL.NOT_PROPOSER', 'forbidden', 'proposalId', 'Only user-coach, who proposed it, can withdraw proposal p-1.'],
    ['withdraw without a reason', open, onProposal('WithdrawBoundaryProposal'), as(COACH), 'GOVERNANCE.REASON_REQUIRED', 'invalid', 'reason', 'A reason is required to withdraw a proposal.'],
    ['adopt on another team’s stream', open, onProposal('AdoptBoundaryChangeByDeadline', { teamId: 'team-b' }), as('governance-scheduler', { now: ENDED }), 'TEAM.NOT_FOUND', 'not-found', 'teamId', 'Team team-b does not exist.'],
    ['adopt an unknown proposal', open, onProposal('AdoptBoundaryChangeByDeadline', { proposalId: 'p-9' }), as('governance-scheduler', { now: ENDED }), 'PROPOSAL.NOT_FOUND', 'not-found', 'proposalId', 'Team team-a has no proposal p-9.'],
    [
      'adopt before the deadline',
      open,
      onProposal('AdoptBoundaryChangeByDeadline'),
      as('governance-scheduler', { now: new Date(ENDED.getTime() - 1) }),
      'PROPOSAL.DEADLINE_NOT_REACHED',
      'precondition',
      'proposalId',
      'Proposal p-1 is open for objections until 2026-01-22T09:00:00.000Z.',
    ],
  ])('refuses to %s', (_what, given, command, ctx, code, category, field, message) => {
    spec.given(given).when(command, ctx).thenRejects(code, { category: category as never, field, message });
  });

  it('an early close refused lists who consented so far, and an adoption refused says until when', () => {
    const early = spec.given([...open, consented(CHEN), consented(ANNA)]).when(onProposal('CloseBoundaryProposal'), as(COACH)).thenRejects('PROPOSAL.TIME_BOX_OPEN');
    expect(early.details).toEqual({ closesAt: CLOSES, consentedIds: [ANNA, CHEN] });
    const tooSoon = spec.given(open).when(onProposal('AdoptBoundaryChangeByDeadline'), as('governance-scheduler')).thenRejects('PROPOSAL.DEADLINE_NOT_REACHED');
    expect(tooSoon.details).toEqual({ closesAt: CLOSES });
  });
});
