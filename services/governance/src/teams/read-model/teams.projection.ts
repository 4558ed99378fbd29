import type { StoredEvent } from '@leerzone/kernel';
import { defineProjection } from '@leerzone/projections';
import type { TeamEvent } from '@leerzone/governance-domain';

export const TEAMS_PROJECTION = 'governance.teams';

/** One document per team: what lists and the team page show. */
export interface TeamDocument {
  _id: string;
  tenantId: string;
  teamId: string;
  name: string;
  unitId: string | null;
  purpose: string | null;
  phase: string;
  phaseSince: string;
  memberCount: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  [key: string]: unknown;
}

type Handled = Extract<TeamEvent, { type: 'TeamCreated' | 'TeamRenamed' | 'TeamMovedToUnit' | 'TeamPhaseChanged' | 'MemberAdded' | 'MemberRemoved' }>;
const HANDLED: readonly Handled['type'][] = ['TeamCreated', 'TeamRenamed', 'TeamMovedToUnit', 'TeamPhaseChanged', 'MemberAdded', 'MemberRemoved'];

export const teamsProjection = defineProjection({
  name: TEAMS_PROJECTION,
  version: 1,
  collections: { teams: { indexes: [{ keys: { tenantId: 1, name: 1 } }] } },
  handles: HANDLED,
  apply(stored: StoredEvent, write) {
    const event = { type: stored.type, data: stored.data } as Handled;
    const teams = write.collection('teams');
    const id = event.data.teamId;
    const touched = { updatedAt: stored.occurredAt };
    switch (event.type) {
      case 'TeamCreated':
        teams.put(id, {
          tenantId: stored.tenantId,
          teamId: id,
          name: event.data.name,
          unitId: event.data.unitId,
          purpose: event.data.purpose,
          phase: 'preparing',
          phaseSince: event.data.createdAt,
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
      case 'TeamPhaseChanged':
        return teams.update(id, { $set: { phase: event.data.phase, phaseSince: event.data.changedAt, ...touched } });
      case 'MemberAdded':
        return teams.update(id, { $inc: { memberCount: 1 }, $set: touched });
      case 'MemberRemoved':
        return teams.update(id, { $inc: { memberCount: -1 }, $set: touched });
    }
  },
});
