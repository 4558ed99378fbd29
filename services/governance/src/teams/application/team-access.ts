import { reject, type Rejection } from '@leerzone/kernel';
import type { Principal } from '@leerzone/nest-platform';
import type { TeamState } from '@leerzone/governance-domain';
import { TENANT_WIDE } from '../../shared/access';

/**
 * Who may act on a team, checked on the team's state inside the decision (so a removal or
 * a role change cannot slip in between check and append):
 * - `manager`: a transformation lead or admin; or a coach who coaches this team (holds the
 *   team role coach) or created it. Other coaches of the tenant may not steer this team.
 * - `in-team`: a current member of the team, in any team role.
 * - `in-team-or-manager`: either.
 * - `anyone`: any caller of the tenant; the domain applies its own in-person rules
 *   (the yes, consent and objections are given by the member themself; only the proposer withdraws).
 */
export type TeamAccess = 'manager' | 'in-team' | 'in-team-or-manager' | 'anyone';

const isManager = (state: TeamState, principal: Principal): boolean =>
  principal.roles.some((role) => TENANT_WIDE.includes(role)) ||
  (principal.roles.includes('coach') && (state.members.get(principal.userId)?.roles.includes('coach') === true || state.createdBy === principal.userId));

const isInTeam = (state: TeamState, principal: Principal): boolean => state.members.has(principal.userId);

export const teamNotFound = (teamId: string): Rejection => reject('not-found', 'TEAM.NOT_FOUND', `There is no team ${teamId}.`, { field: 'teamId' });

export function checkTeamAccess(access: TeamAccess, state: TeamState, teamId: string, principal: Principal, what: string): Rejection | null {
  if (!state.exists) return teamNotFound(teamId);
  switch (access) {
    case 'anyone':
      return null;
    case 'manager':
      return isManager(state, principal)
        ? null
        : reject('forbidden', 'TEAM.NOT_COACH_OF_TEAM', `Only a coach of team ${teamId}, a transformation lead or an admin can ${what}; ${principal.userId} is none of these.`);
    case 'in-team':
      return isInTeam(state, principal) ? null : reject('forbidden', 'TEAM.NOT_A_MEMBER', `Only members of team ${teamId} can ${what}; ${principal.userId} is not a member.`);
    case 'in-team-or-manager':
      return isInTeam(state, principal) || isManager(state, principal)
        ? null
        : reject('forbidden', 'TEAM.NOT_A_MEMBER', `Only members and coaches of team ${teamId} (or a transformation lead or admin) can ${what}.`);
  }
}
