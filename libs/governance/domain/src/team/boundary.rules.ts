import type { CommandContext, Rejection } from '@leerzone/kernel';
import { isRejection, reject } from '@leerzone/kernel';
import type { Boundary, EffectiveBoundary } from '../shared/boundary.model';
import { sameBoundary, validateBoundary, wideningViolations } from '../shared/boundary.model';
import { requiredId, requiredReason } from '../shared/validation';
import type { BoundaryChangeInput, RemoveTeamBoundary, SetTeamBoundary } from './team.commands';
import type { TeamBoundaryRemoved, TeamBoundarySet, TeamEvent } from './team.events';
import type { TeamRule } from './team.guards';
import { at, requireTeam } from './team.guards';
import type { TeamState } from './team.state';

export type PreparedBoundaryChange =
  | { readonly action: 'set'; readonly boundary: Boundary; readonly previous: Boundary | null; readonly unchanged: boolean }
  | { readonly action: 'remove'; readonly boundaryId: string; readonly previous: Boundary; readonly unchanged: false };

/**
 * The checks every change of a team boundary passes, whether applied directly or adopted
 * by consent: valid, not an inherited unit boundary, kind kept, never wider than the unit's
 * frame, and not already under an open consent proposal (`exceptProposalId` lets the
 * proposal being adopted through).
 */
export function prepareBoundaryChange(
  state: TeamState,
  change: BoundaryChangeInput,
  unitBoundaries: readonly EffectiveBoundary[],
  fieldPrefix: string,
  exceptProposalId: string | null = null,
): PreparedBoundaryChange | Rejection {
  let boundaryId: string;
  let boundary: Boundary | null = null;
  if (change.action === 'set') {
    const valid = validateBoundary(change.boundary, `${fieldPrefix}boundary`);
    if (isRejection(valid)) return valid;
    boundary = valid;
    boundaryId = valid.boundaryId;
  } else {
    const id = requiredId(change.boundaryId, `${fieldPrefix}boundaryId`, 'BOUNDARY.INVALID', 'the boundary id');
    if (isRejection(id)) return id;
    boundaryId = id;
  }
  const idField = change.action === 'set' ? `${fieldPrefix}boundary.boundaryId` : `${fieldPrefix}boundaryId`;
  const inherited = unitBoundaries.find((entry) => entry.boundary.boundaryId === boundaryId);
  if (inherited) {
    const where = inherited.source.level === 'unit' ? `unit ${inherited.source.unitId}` : `team ${inherited.source.teamId}`;
    return reject('forbidden', 'BOUNDARY.INHERITED', `Boundary ${boundaryId} is set by ${where} and can only be changed there.`, { field: idField });
  }
  const busy = [...state.proposals.values()].find(
    (p) => p.status === 'open' && p.proposalId !== exceptProposalId && changedBoundaryId(p.change) === boundaryId,
  );
  if (busy) {
    return reject('conflict', 'BOUNDARY.PROPOSAL_OPEN', `Boundary ${boundaryId} is under consent in proposal ${busy.proposalId}; close or withdraw that first.`, {
      field: idField,
      details: { proposalId: busy.proposalId },
    });
  }
  const existing = state.boundaries.get(boundaryId)?.boundary ?? null;
  if (boundary === null) {
    if (existing === null) return reject('not-found', 'BOUNDARY.NOT_FOUND', `Team ${state.teamId} has no boundary ${boundaryId}.`, { field: idField });
    return { action: 'remove', boundaryId, previous: existing, unchanged: false };
  }
  if (existing !== null && existing.kind !== boundary.kind) {
    return reject('invalid', 'BOUNDARY.KIND_CHANGED', `Boundary ${boundaryId} is ${existing.kind}; a boundary keeps its kind (remove it and set a new one).`, {
      field: `${fieldPrefix}boundary.kind`,
    });
  }
  const violations = wideningViolations(boundary, unitBoundaries);
  if (violations.length > 0) {
    return reject('forbidden', 'BOUNDARY.WIDER_THAN_UNIT', `A team's boundary may be narrower than its unit's, never wider. ${violations.map((v) => v.message).join(' ')}`, {
      field: boundary.kind === 'financial' ? `${fieldPrefix}boundary.limit.amount` : `${fieldPrefix}boundary`,
      details: { violations },
    });
  }
  return { action: 'set', boundary, previous: existing, unchanged: existing !== null && sameBoundary(existing, boundary) };
}

export const changedBoundaryId = (change: { readonly action: 'set'; readonly boundary: Boundary } | { readonly action: 'remove'; readonly boundaryId: string }): string =>
  change.action === 'set' ? change.boundary.boundaryId : change.boundaryId;

export function boundaryChangeEvent(
  teamId: string,
  prepared: PreparedBoundaryChange,
  by: string,
  ctx: CommandContext,
  reason: string,
  proposalId: string | null,
): TeamBoundarySet | TeamBoundaryRemoved {
  return prepared.action === 'set'
    ? { type: 'TeamBoundarySet', data: { teamId, boundary: prepared.boundary, previous: prepared.previous, setBy: by, setAt: at(ctx), reason, proposalId } }
    : {
        type: 'TeamBoundaryRemoved',
        data: { teamId, boundaryId: prepared.boundaryId, previous: prepared.previous, removedBy: by, removedAt: at(ctx), reason, proposalId },
      };
}

function applyDirectly(teamId: string, change: BoundaryChangeInput, unitBoundaries: readonly EffectiveBoundary[], state: TeamState, ctx: CommandContext) {
  const missing = requireTeam(state, teamId);
  if (missing) return missing;
  const reason = requiredReason(ctx.reason, 'change a boundary');
  if (isRejection(reason)) return reason;
  const prepared = prepareBoundaryChange(state, change, unitBoundaries, '');
  if (isRejection(prepared)) return prepared;
  if (prepared.unchanged) return [];
  return [boundaryChangeEvent(teamId, prepared, ctx.actor.id, ctx, reason, null)] satisfies TeamEvent[];
}

export const setTeamBoundary: TeamRule<SetTeamBoundary> = (command, state, ctx) =>
  applyDirectly(command.data.teamId, { action: 'set', boundary: command.data.boundary }, command.data.unitBoundaries, state, ctx);

export const removeTeamBoundary: TeamRule<RemoveTeamBoundary> = (command, state, ctx) =>
  applyDirectly(command.data.teamId, { action: 'remove', boundaryId: command.data.boundaryId }, command.data.unitBoundaries, state, ctx);
