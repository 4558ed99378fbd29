import { assertNever } from '@leerzone/kernel';
import type { Boundary } from '../shared/boundary.model';
import { updateEntry, withEntry, withoutEntry } from '../shared/maps';
import type { OrganisationEvent } from './organisation.events';

export interface UnitBoundaryEntry {
  readonly boundary: Boundary;
  readonly setBy: string;
  readonly setAt: string;
  readonly reason: string;
  /** When it is looked at again; kept across changes until a review or a new date moves it. */
  readonly reviewBy: string | null;
}

export interface UnitState {
  readonly unitId: string;
  readonly name: string;
  readonly parentUnitId: string | null;
  readonly addedAt: string;
  readonly boundaries: ReadonlyMap<string, UnitBoundaryEntry>;
  /** Who answers the unit's escalations, when the tenant named someone. */
  readonly escalationContactId: string | null;
}

export interface OrganisationState {
  readonly exists: boolean;
  readonly organisationId: string | null;
  readonly name: string | null;
  readonly units: ReadonlyMap<string, UnitState>;
  /** boundaryId → unitId: a boundary belongs to exactly one unit. */
  readonly boundaryOwners: ReadonlyMap<string, string>;
}

export const initialOrganisationState: OrganisationState = { exists: false, organisationId: null, name: null, units: new Map(), boundaryOwners: new Map() };

export function evolveOrganisation(state: OrganisationState, event: OrganisationEvent): OrganisationState {
  switch (event.type) {
    case 'OrganisationCreated':
      return { ...state, exists: true, organisationId: event.data.organisationId, name: event.data.name };
    case 'UnitAdded': {
      const { unitId, name, parentUnitId, addedAt } = event.data;
      return { ...state, units: withEntry(state.units, unitId, { unitId, name, parentUnitId, addedAt, boundaries: new Map(), escalationContactId: null }) };
    }
    case 'UnitRenamed':
      return { ...state, units: updateEntry(state.units, event.data.unitId, (u) => ({ ...u, name: event.data.name })) };
    case 'UnitMoved':
      return { ...state, units: updateEntry(state.units, event.data.unitId, (u) => ({ ...u, parentUnitId: event.data.parentUnitId })) };
    case 'UnitBoundarySet': {
      const { unitId, boundary, setBy, setAt, reason } = event.data;
      return {
        ...state,
        units: updateEntry(state.units, unitId, (u) => ({
          ...u,
          boundaries: withEntry(u.boundaries, boundary.boundaryId, { boundary, setBy, setAt, reason, reviewBy: u.boundaries.get(boundary.boundaryId)?.reviewBy ?? null }),
        })),
        boundaryOwners: withEntry(state.boundaryOwners, boundary.boundaryId, unitId),
      };
    }
    case 'UnitBoundaryRemoved': {
      const { unitId, boundaryId } = event.data;
      return {
        ...state,
        units: updateEntry(state.units, unitId, (u) => ({ ...u, boundaries: withoutEntry(u.boundaries, boundaryId) })),
        boundaryOwners: withoutEntry(state.boundaryOwners, boundaryId),
      };
    }
    case 'UnitBoundaryReviewDateSet':
    case 'UnitBoundaryReviewed': {
      const { unitId, boundaryId } = event.data;
      const reviewBy = event.type === 'UnitBoundaryReviewDateSet' ? event.data.reviewBy : event.data.nextReviewBy;
      return { ...state, units: updateEntry(state.units, unitId, (u) => ({ ...u, boundaries: updateEntry(u.boundaries, boundaryId, (b) => ({ ...b, reviewBy })) })) };
    }
    case 'UnitEscalationContactNamed':
      return { ...state, units: updateEntry(state.units, event.data.unitId, (u) => ({ ...u, escalationContactId: event.data.contactId })) };
    default:
      return assertNever(event);
  }
}
