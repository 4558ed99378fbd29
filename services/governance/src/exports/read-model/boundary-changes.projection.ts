import type { StoredEvent } from '@leerzone/kernel';
import { defineProjection } from '@leerzone/projections';
import type { Boundary, OrganisationEvent, TeamEvent } from '@leerzone/governance-domain';

export const BOUNDARY_CHANGES_PROJECTION = 'governance.boundary-changes';

/** One change of a boundary, team or unit: what it became (or what was removed), who, when, why. */
export interface BoundaryChangeDocument {
  _id: string;
  tenantId: string;
  level: 'team' | 'unit';
  teamId: string | null;
  unitId: string | null;
  organisationId: string | null;
  boundaryId: string;
  change: 'set' | 'changed' | 'removed';
  kind: Boundary['kind'];
  title: string;
  /** The financial boundary's decision area; null for rules and limits on every area. */
  area: string | null;
  boundary: Boundary;
  previous: Boundary | null;
  by: string;
  at: string;
  reason: string;
  /** The consent proposal it came from, if any. */
  proposalId: string | null;
  [key: string]: unknown;
}

const HANDLED = ['TeamBoundarySet', 'TeamBoundaryRemoved', 'UnitBoundarySet', 'UnitBoundaryRemoved'] as const;
type Handled = Extract<TeamEvent | OrganisationEvent, { type: (typeof HANDLED)[number] }>;

const areaOf = (boundary: Boundary): string | null => (boundary.kind === 'financial' ? boundary.decisionArea : null);

/** Append-only: a document per change (by event id), for the export of boundary changes. */
export const boundaryChangesProjection = defineProjection({
  name: BOUNDARY_CHANGES_PROJECTION,
  version: 1,
  collections: { changes: { indexes: [{ keys: { tenantId: 1, at: 1 } }] } },
  handles: HANDLED,
  apply(stored: StoredEvent, write) {
    const event = { type: stored.type, data: stored.data } as Handled;
    const common = { tenantId: stored.tenantId };
    const changes = write.collection('changes');
    switch (event.type) {
      case 'TeamBoundarySet': {
        const { teamId, boundary, previous, setBy, setAt, reason, proposalId } = event.data;
        return changes.put(stored.eventId, { ...common, level: 'team', teamId, unitId: null, organisationId: null, boundaryId: boundary.boundaryId, change: previous ? 'changed' : 'set', kind: boundary.kind, title: boundary.title, area: areaOf(boundary), boundary, previous, by: setBy, at: setAt, reason, proposalId });
      }
      case 'TeamBoundaryRemoved': {
        const { teamId, boundaryId, previous, removedBy, removedAt, reason, proposalId } = event.data;
        return changes.put(stored.eventId, { ...common, level: 'team', teamId, unitId: null, organisationId: null, boundaryId, change: 'removed', kind: previous.kind, title: previous.title, area: areaOf(previous), boundary: previous, previous, by: removedBy, at: removedAt, reason, proposalId });
      }
      case 'UnitBoundarySet': {
        const { organisationId, unitId, boundary, previous, setBy, setAt, reason } = event.data;
        return changes.put(stored.eventId, { ...common, level: 'unit', teamId: null, unitId, organisationId, boundaryId: boundary.boundaryId, change: previous ? 'changed' : 'set', kind: boundary.kind, title: boundary.title, area: areaOf(boundary), boundary, previous, by: setBy, at: setAt, reason, proposalId: null });
      }
      case 'UnitBoundaryRemoved': {
        const { organisationId, unitId, boundaryId, previous, removedBy, removedAt, reason } = event.data;
        return changes.put(stored.eventId, { ...common, level: 'unit', teamId: null, unitId, organisationId, boundaryId, change: 'removed', kind: previous.kind, title: previous.title, area: areaOf(previous), boundary: previous, previous, by: removedBy, at: removedAt, reason, proposalId: null });
      }
    }
  },
});
