import type { StoredEvent } from '@leerzone/kernel';
import { defineProjection } from '@leerzone/projections';
import type { Boundary, TeamEvent } from '@leerzone/governance-domain';

export const TEAM_BOUNDARIES_PROJECTION = 'governance.team-boundaries';

export interface TeamBoundaryDocument {
  _id: string;
  tenantId: string;
  teamId: string;
  boundaryId: string;
  boundary: Boundary;
  setBy: string;
  setAt: string;
  reason: string;
  proposalId: string | null;
  /** Global position of the event that first set it: the decider lists boundaries in that order. */
  order: number;
  [key: string]: unknown;
}

const HANDLED = ['TeamBoundarySet', 'TeamBoundaryRemoved'] as const;
type Handled = Extract<TeamEvent, { type: (typeof HANDLED)[number] }>;

export const teamBoundaryDocumentId = (tenantId: string, teamId: string, boundaryId: string) => `${tenantId}/${teamId}/${boundaryId}`;

export const teamBoundariesProjection = defineProjection({
  name: TEAM_BOUNDARIES_PROJECTION,
  // 2: `_id`s start with the tenant.
  version: 2,
  collections: { boundaries: { indexes: [{ keys: { tenantId: 1, teamId: 1, order: 1 } }] } },
  handles: HANDLED,
  apply(stored: StoredEvent, write) {
    const event = { type: stored.type, data: stored.data } as Handled;
    const boundaries = write.collection('boundaries');
    if (event.type === 'TeamBoundaryRemoved') return boundaries.delete(teamBoundaryDocumentId(stored.tenantId, event.data.teamId, event.data.boundaryId));
    const { teamId, boundary, setBy, setAt, reason, proposalId } = event.data;
    boundaries.upsert(teamBoundaryDocumentId(stored.tenantId, teamId, boundary.boundaryId), {
      $set: { tenantId: stored.tenantId, teamId, boundaryId: boundary.boundaryId, boundary, setBy, setAt, reason, proposalId },
      $setOnInsert: { order: stored.globalPosition },
    });
  },
});
