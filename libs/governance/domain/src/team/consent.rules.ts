import type { CommandContext, Rejection } from '@leerzone/kernel';
import { isRejection, reject } from '@leerzone/kernel';
import { MS_PER_DAY, parseInstant } from '../shared/calendar';
import { DEFAULT_CONSENT_DEADLINE_DAYS } from '../shared/limits';
import { requiredId, requiredReason } from '../shared/validation';
import { boundaryChangeEvent, prepareBoundaryChange } from './boundary.rules';
import type {
  AdoptBoundaryChangeByDeadline,
  CloseBoundaryProposal,
  ConsentToBoundaryChange,
  ObjectToBoundaryChange,
  ProposeBoundaryChange,
  WithdrawBoundaryProposal,
} from './team.commands';
import type { BoundaryChange } from './team.events';
import type { TeamRule } from './team.guards';
import { at, requireInPerson, requireTeam } from './team.guards';
import type { BoundaryProposalState, TeamState } from './team.state';

export const MAX_TIME_BOX_DAYS = 90;

/** Consent is asked of the people who steer themselves: the team's holders of the member role. */
const consentGroup = (state: TeamState): string[] =>
  [...state.members.values()].filter((m) => m.roles.includes('member')).map((m) => m.memberId);

export const proposeBoundaryChange: TeamRule<ProposeBoundaryChange> = (command, state, ctx) => {
  const missing = requireTeam(state, command.data.teamId);
  if (missing) return missing;
  const proposalId = requiredId(command.data.proposalId, 'proposalId', 'PROPOSAL.INVALID', 'the proposal id');
  if (isRejection(proposalId)) return proposalId;
  if (state.proposals.has(proposalId)) {
    return reject('conflict', 'PROPOSAL.ALREADY_EXISTS', `Proposal ${proposalId} already exists.`, { field: 'proposalId' });
  }
  const reason = requiredReason(ctx.reason, 'propose a boundary change');
  if (isRejection(reason)) return reason;
  const input = command.data.change;
  if (typeof input !== 'object' || input === null || (input.action !== 'set' && input.action !== 'remove')) {
    return reject('invalid', 'PROPOSAL.CHANGE_INVALID', 'The change must be { action: "set", boundary } or { action: "remove", boundaryId }.', {
      field: 'change.action',
    });
  }
  const prepared = prepareBoundaryChange(state, input, command.data.unitBoundaries, 'change.');
  if (isRejection(prepared)) return prepared;
  if (prepared.unchanged) {
    return reject('invalid', 'PROPOSAL.NO_CHANGE', 'The proposed boundary is the same as the current one.', { field: 'change.boundary' });
  }
  const defaultDays = command.data.defaultDeadlineDays ?? DEFAULT_CONSENT_DEADLINE_DAYS;
  const closesAt = command.data.closesAt === undefined ? new Date(ctx.now.getTime() + defaultDays * MS_PER_DAY) : parseInstant(command.data.closesAt);
  const latest = ctx.now.getTime() + MAX_TIME_BOX_DAYS * MS_PER_DAY;
  if (closesAt === null || closesAt.getTime() <= ctx.now.getTime() || closesAt.getTime() > latest) {
    return reject('invalid', 'PROPOSAL.TIME_BOX_INVALID', `closesAt must be an ISO-8601 instant after now and at most ${MAX_TIME_BOX_DAYS} days ahead.`, {
      field: 'closesAt',
    });
  }
  const participantIds = consentGroup(state);
  if (participantIds.length === 0) {
    return reject('precondition', 'PROPOSAL.NO_PARTICIPANTS', `Team ${state.teamId} has no members to ask for consent.`, { field: 'teamId' });
  }
  const change: BoundaryChange = prepared.action === 'set' ? { action: 'set', boundary: prepared.boundary } : { action: 'remove', boundaryId: prepared.boundaryId };
  return [
    {
      type: 'BoundaryChangeProposed',
      data: {
        teamId: command.data.teamId,
        proposalId,
        change,
        reason,
        closesAt: closesAt.toISOString(),
        participantIds,
        proposedBy: ctx.actor.id,
        proposedAt: at(ctx),
      },
    },
  ];
};

function openProposal(state: TeamState, teamId: string, proposalId: unknown): BoundaryProposalState | Rejection {
  const missing = requireTeam(state, teamId);
  if (missing) return missing;
  const id = requiredId(proposalId, 'proposalId', 'PROPOSAL.INVALID', 'the proposal id');
  if (isRejection(id)) return id;
  const proposal = state.proposals.get(id);
  if (!proposal) return reject('not-found', 'PROPOSAL.NOT_FOUND', `Team ${teamId} has no proposal ${id}.`, { field: 'proposalId' });
  if (proposal.status !== 'open') {
    return reject('conflict', 'PROPOSAL.NOT_OPEN', `Proposal ${id} is already ${proposal.status}.`, { field: 'proposalId', details: { status: proposal.status } });
  }
  return proposal;
}

