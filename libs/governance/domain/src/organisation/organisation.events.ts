import type { DomainEvent } from '@leerzone/kernel';
import type { Boundary } from '../shared/boundary.model';

type Ev<Type extends string, Data> = DomainEvent<Type, Readonly<Data>>;

export type OrganisationCreated = Ev<'OrganisationCreated', { organisationId: string; name: string; createdBy: string; createdAt: string }>;
export type UnitAdded = Ev<'UnitAdded', { organisationId: string; unitId: string; name: string; parentUnitId: string | null; addedBy: string; addedAt: string }>;
export type UnitRenamed = Ev<'UnitRenamed', { organisationId: string; unitId: string; previousName: string; name: string; renamedBy: string; renamedAt: string }>;
export type UnitMoved = Ev<
  'UnitMoved',
  { organisationId: string; unitId: string; previousParentUnitId: string | null; parentUnitId: string | null; movedBy: string; movedAt: string; reason: string }
>;
export type UnitBoundarySet = Ev<
  'UnitBoundarySet',
  { organisationId: string; unitId: string; boundary: Boundary; previous: Boundary | null; setBy: string; setAt: string; reason: string }
>;
export type UnitBoundaryRemoved = Ev<
  'UnitBoundaryRemoved',
  { organisationId: string; unitId: string; boundaryId: string; previous: Boundary; removedBy: string; removedAt: string; reason: string }
>;

/**
 * Whom the tenant names to answer escalations from the unit's teams (and the teams of units
 * below it that name nobody themselves); null takes the naming back.
 */
export type UnitEscalationContactNamed = Ev<
  'UnitEscalationContactNamed',
  { organisationId: string; unitId: string; previousContactId: string | null; contactId: string | null; namedBy: string; namedAt: string; reason: string }
>;

/** A date by which the unit's boundary is looked at again ("good enough for now, safe enough to try"); null clears it. */
export type UnitBoundaryReviewDateSet = Ev<
  'UnitBoundaryReviewDateSet',
  { organisationId: string; unitId: string; boundaryId: string; previousReviewBy: string | null; reviewBy: string | null; setBy: string; setAt: string; reason: string }
>;
/** A review of a unit boundary: kept, changed (UnitBoundarySet first) or dropped (UnitBoundaryRemoved first). */
export type UnitBoundaryReviewed = Ev<
  'UnitBoundaryReviewed',
  { organisationId: string; unitId: string; boundaryId: string; outcome: 'kept' | 'changed' | 'dropped'; nextReviewBy: string | null; reviewedBy: string; reviewedAt: string; reason: string }
>;

export type OrganisationEvent =
  | OrganisationCreated
  | UnitAdded
  | UnitRenamed
  | UnitMoved
  | UnitBoundarySet
  | UnitBoundaryRemoved
  | UnitEscalationContactNamed
  | UnitBoundaryReviewDateSet
  | UnitBoundaryReviewed;

const organisationEventTypeSet: Record<OrganisationEvent['type'], true> = {
  OrganisationCreated: true,
  UnitAdded: true,
  UnitRenamed: true,
  UnitMoved: true,
  UnitBoundarySet: true,
  UnitBoundaryRemoved: true,
  UnitEscalationContactNamed: true,
  UnitBoundaryReviewDateSet: true,
  UnitBoundaryReviewed: true,
};
export const ORGANISATION_EVENT_TYPES = Object.keys(organisationEventTypeSet) as readonly OrganisationEvent['type'][];
export const isOrganisationEvent = (event: { readonly type: string }): event is OrganisationEvent => Object.hasOwn(organisationEventTypeSet, event.type);
