import type { CommandContext, Decider, Decision, Rejection } from '@leerzone/kernel';
import { assertNever, isIsoDate, isRejection, reject, aggregateStreamId } from '@leerzone/kernel';
import type { EffectiveBoundary } from '../shared/boundary.model';
import { sameBoundary, validateBoundary, wideningViolations } from '../shared/boundary.model';
import { requiredId, requiredReason, requiredText } from '../shared/validation';
import type { AddUnit, CreateOrganisation, MoveUnit, NameUnitEscalationContact, OrganisationCommand, ReviewUnitBoundary, SetUnitBoundaryReviewDate, RemoveUnitBoundary, RenameUnit, SetUnitBoundary } from './organisation.commands';
import type { OrganisationEvent } from './organisation.events';
import { effectiveUnitBoundaries, unitSubtree } from './organisation.queries';
import type { OrganisationState, UnitState } from './organisation.state';
import { MAX_ORGANISATION_NAME_LENGTH, MAX_UNIT_NAME_LENGTH } from '../shared/limits';
import { evolveOrganisation, initialOrganisationState } from './organisation.state';

export const organisationStreamId = (tenantId: string, organisationId: string): string => aggregateStreamId('organisation-', tenantId, organisationId);

export { MAX_UNIT_NAME_LENGTH } from '../shared/limits';

type Rule<C> = (command: C, state: OrganisationState, ctx: CommandContext) => Decision<OrganisationEvent>;
const at = (ctx: CommandContext): string => ctx.now.toISOString();

function requireOrganisation(state: OrganisationState, organisationId: string): Rejection | null {
  if (!state.exists || state.organisationId !== organisationId) {
    return reject('not-found', 'ORGANISATION.NOT_FOUND', `Organisation ${organisationId} does not exist.`, { field: 'organisationId' });
  }
  return null;
}

function requireUnit(state: OrganisationState, unitId: unknown, field = 'unitId', code = 'UNIT.NOT_FOUND'): UnitState | Rejection {
  const id = requiredId(unitId, field, 'UNIT.INVALID', 'the unit id');
  if (isRejection(id)) return id;
  const unit = state.units.get(id);
  return unit ?? reject('not-found', code, `Unit ${id} does not exist in this organisation.`, { field });
}

/** The frame a unit must fit in: everything inherited from its ancestors, not its own. */
const inheritedBoundaries = (state: OrganisationState, parentUnitId: string | null): readonly EffectiveBoundary[] =>
  parentUnitId === null ? [] : effectiveUnitBoundaries(state, parentUnitId);

const unitName = (value: unknown) => requiredText(value, { field: 'name', code: 'UNIT.NAME_INVALID', label: 'the unit name', max: MAX_UNIT_NAME_LENGTH });

const createOrganisation: Rule<CreateOrganisation> = (command, state, ctx) => {
  if (state.exists) return reject('conflict', 'ORGANISATION.ALREADY_EXISTS', `Organisation ${state.organisationId} already exists.`, { field: 'organisationId' });
  const organisationId = requiredId(command.data.organisationId, 'organisationId', 'ORGANISATION.ID_INVALID', 'the organisation id');
  if (isRejection(organisationId)) return organisationId;
  const name = requiredText(command.data.name, { field: 'name', code: 'ORGANISATION.NAME_INVALID', label: 'the organisation name', max: MAX_ORGANISATION_NAME_LENGTH });
  if (isRejection(name)) return name;
  return [{ type: 'OrganisationCreated', data: { organisationId, name, createdBy: ctx.actor.id, createdAt: at(ctx) } }];
};

const addUnit: Rule<AddUnit> = (command, state, ctx) => {
  const missing = requireOrganisation(state, command.data.organisationId);
  if (missing) return missing;
  const unitId = requiredId(command.data.unitId, 'unitId', 'UNIT.INVALID', 'the unit id');
  if (isRejection(unitId)) return unitId;
  if (state.units.has(unitId)) return reject('conflict', 'UNIT.ALREADY_EXISTS', `Unit ${unitId} already exists.`, { field: 'unitId' });
  const name = unitName(command.data.name);
  if (isRejection(name)) return name;
  let parentUnitId: string | null = null;
  if (command.data.parentUnitId !== undefined && command.data.parentUnitId !== null) {
    const parent = requireUnit(state, command.data.parentUnitId, 'parentUnitId', 'UNIT.PARENT_NOT_FOUND');
    if (isRejection(parent)) return parent;
    parentUnitId = parent.unitId;
  }
  return [{ type: 'UnitAdded', data: { organisationId: command.data.organisationId, unitId, name, parentUnitId, addedBy: ctx.actor.id, addedAt: at(ctx) } }];
};

