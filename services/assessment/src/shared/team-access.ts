import { Injectable } from '@nestjs/common';
import { reject, type Rejection } from '@leerzone/kernel';
import { ProblemException, type Principal, type Role } from '@leerzone/nest-platform';
import { TeamDirectory, type DirectoryTeam } from '@leerzone/team-directory';

/** Token roles that read every team's round results (aggregates above the threshold only), never task maturity. */
export const TENANT_WIDE_READERS: Role[] = ['admin', 'transformation-lead', 'analyst'];
/** Token roles that define the tenant's own instruments. */
export const INSTRUMENT_AUTHORS: Role[] = ['admin', 'transformation-lead'];

/**
 * Who may act on a team, from the service's own read model of governance's teams and
 * members (TeamDirectory). Returns rejections so that lookups, which re-run on every
 * retry, can refuse with the same codes as the HTTP layer.
 */
@Injectable()
export class TeamAccess {
  constructor(private readonly directory: TeamDirectory) {}

  async requireTeam(tenantId: string, teamId: string): Promise<DirectoryTeam> {
    const team = await this.directory.team(tenantId, teamId);
    if (!team) throw ProblemException.notFound('TEAM.NOT_FOUND', `There is no team ${teamId}.`);
    return team;
  }

  relation(principal: Principal, teamId: string) {
    return this.directory.relation(principal.tenantId, teamId, principal.userId);
  }

  /** Only a coach of the team (governance role `coach` on its membership). */
  async coach(principal: Principal, teamId: string, what: string): Promise<Rejection | null> {
    if ((await this.relation(principal, teamId)) === 'coach') return null;
    return reject('forbidden', 'TEAM.NOT_COACH_OF_TEAM', `Only a coach of team ${teamId} can ${what}.`, { field: 'teamId' });
  }

  /** A current member or coach of the team. */
  async onTeam(principal: Principal, teamId: string, what: string): Promise<Rejection | null> {
    if ((await this.relation(principal, teamId)) !== 'none') return null;
    return reject('forbidden', 'TEAM.NOT_ON_TEAM', `Only current members and coaches of team ${teamId} can ${what}.`, { field: 'teamId' });
  }

  /** The team's own people, or a tenant-wide reader. */
  async reader(principal: Principal, teamId: string): Promise<Rejection | null> {
    if (principal.roles.some((role) => TENANT_WIDE_READERS.includes(role))) return null;
    return this.onTeam(principal, teamId, "read this team's rounds");
  }

  /** The respondents of a new round: the team's current holders of the member role, coaches left out (they open, steer and read the round). */
  async respondents(tenantId: string, teamId: string): Promise<string[]> {
    const members = await this.directory.currentMembers(tenantId, teamId);
    return members.filter((m) => m.roles.includes('member') && !m.roles.includes('coach')).map((m) => m.memberId);
  }

  /** Teams the user coaches now: what canSeeTaskMaturity needs. */
  async coachOf(principal: Principal): Promise<string[]> {
    const teams = await this.directory.teamsOf(principal.tenantId, principal.userId);
    return teams.filter((t) => t.roles.includes('coach')).map((t) => t.teamId);
  }
}

/** Throws a rejection as its problem (outside ServiceCommands). */
export function refuse(rejection: Rejection | null): void {
  if (rejection) throw ProblemException.fromRejection(rejection);
}
