import type { StoredEvent } from '@leerzone/kernel';
import { defineProjection } from '@leerzone/projections';
import type { CheckInCadenceSet } from '@leerzone/okr-domain';

export const OKR_TEAMS_PROJECTION = 'okr.teams';

export interface OkrTeamDocument {
  _id: string;
  tenantId: string;
  teamId: string;
  checkInCadenceDays: number;
  [key: string]: unknown;
}

export const okrTeamDocumentId = (tenantId: string, teamId: string) => `${tenantId}/${teamId}`;

/** Each team's check-in cadence, which the overdue query and the silence signal measure against (absent: the default). */
export const okrTeamsProjection = defineProjection({
  name: OKR_TEAMS_PROJECTION,
  version: 1,
  collections: { teams: { indexes: [{ keys: { tenantId: 1, teamId: 1 } }] } },
  handles: ['CheckInCadenceSet'],
  apply(stored: StoredEvent, write) {
    const { teamId, everyDays } = (stored as unknown as CheckInCadenceSet).data;
    write.collection<OkrTeamDocument>('teams').put(okrTeamDocumentId(stored.tenantId, teamId), { tenantId: stored.tenantId, teamId, checkInCadenceDays: everyDays });
  },
});
