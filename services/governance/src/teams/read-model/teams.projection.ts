import type { StoredEvent } from '@leerzone/kernel';
import { defineProjection } from '@leerzone/projections';
import { addMonths, MAX_SETTING_MONTHS_IN_PHASE, MAX_SETTING_MONTHS_ON_JOURNEY, TEAM_EVENT_TYPES, type TeamEvent, type TeamPhase } from '@leerzone/governance-domain';

export const TEAMS_PROJECTION = 'governance.teams';

/** Phases in which a team can stall: preparing waits for its turn, self-steering has arrived. */
export const STALLABLE_PHASES: readonly TeamPhase[] = ['pilot', 'forming', 'performing'];

/** One document per team: what lists and the team page show. */
export interface TeamDocument {
  _id: string;
  tenantId: string;
  teamId: string;
  /**
   * The stream the team's events are in, the audit API's address for its history:
   * `team-<n>:<tenant>:<id>`, or `team-<id>` for a team a store holds from before stream ids
   * were scoped by tenant.
   */
  streamId: string;
  name: string;
  unitId: string | null;
  purpose: string | null;
  phase: TeamPhase;
  phaseSince: string;
  phaseHistory: { phase: TeamPhase; since: string }[];
  /** When the team last left `preparing`; null while preparing. */
  journeyStartedAt: string | null;
  /**
   * The moments from which the team counts as stalled, precomputed from the events for every
   * threshold a tenant may set (`m<months>` → instant), so a list can filter on "stalled as of
   * T" in the store under the tenant's own settings: phase-too-long, journey-too-long.
   */
  phaseStallsAt: Record<string, string> | null;
  journeyStallsAt: Record<string, string> | null;
  memberCount: number;
  createdBy: string;
  createdAt: string;
  /** The team stream's version: its ETag. */
  version: number;
  updatedAt: string;
  [key: string]: unknown;
}

/** `phaseStallsAt.m<months>`: the key of one threshold. */
export const stallKey = (months: number) => `m${months}`;
const stallMoments = (iso: string, upTo: number): Record<string, string> =>
  Object.fromEntries(Array.from({ length: upTo }, (_, i) => [stallKey(i + 1), addMonths(new Date(iso), i + 1).toISOString()]));

/** `<tenant>/<team>`: team ids are only unique within a tenant, and the key says so. */
export const teamDocumentId = (tenantId: string, teamId: string): string => `${tenantId}/${teamId}`;

export const teamsProjection = defineProjection({
  name: TEAMS_PROJECTION,
  // 2: every team event moves the version (ETag); phase history and stall thresholds. 3: stall moments per tenant-settable threshold.
  // 4: `_id`s start with the tenant.
  version: 4,
  collections: {
    teams: { indexes: [{ keys: { tenantId: 1, name: 1 } }, { keys: { tenantId: 1, phase: 1 } }, { keys: { tenantId: 1, unitId: 1 } }] },
  },
  handles: TEAM_EVENT_TYPES,
  apply(stored: StoredEvent, write) {
    const event = { type: stored.type, data: stored.data } as TeamEvent;
    const teams = write.collection('teams');
    const id = teamDocumentId(stored.tenantId, event.data.teamId);
    const touched = { updatedAt: stored.occurredAt, version: stored.streamPosition };
    switch (event.type) {
      case 'TeamCreated':
        teams.put(id, {
          tenantId: stored.tenantId,
          teamId: event.data.teamId,
          streamId: stored.streamId,
          name: event.data.name,
          unitId: event.data.unitId,
          purpose: event.data.purpose,
          phase: 'preparing',
          phaseSince: event.data.createdAt,
          phaseHistory: [{ phase: 'preparing', since: event.data.createdAt }],
          journeyStartedAt: null,
          phaseStallsAt: null,
          journeyStallsAt: null,
          memberCount: 0,
          createdBy: event.data.createdBy,
          createdAt: event.data.createdAt,
          ...touched,
        });
        return;
      case 'TeamRenamed':
        return teams.update(id, { $set: { name: event.data.name, ...touched } });
      case 'TeamMovedToUnit':
        return teams.update(id, { $set: { unitId: event.data.unitId, ...touched } });
      case 'TeamPhaseChanged': {
        const { phase, previousPhase, changedAt } = event.data;
        // Mirrors phaseProgress: the journey starts at the latest departure from preparing.
        const journey =
          phase === 'preparing'
            ? { journeyStartedAt: null, journeyStallsAt: null }
            : previousPhase === 'preparing'
              ? { journeyStartedAt: changedAt, journeyStallsAt: stallMoments(changedAt, MAX_SETTING_MONTHS_ON_JOURNEY) }
              : {};
        const phaseStallsAt = STALLABLE_PHASES.includes(phase) ? stallMoments(changedAt, MAX_SETTING_MONTHS_IN_PHASE) : null;
        return teams.update(id, { $set: { phase, phaseSince: changedAt, phaseStallsAt, ...journey, ...touched }, $push: { phaseHistory: { phase, since: changedAt } } });
      }
      case 'MemberAdded':
        return teams.update(id, { $inc: { memberCount: 1 }, $set: touched });
      case 'MemberRemoved':
        return teams.update(id, { $inc: { memberCount: -1 }, $set: touched });
      default:
        return teams.update(id, { $set: touched });
    }
  },
});
