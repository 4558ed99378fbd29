import type { StoredEvent } from '@leerzone/kernel';
import { defineProjection } from '@leerzone/projections';
import type { TeamZoneChanged, Zone, ZoneThresholds } from '@leerzone/assessment-domain';

export const TEAM_ZONES_PROJECTION = 'assessment.team-zones';

/** Every move of a team between the four zones (TeamZoneChanged), one document per round that moved it. */
export interface ZoneChangeDocument {
  _id: string;
  tenantId: string;
  teamId: string;
  roundId: string;
  from: Zone | null;
  to: Zone;
  safety: number;
  standards: number;
  thresholds: ZoneThresholds;
  changedAt: string;
  [key: string]: unknown;
}

export const teamZonesProjection = defineProjection({
  name: TEAM_ZONES_PROJECTION,
  version: 1,
  collections: { changes: { indexes: [{ keys: { tenantId: 1, teamId: 1, changedAt: -1 } }] } },
  handles: ['TeamZoneChanged'],
  apply(stored: StoredEvent, write) {
    const { teamId, roundId, from, to, safety, standards, thresholds, changedAt } = (stored.data as TeamZoneChanged['data']);
    write.collection<ZoneChangeDocument>('changes').put(`${stored.tenantId}/${roundId}`, { tenantId: stored.tenantId, teamId, roundId, from, to, safety, standards, thresholds, changedAt });
  },
});