const renameUnit: Rule<RenameUnit> = (command, state, ctx) => {
  const missing = requireOrganisation(state, command.data.organisationId);
  if (missing) return missing;
  const unit = requireUnit(state, command.data.unitId);
  if (isRejection(unit)) return unit;
  const name = unitName(command.data.name);
  if (isRejection(name)) return name;
  if (name === unit.name) return [];
  return [
    {
      type: 'UnitRenamed',
      data: { organisationId: command.data.organisationId, unitId: unit.unitId, previousName: unit.name, name, renamedBy: ctx.actor.id, renamedAt: at(ctx) },
    },
  ];
};

/** A tree stays a tree, and everything moved must fit in the frame of its new ancestors. */
const moveUnit: Rule<MoveUnit> = (command, state, ctx) => {
  const missing = requireOrganisation(state, command.data.organisationId);
  if (missing) return missing;
  const unit = requireUnit(state, command.data.unitId);
  if (isRejection(unit)) return unit;
  let parentUnitId: string | null = null;
  if (command.data.parentUnitId !== null && command.data.parentUnitId !== undefined) {
    const parent = requireUnit(state, command.data.parentUnitId, 'parentUnitId', 'UNIT.PARENT_NOT_FOUND');
    if (isRejection(parent)) return parent;
    parentUnitId = parent.unitId;
  }
  const reason = requiredReason(ctx.reason, 'move a unit');
  if (isRejection(reason)) return reason;
  if (parentUnitId === unit.parentUnitId) return [];
  const subtree = unitSubtree(state, unit.unitId);
  if (parentUnitId !== null && subtree.includes(parentUnitId)) {
    return reject('invalid', 'UNIT.CYCLE', `Unit ${unit.unitId} cannot move under ${parentUnitId}, which is itself or lies below it.`, { field: 'parentUnitId' });
  }
  const frame = inheritedBoundaries(state, parentUnitId);
  const violations = subtree.flatMap((id) => [...state.units.get(id)!.boundaries.values()].flatMap((e) => wideningViolations(e.boundary, frame)));
  if (violations.length > 0) {
    return reject('forbidden', 'BOUNDARY.WIDER_THAN_PARENT', `Boundaries below ${unit.unitId} would be wider than their new parent allows: ${violations.map((v) => v.message).join(' ')}`, {
      field: 'parentUnitId',
      details: { violations },
    });
  }
  return [
    {
      type: 'UnitMoved',
      data: {
        organisationId: command.data.organisationId,
        unitId: unit.unitId,
        previousParentUnitId: unit.parentUnitId,
        parentUnitId,
        movedBy: ctx.actor.id,
        movedAt: at(ctx),
        reason,
      },
    },
  ];
};

/**
 * A unit's boundary may be narrower than what it inherits, never wider. Narrowing a parent
 * below a child's own limit is allowed: inheritance means the stricter one applies.
 */
const setUnitBoundary: Rule<SetUnitBoundary> = (command, state, ctx) => {
  const missing = requireOrganisation(state, command.data.organisationId);
  if (missing) return missing;
  const unit = requireUnit(state, command.data.unitId);
  if (isRejection(unit)) return unit;
  const reason = requiredReason(ctx.reason, 'change a boundary');
  if (isRejection(reason)) return reason;
  const boundary = validateBoundary(command.data.boundary, 'boundary');
  if (isRejection(boundary)) return boundary;
  const owner = state.boundaryOwners.get(boundary.boundaryId);
  if (owner !== undefined && owner !== unit.unitId) {
    return reject('conflict', 'BOUNDARY.ID_TAKEN', `Boundary id ${boundary.boundaryId} already belongs to unit ${owner}.`, { field: 'boundary.boundaryId' });
  }
  const previous = unit.boundaries.get(boundary.boundaryId)?.boundary ?? null;
  if (previous !== null && previous.kind !== boundary.kind) {
    return reject('invalid', 'BOUNDARY.KIND_CHANGED', `Boundary ${boundary.boundaryId} is ${previous.kind}; a boundary keeps its kind.`, { field: 'boundary.kind' });
  }
  const violations = wideningViolations(boundary, inheritedBoundaries(state, unit.parentUnitId));
  if (violations.length > 0) {
    return reject('forbidden', 'BOUNDARY.WIDER_THAN_PARENT', `A unit's boundary may be narrower than its parent's, never wider. ${violations.map((v) => v.message).join(' ')}`, {
      field: boundary.kind === 'financial' ? 'boundary.limit.amount' : 'boundary',
      details: { violations },
    });
  }
  if (previous !== null && sameBoundary(previous, boundary)) return [];
  return [
    {
      type: 'UnitBoundarySet',
      data: { organisationId: command.data.organisationId, unitId: unit.unitId, boundary, previous, setBy: ctx.actor.id, setAt: at(ctx), reason },
    },
  ];
};

