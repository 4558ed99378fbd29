import { Injectable } from '@nestjs/common';
import { reject, type Rejection } from '@leerzone/kernel';
import { ProblemException, type Principal, type Role } from '@leerzone/nest-platform';
import { TeamDirectory, type TeamRelation } from '@leerzone/team-directory';

/** Roles that read the blameless views of every team of the tenant (never a confidential case). */
export const TENANT_READERS: Role[] = ['transformation-lead', 'admin', 'analyst'];
/** Roles that set the tenant's rules for learning: the taxonomy and the due-date rule. */
export const TENANT_RULE_SETTERS: Role[] = ['transformation-lead', 'admin'];
/** Token roles of people who work in teams; the team relation from the directory decides per team. */
export const TEAM_ROLES: Role[] = ['member', 'coach'];

export const teamNotFound = (teamId: string, field = 'teamId'): Rejection => reject('not-found', 'TEAM.NOT_FOUND', `There is no team ${teamId}.`, { field });

/**
 * Who may act for a team, from the service's own directory of governance's teams (fed over
 * the bus): `team` = a current member or coach, `coach` = a coach of that team. Another
 * tenant's team is simply not there.
 */
@Injectable()
export class TeamAccess {
  constructor(private readonly directory: TeamDirectory) {}

  relation(principal: Principal, teamId: string): Promise<TeamRelation> {
    return this.directory.relation(principal.tenantId, teamId, principal.userId);
  }

  /** A rejection when the caller may not act for the team (`what` completes "Only … can …"), else null. */
  async check(principal: Principal, teamId: string, needs: 'team' | 'coach', what: string, field = 'teamId'): Promise<Rejection | null> {
    const team = await this.directory.team(principal.tenantId, teamId);
    if (!team) return teamNotFound(teamId, field);
    const relation = await this.relation(principal, teamId);
    if (needs === 'coach') {
      return relation === 'coach' ? null : reject('forbidden', 'TEAM.NOT_COACH_OF_TEAM', `Only a coach of team ${teamId} can ${what}.`, { field });
    }
    return relation === 'none' ? reject('forbidden', 'TEAM.NOT_A_MEMBER', `Only members and coaches of team ${teamId} can ${what}.`, { field }) : null;
  }

  /** Reading a team's blameless views: its members and coaches, or a tenant-wide reader. Throws the problem. */
  async requireReader(principal: Principal, teamId: string): Promise<void> {
    const team = await this.directory.team(principal.tenantId, teamId);
    if (!team) throw ProblemException.fromRejection(teamNotFound(teamId));
    if (isTenantReader(principal)) return;
    if ((await this.relation(principal, teamId)) === 'none') {
      throw ProblemException.fromRejection(reject('forbidden', 'TEAM.NOT_A_MEMBER', `Only members and coaches of team ${teamId} (or a transformation lead, admin or analyst) can read its failures.`, { field: 'teamId' }));
    }
  }

  async throwIf(rejection: Promise<Rejection | null>): Promise<void> {
    const refused = await rejection;
    if (refused) throw ProblemException.fromRejection(refused);
  }
}

export const isTenantReader = (principal: Principal): boolean => principal.roles.some((role) => TENANT_READERS.includes(role));
