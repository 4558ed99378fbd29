import type { StoredEvent } from '@leerzone/kernel';
import { defineProjection } from '@leerzone/projections';
import { ORGANISATION_EVENT_TYPES, type Boundary, type OrganisationEvent } from '@leerzone/governance-domain';

export const ORGANISATIONS_PROJECTION = 'governance.organisations';

export interface OrganisationDocument {
  _id: string;
  tenantId: string;
  organisationId: string;
  name: string;
  createdBy: string;
  createdAt: string;
  /** The organisation stream's version: its ETag. */
  version: number;
  updatedAt: string;
  [key: string]: unknown;
}

/** One per unit; also the directory that finds a unit's organisation (team commands need its frame). */
export interface UnitDocument {
  _id: string;
  tenantId: string;
  organisationId: string;
  unitId: string;
  name: string;
  parentUnitId: string | null;
  addedAt: string;
  /** Who answers the unit's escalations; absent or null when nobody was named. */
  escalationContactId?: string | null;
  [key: string]: unknown;
}

export interface UnitBoundaryDocument {
  _id: string;
  tenantId: string;
  organisationId: string;
  unitId: string;
  boundaryId: string;
  boundary: Boundary;
  setBy: string;
  setAt: string;
  reason: string;
  /** Global position of the event that first set it. */
  order: number;
  /** When it is looked at again; absent or null for none. */
  reviewBy?: string | null;
  [key: string]: unknown;
}

/** `<tenant>/<organisation>`: organisation ids are only unique within a tenant, and the key says so (units and boundaries likewise). */
export const organisationDocumentId = (tenantId: string, organisationId: string) => `${tenantId}/${organisationId}`;
export const unitDocumentId = (tenantId: string, organisationId: string, unitId: string) => `${tenantId}/${organisationId}/${unitId}`;
// A boundary id belongs to one unit of an organisation (the decider guarantees it).
export const unitBoundaryDocumentId = (tenantId: string, organisationId: string, boundaryId: string) => `${tenantId}/${organisationId}/${boundaryId}`;

export const organisationsProjection = defineProjection({
  name: ORGANISATIONS_PROJECTION,
  // 2: `_id`s start with the tenant.
  version: 2,
  collections: {
    organisations: { indexes: [{ keys: { tenantId: 1, name: 1 } }] },
    units: { indexes: [{ keys: { tenantId: 1, unitId: 1 } }, { keys: { tenantId: 1, organisationId: 1 } }] },
    'unit-boundaries': { indexes: [{ keys: { tenantId: 1, organisationId: 1 } }] },
  },
  handles: ORGANISATION_EVENT_TYPES,
  apply(stored: StoredEvent, write) {
    const event = { type: stored.type, data: stored.data } as OrganisationEvent;
    const organisationId = event.data.organisationId;
    const tenantId = stored.tenantId;
    const touched = { version: stored.streamPosition, updatedAt: stored.occurredAt };
    const organisations = write.collection('organisations');
    const units = write.collection('units');
    const boundaries = write.collection('unit-boundaries');
    if (event.type === 'OrganisationCreated') {
      organisations.put(organisationDocumentId(tenantId, organisationId), { tenantId, organisationId, name: event.data.name, createdBy: event.data.createdBy, createdAt: event.data.createdAt, ...touched });
      return;
    }
    organisations.update(organisationDocumentId(tenantId, organisationId), { $set: touched });
    switch (event.type) {
      case 'UnitAdded': {
        const { unitId, name, parentUnitId, addedAt } = event.data;
        return units.put(unitDocumentId(tenantId, organisationId, unitId), { tenantId, organisationId, unitId, name, parentUnitId, addedAt });
      }
      case 'UnitRenamed':
        return units.update(unitDocumentId(tenantId, organisationId, event.data.unitId), { $set: { name: event.data.name } });
      case 'UnitMoved':
        return units.update(unitDocumentId(tenantId, organisationId, event.data.unitId), { $set: { parentUnitId: event.data.parentUnitId } });
      case 'UnitBoundarySet': {
        const { unitId, boundary, setBy, setAt, reason } = event.data;
        // Upsert keeps `order` (when the boundary was first set), so listings keep the decider's order.
        return boundaries.upsert(unitBoundaryDocumentId(tenantId, organisationId, boundary.boundaryId), {
          $set: { tenantId, organisationId, unitId, boundaryId: boundary.boundaryId, boundary, setBy, setAt, reason },
          $setOnInsert: { order: stored.globalPosition },
        });
      }
      case 'UnitBoundaryRemoved':
        return boundaries.delete(unitBoundaryDocumentId(tenantId, organisationId, event.data.boundaryId));
      case 'UnitBoundaryReviewDateSet':
        return boundaries.update(unitBoundaryDocumentId(tenantId, organisationId, event.data.boundaryId), { $set: { reviewBy: event.data.reviewBy } });
      case 'UnitBoundaryReviewed':
        // A dropped boundary was removed by the UnitBoundaryRemoved before it; updating a removed document does nothing.
        return boundaries.update(unitBoundaryDocumentId(tenantId, organisationId, event.data.boundaryId), { $set: { reviewBy: event.data.nextReviewBy } });
      case 'UnitEscalationContactNamed':
        return units.update(unitDocumentId(tenantId, organisationId, event.data.unitId), { $set: { escalationContactId: event.data.contactId } });
    }
  },
});
