import { isRejection, reject } from '@leerzone/kernel';
import { requiredId } from '../shared/validation';
import type { AddMember, ChangeMemberRoles, RemoveMember, SayYes, WithdrawYes } from './team.commands';
import type { TeamRule } from './team.guards';
import { at, parseRoles, requireInPerson, requireMember, requireTeam } from './team.guards';

export const addMember: TeamRule<AddMember> = (command, state, ctx) => {
  const missing = requireTeam(state, command.data.teamId);
  if (missing) return missing;
  const memberId = requiredId(command.data.memberId, 'memberId', 'MEMBER.INVALID', 'the member id');
  if (isRejection(memberId)) return memberId;
  const roles = parseRoles(command.data.roles);
  if (isRejection(roles)) return roles;
  if (state.members.has(memberId)) {
    return reject('conflict', 'MEMBER.ALREADY_ADDED', `${memberId} is already a member of team ${state.teamId}.`, { field: 'memberId' });
  }
  return [{ type: 'MemberAdded', data: { teamId: command.data.teamId, memberId, roles, addedBy: ctx.actor.id, addedAt: at(ctx) } }];
};

export const changeMemberRoles: TeamRule<ChangeMemberRoles> = (command, state, ctx) => {
  const missing = requireTeam(state, command.data.teamId);
  if (missing) return missing;
  const member = requireMember(state, command.data.memberId);
  if (isRejection(member)) return member;
  const roles = parseRoles(command.data.roles);
  if (isRejection(roles)) return roles;
  if (roles.join() === member.roles.join()) return [];
  return [
    {
      type: 'MemberRolesChanged',
      data: { teamId: command.data.teamId, memberId: member.memberId, previousRoles: member.roles, roles, changedBy: ctx.actor.id, changedAt: at(ctx) },
    },
  ];
};

export const removeMember: TeamRule<RemoveMember> = (command, state, ctx) => {
  const missing = requireTeam(state, command.data.teamId);
  if (missing) return missing;
  const member = requireMember(state, command.data.memberId);
  if (isRejection(member)) return member;
  return [
    {
      type: 'MemberRemoved',
      data: { teamId: command.data.teamId, memberId: member.memberId, removedBy: ctx.actor.id, removedAt: at(ctx), reason: ctx.reason?.trim() || null },
    },
  ];
};

/** The explicit yes is personal: nobody can say it for someone else. Saying it twice changes nothing. */
export const sayYes: TeamRule<SayYes> = (command, state, ctx) => {
  const missing = requireTeam(state, command.data.teamId);
  if (missing) return missing;
  const member = requireMember(state, command.data.memberId);
  if (isRejection(member)) return member;
  const notInPerson = requireInPerson(ctx, member.memberId, 'YES.ONLY_IN_PERSON', 'say yes to self-steering');
  if (notInPerson) return notInPerson;
  if (member.yesGivenAt !== null) return [];
  return [{ type: 'YesGiven', data: { teamId: command.data.teamId, memberId: member.memberId, givenBy: ctx.actor.id, givenAt: at(ctx) } }];
};

/** A withdrawn yes is a new fact; the yes it withdraws stays in the history. */
export const withdrawYes: TeamRule<WithdrawYes> = (command, state, ctx) => {
  const missing = requireTeam(state, command.data.teamId);
  if (missing) return missing;
  const member = requireMember(state, command.data.memberId);
  if (isRejection(member)) return member;
  const notInPerson = requireInPerson(ctx, member.memberId, 'YES.ONLY_IN_PERSON', 'withdraw their yes');
  if (notInPerson) return notInPerson;
  if (member.yesGivenAt === null) {
    return reject('precondition', 'YES.NOT_GIVEN', `${member.memberId} has not said yes, so there is nothing to withdraw.`, { field: 'memberId' });
  }
  return [
    {
      type: 'YesWithdrawn',
      data: { teamId: command.data.teamId, memberId: member.memberId, withdrawnBy: ctx.actor.id, withdrawnAt: at(ctx), reason: ctx.reason?.trim() || null },
    },
  ];
};
