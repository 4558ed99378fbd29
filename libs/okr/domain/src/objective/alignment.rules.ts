import { isRejection, reject, requiredId } from '@leerzone/kernel';
import { at, distinctIds, requiredReason } from '../shared/validation';
import type { AcceptAlignment, DeclineAlignment, ProposeAlignment, SetContributions } from './objective.commands';
import type { ObjectiveRule } from './objective.guards';
import { requireNotGraded, requireObjective } from './objective.guards';
import type { ObjectiveLevel } from './objective.model';
import { MAX_CONTRIBUTIONS, OBJECTIVE_LEVELS } from './objective.model';
import type { ObjectiveState } from './objective.state';

/**
 * Upward alignment ("opschakelen"): a team objective supports a unit or organisation
 * objective; a unit objective supports the organisation's or a (parent) unit's. The
 * organisation's objectives are the top of the tree.
 */
export function mayAlignTo(child: ObjectiveLevel, parent: ObjectiveLevel): boolean {
  const rank = (level: ObjectiveLevel): number => OBJECTIVE_LEVELS.indexOf(level);
  return rank(parent) < rank(child) || (child === 'unit' && parent === 'unit');
}

export const proposeAlignment: ObjectiveRule<ProposeAlignment> = (command, state, ctx) => {
  const refused = requireObjective(state, command.data.objectiveId) ?? requireNotGraded(state, 'change its alignment');
  if (refused) return refused;
  const parent = command.data.parent;
  const parentObjectiveId = requiredId(parent?.objectiveId, 'parent.objectiveId', 'OKR.ALIGNMENT_INVALID', 'the parent objective id');
  if (isRejection(parentObjectiveId)) return parentObjectiveId;
  if (parentObjectiveId === state.objectiveId) {
    return reject('invalid', 'OKR.ALIGNMENT_INVALID', 'An objective cannot support itself; name the objective above it.', { field: 'parent.objectiveId' });
  }
  if (parent.cycleId !== state.cycleId) {
    return reject('invalid', 'OKR.ALIGNMENT_OTHER_CYCLE', `Objective ${parentObjectiveId} belongs to cycle ${parent.cycleId}; align to an objective of this cycle (${state.cycleId}).`, {
      field: 'parent.objectiveId',
    });
  }
  if (!mayAlignTo(state.level!, parent.level)) {
    return reject('invalid', 'OKR.ALIGNMENT_NOT_UPWARD', `A ${state.level}-level objective cannot support a ${parent.level}-level one: alignment runs upward, team → unit → organisation.`, {
      field: 'parent.objectiveId',
    });
  }
  const current = state.alignment;
  if (current && current.parentObjectiveId === parentObjectiveId && current.status !== 'declined') return [];
  return [
    {
      type: 'AlignmentProposed',
      data: {
        objectiveId: command.data.objectiveId,
        parentObjectiveId,
        parentOwner: parent.owner,
        previousParentObjectiveId: current?.status === 'accepted' ? current.parentObjectiveId : null,
        proposedBy: ctx.actor.id,
        proposedAt: at(ctx),
      },
    },
  ];
};

function requireProposal(state: ObjectiveState, parentObjectiveId: string) {
  const current = state.alignment;
  if (!current || current.parentObjectiveId !== parentObjectiveId || current.status === 'declined') {
    return reject('not-found', 'OKR.ALIGNMENT_NOT_PROPOSED', `Objective ${state.objectiveId} has no open proposal to support ${parentObjectiveId}.`, { field: 'parentObjectiveId' });
  }
  return current;
}

/** The parent's owner answers; the service has checked the actor speaks for that owner. */
export const acceptAlignment: ObjectiveRule<AcceptAlignment> = (command, state, ctx) => {
  const refused = requireObjective(state, command.data.objectiveId);
  if (refused) return refused;
  const proposal = requireProposal(state, command.data.parentObjectiveId);
  if (isRejection(proposal)) return proposal;
  if (proposal.status === 'accepted') return [];
  return [{ type: 'AlignmentAccepted', data: { objectiveId: command.data.objectiveId, parentObjectiveId: proposal.parentObjectiveId, acceptedBy: ctx.actor.id, acceptedAt: at(ctx) } }];
};

export const declineAlignment: ObjectiveRule<DeclineAlignment> = (command, state, ctx) => {
  const refused = requireObjective(state, command.data.objectiveId);
  if (refused) return refused;
  const proposal = requireProposal(state, command.data.parentObjectiveId);
  if (isRejection(proposal)) return proposal;
  if (proposal.status === 'accepted') {
    return reject('conflict', 'OKR.ALIGNMENT_ALREADY_ACCEPTED', `The link to ${proposal.parentObjectiveId} was already accepted; the team can propose another parent instead.`, {
      field: 'parentObjectiveId',
    });
  }
  const reason = requiredReason(ctx.reason, 'decline an alignment (the team needs to know why)');
  if (isRejection(reason)) return reason;
  return [
    { type: 'AlignmentDeclined', data: { objectiveId: command.data.objectiveId, parentObjectiveId: proposal.parentObjectiveId, declinedBy: ctx.actor.id, declinedAt: at(ctx), reason } },
  ];
};

export const setContributions: ObjectiveRule<SetContributions> = (command, state, ctx) => {
  const refused = requireObjective(state, command.data.objectiveId) ?? requireNotGraded(state, 'change what it contributes to');
  if (refused) return refused;
  const ids = command.data.objectiveIds;
  if (!Array.isArray(ids) || ids.length > MAX_CONTRIBUTIONS) {
    return reject('invalid', 'OKR.CONTRIBUTIONS_INVALID', `List at most ${MAX_CONTRIBUTIONS} objectives this one contributes to.`, { field: 'objectiveIds' });
  }
  for (const [index, id] of ids.entries()) {
    const valid = requiredId(id, `objectiveIds.${index}`, 'OKR.CONTRIBUTIONS_INVALID', 'an objective id');
    if (isRejection(valid)) return valid;
    if (id === state.objectiveId) return reject('invalid', 'OKR.CONTRIBUTIONS_INVALID', 'An objective does not contribute to itself.', { field: `objectiveIds.${index}` });
  }
  if (!distinctIds(ids)) return reject('invalid', 'OKR.CONTRIBUTIONS_INVALID', 'Name each objective once.', { field: 'objectiveIds' });
  const objectiveIds = [...ids].sort();
  if (objectiveIds.join() === state.contributesTo.join()) return [];
  return [{ type: 'ContributionsSet', data: { objectiveId: command.data.objectiveId, previous: state.contributesTo, objectiveIds, setBy: ctx.actor.id, setAt: at(ctx) } }];
};
