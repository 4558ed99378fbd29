import type { CommandContext, Decision, Rejection } from '@leerzone/kernel';
import { isRejection, reject } from '@leerzone/kernel';
import { requiredId } from '../shared/validation';
import type { TeamEvent } from './team.events';
import type { TeamRole } from './team.model';
import { TEAM_ROLES } from './team.model';
import type { TeamMemberState, TeamState } from './team.state';

export type TeamRule<Command> = (command: Command, state: TeamState, ctx: CommandContext) => Decision<TeamEvent>;

/** Every command but CreateTeam needs the team; the command's teamId must be the stream's. */
export function requireTeam(state: TeamState, teamId: string): Rejection | null {
  if (!state.exists || state.teamId !== teamId) {
    return reject('not-found', 'TEAM.NOT_FOUND', `Team ${teamId} does not exist.`, { field: 'teamId' });
  }
  return null;
}

export function requireMember(state: TeamState, memberId: unknown, field = 'memberId'): TeamMemberState | Rejection {
  const id = requiredId(memberId, field, 'MEMBER.INVALID', 'the member id');
  if (isRejection(id)) return id;
  const member = state.members.get(id);
  if (!member) return reject('not-found', 'MEMBER.NOT_FOUND', `${id} is not a member of team ${state.teamId}.`, { field });
  return member;
}

/** Roles as a non-empty set, in the canonical order of TEAM_ROLES so equal sets serialise equally. */
export function parseRoles(value: unknown): readonly TeamRole[] | Rejection {
  if (!Array.isArray(value) || value.length === 0) {
    return reject('invalid', 'MEMBER.ROLES_INVALID', `A member needs at least one role: ${TEAM_ROLES.join(', ')}.`, { field: 'roles' });
  }
  const unknown = value.filter((role) => !(TEAM_ROLES as readonly unknown[]).includes(role));
  if (unknown.length > 0) {
    return reject('invalid', 'MEMBER.ROLES_INVALID', `Unknown role(s) ${unknown.map(String).join(', ')}; roles are ${TEAM_ROLES.join(', ')}.`, {
      field: 'roles',
    });
  }
  return TEAM_ROLES.filter((role) => value.includes(role));
}

/** Only a person can commit themself: the actor must be that member, and a user. */
export function requireInPerson(ctx: CommandContext, memberId: string, code: string, what: string): Rejection | null {
  if (ctx.actor.kind !== 'user' || ctx.actor.id !== memberId) {
    return reject('forbidden', code, `Only ${memberId} can ${what}, in person; ${ctx.actor.id} cannot do it for them.`, { field: 'memberId' });
  }
  return null;
}

export const at = (ctx: CommandContext): string => ctx.now.toISOString();