function checkRespondent(state: TeamState, proposal: BoundaryProposalState, memberId: unknown, ctx: CommandContext): string | Rejection {
  const id = requiredId(memberId, 'memberId', 'MEMBER.INVALID', 'the member id');
  if (isRejection(id)) return id;
  const notInPerson = requireInPerson(ctx, id, 'PROPOSAL.ONLY_IN_PERSON', 'respond to this proposal');
  if (notInPerson) return notInPerson;
  if (!proposal.participantIds.includes(id) || !state.members.has(id)) {
    return reject('forbidden', 'PROPOSAL.NOT_A_PARTICIPANT', `${id} was not asked for consent on proposal ${proposal.proposalId}.`, { field: 'memberId' });
  }
  if (ctx.now.getTime() >= new Date(proposal.closesAt).getTime()) {
    return reject('precondition', 'PROPOSAL.TIME_BOX_ENDED', `The time box of proposal ${proposal.proposalId} ended at ${proposal.closesAt}.`, {
      field: 'proposalId',
    });
  }
  return id;
}

/** The latest response counts: a member may consent after objecting, or object after consenting, while the time box runs. */
export const consentToBoundaryChange: TeamRule<ConsentToBoundaryChange> = (command, state, ctx) => {
  const proposal = openProposal(state, command.data.teamId, command.data.proposalId);
  if (isRejection(proposal)) return proposal;
  const memberId = checkRespondent(state, proposal, command.data.memberId, ctx);
  if (isRejection(memberId)) return memberId;
  if (proposal.responses.get(memberId)?.response === 'consent') return [];
  return [
    {
      type: 'BoundaryChangeConsented',
      data: { teamId: command.data.teamId, proposalId: proposal.proposalId, memberId, consentedBy: ctx.actor.id, consentedAt: at(ctx) },
    },
  ];
};

export const objectToBoundaryChange: TeamRule<ObjectToBoundaryChange> = (command, state, ctx) => {
  const proposal = openProposal(state, command.data.teamId, command.data.proposalId);
  if (isRejection(proposal)) return proposal;
  const memberId = checkRespondent(state, proposal, command.data.memberId, ctx);
  if (isRejection(memberId)) return memberId;
  const reason = requiredReason(ctx.reason, 'object (say what the objection is)');
  if (isRejection(reason)) return reason;
  const previous = proposal.responses.get(memberId);
  if (previous?.response === 'objection' && previous.reason === reason) return [];
  return [
    {
      type: 'BoundaryChangeObjected',
      data: { teamId: command.data.teamId, proposalId: proposal.proposalId, memberId, objectedBy: ctx.actor.id, objectedAt: at(ctx), reason },
    },
  ];
};

/**
 * After the time box: no objection → adopted and the boundary changes in the same step;
 * any objection → escalated. Before the time box ends only a unanimous consent may close.
 * The change is checked again at adoption: the unit's frame may have moved meanwhile.
 */
export const closeBoundaryProposal: TeamRule<CloseBoundaryProposal> = (command, state, ctx) => {
  const proposal = openProposal(state, command.data.teamId, command.data.proposalId);
  if (isRejection(proposal)) return proposal;
  const responseOf = (memberId: string) => proposal.responses.get(memberId)?.response;
  const consentedIds = proposal.participantIds.filter((id) => responseOf(id) === 'consent');
  const timeBoxOpen = ctx.now.getTime() < new Date(proposal.closesAt).getTime();
  // Someone who left the team can no longer respond, so they cannot hold up an early close.
  const everyoneConsented = proposal.participantIds.filter((id) => state.members.has(id)).every((id) => responseOf(id) === 'consent');
  if (timeBoxOpen && !everyoneConsented) {
    return reject(
      'precondition',
      'PROPOSAL.TIME_BOX_OPEN',
      `Proposal ${proposal.proposalId} is open until ${proposal.closesAt}; it can close earlier only when everyone has consented.`,
      { field: 'proposalId', details: { closesAt: proposal.closesAt, consentedIds } },
    );
  }
  const objections = proposal.participantIds.flatMap((memberId) => {
    const response = proposal.responses.get(memberId);
    return response?.response === 'objection' ? [{ memberId, reason: response.reason ?? '' }] : [];
  });
  const teamId = command.data.teamId;
  if (objections.length > 0) {
    return [{ type: 'BoundaryChangeEscalated', data: { teamId, proposalId: proposal.proposalId, objections, escalatedBy: ctx.actor.id, escalatedAt: at(ctx) } }];
  }
  const prepared = prepareBoundaryChange(state, proposal.change, command.data.unitBoundaries, 'change.', proposal.proposalId);
  if (isRejection(prepared)) {
    // The frame moved under the proposal; consent cannot make it fit again, so it lapses.
    return [{ type: 'BoundaryChangeLapsed', data: { teamId, proposalId: proposal.proposalId, code: prepared.code, message: prepared.message, lapsedBy: ctx.actor.id, lapsedAt: at(ctx) } }];
  }
  const silentIds = proposal.participantIds.filter((id) => responseOf(id) === undefined);
  return [
    { type: 'BoundaryChangeAdopted', data: { teamId, proposalId: proposal.proposalId, consentedIds, silentIds, adoptedBy: ctx.actor.id, adoptedAt: at(ctx) } },
    ...(prepared.unchanged ? [] : [boundaryChangeEvent(teamId, prepared, proposal.proposedBy, ctx, proposal.reason, proposal.proposalId)]),
  ];
};

