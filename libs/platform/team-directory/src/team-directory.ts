import type { ReadModels } from '@leerzone/projections';
import {
  directoryMembershipId,
  directoryTeamId,
  teamDirectoryName,
  type DirectoryMembershipDocument,
  type DirectoryTeamDocument,
} from './team-directory.projection';

export interface DirectoryTeam {
  readonly teamId: string;
  readonly name: string;
  readonly unitId: string | null;
}

/** How a user stands to a team, as governance last said. */
export type TeamRelation = 'coach' | 'member' | 'none';

const MAX_MEMBERS = 1_000;

/**
 * Queries over a service's team directory. Eventually consistent with governance: a member
 * removed there stops counting here once the event arrived (milliseconds in process,
 * usually well under a second over Kafka).
 */
export class TeamDirectory {
  constructor(
    private readonly readModels: () => ReadModels,
    private readonly service: string,
  ) {}

  private get teams() {
    return this.readModels().collection<DirectoryTeamDocument>(teamDirectoryName(this.service), 'teams');
  }

  private get memberships() {
    return this.readModels().collection<DirectoryMembershipDocument>(teamDirectoryName(this.service), 'memberships');
  }

  async team(tenantId: string, teamId: string): Promise<DirectoryTeam | null> {
    const found = await this.teams.findOne({ _id: directoryTeamId(tenantId, teamId) });
    return found ? { teamId: found.teamId, name: found.name, unitId: found.unitId } : null;
  }

  /** A coach of the team (governance role `coach`) counts as coach even if also a member. */
  async relation(tenantId: string, teamId: string, userId: string): Promise<TeamRelation> {
    const membership = await this.memberships.findOne({ _id: directoryMembershipId(tenantId, teamId, userId) });
    if (!membership || !membership.current) return 'none';
    return membership.roles.includes('coach') ? 'coach' : 'member';
  }

  /** The team's current members (coaches included), by id. */
  async currentMembers(tenantId: string, teamId: string): Promise<Array<{ memberId: string; roles: readonly string[] }>> {
    const page = await this.memberships.find({ tenantId, teamId, current: true }, { sort: { memberId: 1 }, limit: MAX_MEMBERS });
    return page.items.map(({ memberId, roles }) => ({ memberId, roles }));
  }

  /** Teams the user is currently on, with their roles there. */
  async teamsOf(tenantId: string, userId: string): Promise<Array<{ teamId: string; roles: readonly string[] }>> {
    const page = await this.memberships.find({ tenantId, memberId: userId, current: true }, { sort: { teamId: 1 }, limit: MAX_MEMBERS });
    return page.items.map(({ teamId, roles }) => ({ teamId, roles }));
  }
}
