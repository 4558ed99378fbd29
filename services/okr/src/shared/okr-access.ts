import { Injectable } from '@nestjs/common';
import { reject, type Rejection } from '@leerzone/kernel';
import type { Principal } from '@leerzone/nest-platform';
import type { CheckInRelation, ObjectiveOwner } from '@leerzone/okr-domain';
import { TeamDirectory } from '@leerzone/team-directory';
import { CYCLE_LEADS } from './access';

/**
 * Who may act for an objective's owner, from OKR's own read model of governance's teams
 * (fed over the bus; governance's code is never imported):
 * - a team: its current members and its coach, as governance last said;
 * - a unit: the coaches of the unit's teams count as its coaches, their members as its
 *   members; transformation leads and admins speak for every unit (they own the
 *   organisation's and units' objectives).
 * Transformation leads and admins may steer a team's objectives, but never check in for it.
 */
@Injectable()
export class OkrAccess {
  constructor(private readonly directory: TeamDirectory) {}

  isLead = (principal: Principal): boolean => principal.roles.some((role) => CYCLE_LEADS.includes(role));

  async relationTo(principal: Principal, owner: ObjectiveOwner): Promise<CheckInRelation> {
    if (owner.kind === 'team') return this.directory.relation(principal.tenantId, owner.id, principal.userId);
    let relation: CheckInRelation = this.isLead(principal) ? 'coach' : 'none';
    for (const { teamId, roles } of await this.directory.teamsOf(principal.tenantId, principal.userId)) {
      if (relation === 'coach') break;
      const team = await this.directory.team(principal.tenantId, teamId);
      if (team?.unitId === owner.id) relation = roles.includes('coach') ? 'coach' : 'member';
    }
    return relation;
  }

  /** A team the directory knows (it arrived from governance); another tenant's team is unknown here too. */
  async requireTeam(tenantId: string, teamId: string, field = 'teamId'): Promise<Rejection | null> {
    return (await this.directory.team(tenantId, teamId))
      ? null
      : reject('not-found', 'OKR.TEAM_NOT_FOUND', `There is no team ${teamId} (teams come from governance; a new one is known here within seconds).`, { field });
  }

  /**
   * `owner`: a lead, or someone the owner counts (a team's member or coach, a unit's coach); `steer`: a lead, or the
   * owner's coach (grading, answering alignment); `lead`: transformation lead or admin only;
   * `anyone`: the domain decides (check-ins pass the relation in).
   */
  check(access: ObjectiveAccessRule, principal: Principal, owner: ObjectiveOwner, relation: CheckInRelation, what: string): Rejection | null {
    const lead = this.isLead(principal);
    const allowed =
      access === 'anyone' ||
      lead ||
      // A team's members and coach act for it; a unit is steered by the coaches of its teams.
      (access === 'owner' && (owner.kind === 'team' ? relation !== 'none' : relation === 'coach')) ||
      (access === 'steer' && relation === 'coach' && owner.kind === 'team');
    if (allowed) return null;
    const who =
      access === 'lead' ? 'a transformation lead or an admin' : access === 'steer' || owner.kind === 'unit' ? `the coach of ${owner.kind} ${owner.id}, a transformation lead or an admin` : `a member or coach of ${owner.kind} ${owner.id}, a transformation lead or an admin`;
    return reject('forbidden', 'OKR.NOT_ALLOWED', `Only ${who} can ${what}; ${principal.userId} is not.`);
  }
}

export type ObjectiveAccessRule = 'owner' | 'steer' | 'lead' | 'anyone';