export const withdrawBoundaryProposal: TeamRule<WithdrawBoundaryProposal> = (command, state, ctx) => {
  const proposal = openProposal(state, command.data.teamId, command.data.proposalId);
  if (isRejection(proposal)) return proposal;
  if (ctx.actor.id !== proposal.proposedBy) {
    return reject('forbidden', 'PROPOSAL.NOT_PROPOSER', `Only ${proposal.proposedBy}, who proposed it, can withdraw proposal ${proposal.proposalId}.`, {
      field: 'proposalId',
    });
  }
  const reason = requiredReason(ctx.reason, 'withdraw a proposal');
  if (isRejection(reason)) return reason;
  return [
    {
      type: 'BoundaryChangeWithdrawn',
      data: { teamId: command.data.teamId, proposalId: proposal.proposalId, withdrawnBy: ctx.actor.id, withdrawnAt: at(ctx), reason },
    },
  ];
};

/**
 * Consent with a deadline: once closesAt has passed, the scheduler takes this command. No
 * objection standing → adopted by the deadline (the boundary changes in the same step,
 * re-checked against the unit's frame); an objection → escalated, as a close would; a
 * change that no longer fits → lapsed. Only an open proposal can be adopted, so a second
 * tick (or a restarted scheduler) is refused with PROPOSAL.NOT_OPEN and adopts nothing.
 */
export const adoptBoundaryChangeByDeadline: TeamRule<AdoptBoundaryChangeByDeadline> = (command, state, ctx) => {
  const proposal = openProposal(state, command.data.teamId, command.data.proposalId);
  if (isRejection(proposal)) return proposal;
  if (ctx.now.getTime() < new Date(proposal.closesAt).getTime()) {
    return reject('precondition', 'PROPOSAL.DEADLINE_NOT_REACHED', `Proposal ${proposal.proposalId} is open for objections until ${proposal.closesAt}.`, {
      field: 'proposalId',
      details: { closesAt: proposal.closesAt },
    });
  }
  const teamId = command.data.teamId;
  const objections = proposal.participantIds.flatMap((memberId) => {
    const response = proposal.responses.get(memberId);
    return response?.response === 'objection' ? [{ memberId, reason: response.reason ?? '' }] : [];
  });
  if (objections.length > 0) {
    return [{ type: 'BoundaryChangeEscalated', data: { teamId, proposalId: proposal.proposalId, objections, escalatedBy: ctx.actor.id, escalatedAt: at(ctx) } }];
  }
  const prepared = prepareBoundaryChange(state, proposal.change, command.data.unitBoundaries, 'change.', proposal.proposalId);
  if (isRejection(prepared)) {
    return [{ type: 'BoundaryChangeLapsed', data: { teamId, proposalId: proposal.proposalId, code: prepared.code, message: prepared.message, lapsedBy: ctx.actor.id, lapsedAt: at(ctx) } }];
  }
  const responseOf = (memberId: string) => proposal.responses.get(memberId)?.response;
  return [
    {
      type: 'BoundaryChangeAdoptedByDeadline',
      data: {
        teamId,
        proposalId: proposal.proposalId,
        deadline: proposal.closesAt,
        consentedIds: proposal.participantIds.filter((id) => responseOf(id) === 'consent'),
        silentIds: proposal.participantIds.filter((id) => responseOf(id) === undefined),
        adoptedBy: ctx.actor.id,
        adoptedAt: at(ctx),
      },
    },
    ...(prepared.unchanged ? [] : [boundaryChangeEvent(teamId, prepared, proposal.proposedBy, ctx, proposal.reason, proposal.proposalId)]),
  ];
};