/** The tenant names who answers the unit's escalations, with a reason; naming the same person again changes nothing. */
const nameUnitEscalationContact: Rule<NameUnitEscalationContact> = (command, state, ctx) => {
  const missing = requireOrganisation(state, command.data.organisationId);
  if (missing) return missing;
  const unit = requireUnit(state, command.data.unitId);
  if (isRejection(unit)) return unit;
  let contactId: string | null = null;
  if (command.data.contactId !== null) {
    const id = requiredId(command.data.contactId, 'contactId', 'UNIT.CONTACT_INVALID', 'the escalation contact (a user id)');
    if (isRejection(id)) return id;
    contactId = id;
  }
  if (contactId === unit.escalationContactId) return [];
  const reason = requiredReason(ctx.reason, `name the escalation contact of unit ${unit.unitId}`);
  if (isRejection(reason)) return reason;
  return [
    {
      type: 'UnitEscalationContactNamed',
      data: { organisationId: command.data.organisationId, unitId: unit.unitId, previousContactId: unit.escalationContactId, contactId, namedBy: ctx.actor.id, namedAt: at(ctx), reason },
    },
  ];
};

const removeUnitBoundary: Rule<RemoveUnitBoundary> = (command, state, ctx) => {
  const missing = requireOrganisation(state, command.data.organisationId);
  if (missing) return missing;
  const unit = requireUnit(state, command.data.unitId);
  if (isRejection(unit)) return unit;
  const reason = requiredReason(ctx.reason, 'change a boundary');
  if (isRejection(reason)) return reason;
  const boundaryId = requiredId(command.data.boundaryId, 'boundaryId', 'BOUNDARY.INVALID', 'the boundary id');
  if (isRejection(boundaryId)) return boundaryId;
  const entry = unit.boundaries.get(boundaryId);
  if (!entry) return reject('not-found', 'BOUNDARY.NOT_FOUND', `Unit ${unit.unitId} has no boundary ${boundaryId}.`, { field: 'boundaryId' });
  return [
    {
      type: 'UnitBoundaryRemoved',
      data: { organisationId: command.data.organisationId, unitId: unit.unitId, boundaryId, previous: entry.boundary, removedBy: ctx.actor.id, removedAt: at(ctx), reason },
    },
  ];
};

function unitBoundaryEntry(state: OrganisationState, organisationId: string, unitId: unknown, boundaryId: unknown) {
  const missing = requireOrganisation(state, organisationId);
  if (missing) return missing;
  const unit = requireUnit(state, unitId);
  if (isRejection(unit)) return unit;
  const id = requiredId(boundaryId, 'boundaryId', 'BOUNDARY.INVALID', 'the boundary id');
  if (isRejection(id)) return id;
  const entry = unit.boundaries.get(id);
  if (!entry) return reject('not-found', 'BOUNDARY.NOT_FOUND', `Unit ${unit.unitId} has no boundary ${id}.`, { field: 'boundaryId' });
  return { unit, boundaryId: id, entry };
}

function reviewDate(value: unknown, ctx: CommandContext, field: string): string | null | Rejection {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || !isIsoDate(value) || value < at(ctx).slice(0, 10)) {
    return reject('invalid', 'REVIEW.DATE_INVALID', 'A review date is a calendar date (YYYY-MM-DD), today or later.', { field });
  }
  return value;
}

