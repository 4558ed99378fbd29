import { TEAM_FACT_TYPES, readTeamFact, teamOverviewChange, type TeamOverview } from '@leerzone/analytics-domain';
import { defineProjection } from '@leerzone/projections';

export const TEAM_OVERVIEW_PROJECTION = 'analytics.team-overview';

export type TeamOverviewDocument = TeamOverview & { _id: string; [key: string]: unknown };

/** `<tenant>/<team>`: a team id belongs to one tenant, and the key says so. */
export const teamOverviewId = (tenantId: string, teamId: string): string => `${tenantId}/${teamId}`;

/**
 * One document per team, fed over the bus from governance's team events. Each document is
 * written by one team stream only and never deleted: what a projection fed over a
 * partitioned topic needs to stay exact (see BusProjection).
 */
export const teamOverviewProjection = defineProjection({
  name: TEAM_OVERVIEW_PROJECTION,
  version: 1,
  collections: {
    teams: { indexes: [{ keys: { tenantId: 1, name: 1 } }, { keys: { tenantId: 1, phase: 1 } }] },
  },
  handles: TEAM_FACT_TYPES,
  apply(event, write) {
    const fact = readTeamFact(event);
    if (!fact) return;
    const teams = write.collection<TeamOverviewDocument>('teams');
    const id = teamOverviewId(event.tenantId, fact.teamId);
    const change = teamOverviewChange(fact, event.occurredAt);
    switch (change.kind) {
      case 'opened':
        return teams.put(id, { tenantId: event.tenantId, ...change.overview });
      case 'changed':
        return teams.update(id, { $set: { ...change.fields, lastActivityAt: change.lastActivityAt } });
      case 'counted':
        return teams.update(id, { $inc: { [change.field]: change.by }, $set: { lastActivityAt: change.lastActivityAt } });
    }
  },
});
