import { defineProjection, type ProjectionDefinition } from '@leerzone/projections';
import { DIRECTORY_FACT_TYPES, readDirectoryFact } from './team-facts';

export interface DirectoryTeamDocument {
  _id: string;
  tenantId: string;
  teamId: string;
  name: string;
  unitId: string | null;
  [key: string]: unknown;
}

export interface DirectoryMembershipDocument {
  _id: string;
  tenantId: string;
  teamId: string;
  memberId: string;
  roles: string[];
  /** False once the member left; kept, not deleted (a projection fed over the bus never deletes). */
  current: boolean;
  [key: string]: unknown;
}

/** `<tenant>/<team>`, `<tenant>/<team>/<member>`: ids are only unique within a tenant, and the key says so. */
export const directoryTeamId = (tenantId: string, teamId: string): string => `${tenantId}/${teamId}`;
export const directoryMembershipId = (tenantId: string, teamId: string, memberId: string): string => `${tenantId}/${teamId}/${memberId}`;

export const teamDirectoryName = (service: string): string => `${service}.team-directory`;

/**
 * A service's own directory of governance's teams and memberships, fed over the bus. Every
 * document is written by the events of one team stream only, and nothing is deleted: what a
 * projection fed over a partitioned topic needs to stay exact (see BusProjection). Each
 * service keeps its own (`okr.team-directory`, `assessment.team-directory`, …).
 */
export function teamDirectoryProjection(service: string): ProjectionDefinition<'teams' | 'memberships'> {
  return defineProjection({
    name: teamDirectoryName(service),
    version: 1,
    collections: {
      teams: { indexes: [{ keys: { tenantId: 1, teamId: 1 } }] },
      memberships: { indexes: [{ keys: { tenantId: 1, teamId: 1, current: 1 } }, { keys: { tenantId: 1, memberId: 1, current: 1 } }] },
    },
    handles: DIRECTORY_FACT_TYPES,
    apply(event, write) {
      const fact = readDirectoryFact(event);
      if (!fact) return;
      const { tenantId } = event;
      const teams = write.collection<DirectoryTeamDocument>('teams');
      const memberships = write.collection<DirectoryMembershipDocument>('memberships');
      switch (fact.type) {
        case 'TeamCreated':
          return teams.put(directoryTeamId(tenantId, fact.teamId), { tenantId, teamId: fact.teamId, name: fact.name, unitId: fact.unitId });
        case 'TeamRenamed':
          return teams.update(directoryTeamId(tenantId, fact.teamId), { $set: { name: fact.name } });
        case 'TeamMovedToUnit':
          return teams.update(directoryTeamId(tenantId, fact.teamId), { $set: { unitId: fact.unitId } });
        case 'MemberAdded':
        case 'MemberRolesChanged':
          return memberships.put(directoryMembershipId(tenantId, fact.teamId, fact.memberId), {
            tenantId,
            teamId: fact.teamId,
            memberId: fact.memberId,
            roles: [...fact.roles],
            current: true,
          });
        case 'MemberRemoved':
          return memberships.update(directoryMembershipId(tenantId, fact.teamId, fact.memberId), { $set: { current: false } });
      }
    },
  });
}