const setUnitBoundaryReviewDate: Rule<SetUnitBoundaryReviewDate> = (command, state, ctx) => {
  const found = unitBoundaryEntry(state, command.data.organisationId, command.data.unitId, command.data.boundaryId);
  if (isRejection(found)) return found;
  const reviewBy = reviewDate(command.data.reviewBy, ctx, 'reviewBy');
  if (isRejection(reviewBy)) return reviewBy;
  if (reviewBy === found.entry.reviewBy) return [];
  const reason = requiredReason(ctx.reason, 'set a review date');
  if (isRejection(reason)) return reason;
  const { organisationId } = command.data;
  return [
    {
      type: 'UnitBoundaryReviewDateSet',
      data: { organisationId, unitId: found.unit.unitId, boundaryId: found.boundaryId, previousReviewBy: found.entry.reviewBy, reviewBy, setBy: ctx.actor.id, setAt: at(ctx), reason },
    },
  ];
};

/** A review of a unit boundary, like a team's: the change by the boundary's own rule first (never wider than the ancestors'), then the review. */
const reviewUnitBoundary: Rule<ReviewUnitBoundary> = (command, state, ctx) => {
  const found = unitBoundaryEntry(state, command.data.organisationId, command.data.unitId, command.data.boundaryId);
  if (isRejection(found)) return found;
  const { organisationId, outcome } = command.data;
  if (outcome !== 'kept' && outcome !== 'changed' && outcome !== 'dropped') {
    return reject('invalid', 'REVIEW.OUTCOME_INVALID', 'The outcome is one of kept, changed, dropped.', { field: 'outcome' });
  }
  const nextReviewBy = reviewDate(command.data.nextReviewBy, ctx, 'nextReviewBy');
  if (isRejection(nextReviewBy)) return nextReviewBy;
  if (outcome === 'dropped' && nextReviewBy !== null) return reject('invalid', 'REVIEW.DATE_INVALID', 'Something dropped has no next review.', { field: 'nextReviewBy' });
  const reason = requiredReason(ctx.reason, 'record a review');
  if (isRejection(reason)) return reason;
  const unitId = found.unit.unitId;
  const boundaryId = found.boundaryId;
  let change: readonly OrganisationEvent[] = [];
  if (outcome === 'dropped') {
    const removed = removeUnitBoundary({ type: 'RemoveUnitBoundary', data: { organisationId, unitId, boundaryId } }, state, ctx);
    if (isRejection(removed)) return removed;
    change = removed;
  } else if (outcome === 'changed') {
    if (typeof command.data.boundary !== 'object' || command.data.boundary === null) {
      return reject('invalid', 'REVIEW.CHANGE_MISSING', 'A changed boundary needs the new boundary.', { field: 'boundary' });
    }
    const set = setUnitBoundary({ type: 'SetUnitBoundary', data: { organisationId, unitId, boundary: { ...(command.data.boundary as object), boundaryId } } }, state, ctx);
    if (isRejection(set)) return set;
    if (set.length === 0) return reject('invalid', 'REVIEW.NO_CHANGE', `The review says boundary ${boundaryId} changed, but the new value is the current one.`, { field: 'boundary' });
    change = set;
  }
  return [...change, { type: 'UnitBoundaryReviewed', data: { organisationId, unitId, boundaryId, outcome, nextReviewBy, reviewedBy: ctx.actor.id, reviewedAt: at(ctx), reason } }];
};

/**
 * The whole unit tree of one organisation, with the units' boundaries, in one stream: the
 * tree's invariants (parent exists, no cycles, a unit's frame within its ancestors') span
 * many units, and units change rarely, so one stream costs little contention.
 */
export const organisationDecider: Decider<OrganisationCommand, OrganisationEvent, OrganisationState> = {
  initialState: initialOrganisationState,
  decide(command, state, ctx) {
    switch (command.type) {
      case 'CreateOrganisation':
        return createOrganisation(command, state, ctx);
      case 'AddUnit':
        return addUnit(command, state, ctx);
      case 'RenameUnit':
        return renameUnit(command, state, ctx);
      case 'MoveUnit':
        return moveUnit(command, state, ctx);
      case 'SetUnitBoundary':
        return setUnitBoundary(command, state, ctx);
      case 'NameUnitEscalationContact':
        return nameUnitEscalationContact(command, state, ctx);
      case 'SetUnitBoundaryReviewDate':
        return setUnitBoundaryReviewDate(command, state, ctx);
      case 'ReviewUnitBoundary':
        return reviewUnitBoundary(command, state, ctx);
      case 'RemoveUnitBoundary':
        return removeUnitBoundary(command, state, ctx);
      default:
        return assertNever(command);
    }
  },
  evolve: evolveOrganisation,
};
