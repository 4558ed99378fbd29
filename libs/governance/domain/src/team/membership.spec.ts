import { describe, expect, it } from '@jest/globals';
import { fold } from '@leerzone/kernel';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import { teamDecider } from './team.decider';
import { ANNA, as, BRAM, COACH, memberAdded, memberRemoved, NOW, staffedTeam, TEAM, teamCreated, yesGiven, yesWithdrawn } from './team.fixtures';
import { selfSteeringReadiness } from './team.queries';

const spec = DeciderSpecification.for(teamDecider);
const now = NOW.toISOString();

describe('AddMember / ChangeMemberRoles / RemoveMember', () => {
  it('adds a member with roles in canonical order, without duplicates', () => {
    spec
      .given([teamCreated()])
      .when({ type: 'AddMember', data: { teamId: TEAM, memberId: ANNA, roles: ['coach', 'member', 'coach'] } }, as(COACH))
      .then([{ type: 'MemberAdded', data: { teamId: TEAM, memberId: ANNA, roles: ['member', 'coach'], addedBy: COACH, addedAt: now } }]);
  });

  it.each([[[]], [['boss']], ['member']])('rejects roles %j', (roles) => {
    spec
      .given([teamCreated()])
      .when({ type: 'AddMember', data: { teamId: TEAM, memberId: ANNA, roles: roles as string[] } })
      .thenRejects('MEMBER.ROLES_INVALID', { field: 'roles', category: 'invalid' });
  });

  it('rejects adding someone twice, an empty id, and an unknown team', () => {
    spec.given([teamCreated(), memberAdded(ANNA)]).when({ type: 'AddMember', data: { teamId: TEAM, memberId: ANNA, roles: ['member'] } }).thenRejects('MEMBER.ALREADY_ADDED', { category: 'conflict' });
    spec.given([teamCreated()]).when({ type: 'AddMember', data: { teamId: TEAM, memberId: '', roles: ['member'] } }).thenRejects('MEMBER.INVALID', { field: 'memberId' });
    spec.given([]).when({ type: 'AddMember', data: { teamId: TEAM, memberId: ANNA, roles: ['member'] } }).thenRejects('TEAM.NOT_FOUND');
  });

  it('changes roles, recording the previous ones; the same roles change nothing', () => {
    spec
      .given([teamCreated(), memberAdded(ANNA)])
      .when({ type: 'ChangeMemberRoles', data: { teamId: TEAM, memberId: ANNA, roles: ['member', 'analyst'] } }, as(COACH))
      .then([{ type: 'MemberRolesChanged', data: { teamId: TEAM, memberId: ANNA, previousRoles: ['member'], roles: ['member', 'analyst'], changedBy: COACH, changedAt: now } }]);
    spec.given([teamCreated(), memberAdded(ANNA)]).when({ type: 'ChangeMemberRoles', data: { teamId: TEAM, memberId: ANNA, roles: ['member'] } }).thenNothingHappens();
    spec.given([teamCreated()]).when({ type: 'ChangeMemberRoles', data: { teamId: TEAM, memberId: ANNA, roles: ['member'] } }).thenRejects('MEMBER.NOT_FOUND', { category: 'not-found' });
  });

  it('removes a member with the optional reason', () => {
    spec
      .given([teamCreated(), memberAdded(ANNA)])
      .when({ type: 'RemoveMember', data: { teamId: TEAM, memberId: ANNA } }, as(COACH, { reason: 'moved to team B' }))
      .then([{ type: 'MemberRemoved', data: { teamId: TEAM, memberId: ANNA, removedBy: COACH, removedAt: now, reason: 'moved to team B' } }]);
    spec.given([teamCreated()]).when({ type: 'RemoveMember', data: { teamId: TEAM, memberId: ANNA } }).thenRejects('MEMBER.NOT_FOUND');
  });
});

describe('the explicit yes', () => {
  it('is recorded with the member as the one who gave it', () => {
    spec
      .given(staffedTeam)
      .when({ type: 'SayYes', data: { teamId: TEAM, memberId: ANNA } }, as(ANNA))
      .then([{ type: 'YesGiven', data: { teamId: TEAM, memberId: ANNA, givenBy: ANNA, givenAt: now } }]);
  });

  it('cannot be given for someone else, not even by the coach', () => {
    spec.given(staffedTeam).when({ type: 'SayYes', data: { teamId: TEAM, memberId: ANNA } }, as(COACH)).thenRejects('YES.ONLY_IN_PERSON', { category: 'forbidden', field: 'memberId' });
  });

  it('cannot be given by a service acting under the member id', () => {
    spec
      .given(staffedTeam)
      .when({ type: 'SayYes', data: { teamId: TEAM, memberId: ANNA } }, { actor: { id: ANNA, kind: 'service' } })
      .thenRejects('YES.ONLY_IN_PERSON');
  });

  it('is only for members of the team', () => {
    spec.given([teamCreated()]).when({ type: 'SayYes', data: { teamId: TEAM, memberId: ANNA } }, as(ANNA)).thenRejects('MEMBER.NOT_FOUND');
  });

  it('said twice changes nothing', () => {
    spec.given([...staffedTeam, yesGiven(ANNA)]).when({ type: 'SayYes', data: { teamId: TEAM, memberId: ANNA } }, as(ANNA)).thenNothingHappens();
  });

  it('withdrawn is a new event; the earlier yes stays in the stream', () => {
    spec
      .given([...staffedTeam, yesGiven(ANNA)])
      .when({ type: 'WithdrawYes', data: { teamId: TEAM, memberId: ANNA } }, as(ANNA, { reason: 'not ready yet' }))
      .then([{ type: 'YesWithdrawn', data: { teamId: TEAM, memberId: ANNA, withdrawnBy: ANNA, withdrawnAt: now, reason: 'not ready yet' } }]);
  });

  it('can only be withdrawn in person, and only once given', () => {
    spec.given([...staffedTeam, yesGiven(ANNA)]).when({ type: 'WithdrawYes', data: { teamId: TEAM, memberId: ANNA } }, as(COACH)).thenRejects('YES.ONLY_IN_PERSON');
    spec.given(staffedTeam).when({ type: 'WithdrawYes', data: { teamId: TEAM, memberId: ANNA } }, as(ANNA)).thenRejects('YES.NOT_GIVEN', { category: 'precondition' });
  });

  it('counts only current holders of the member role; leaving and returning needs a new yes', () => {
    const state = fold(teamDecider, [...staffedTeam, yesGiven(ANNA), yesGiven(BRAM), memberRemoved(BRAM), memberAdded(BRAM)]);
    expect(selfSteeringReadiness(state)).toEqual({
      requiredMemberIds: [ANNA, 'user-chen', BRAM],
      saidYesMemberIds: [ANNA],
      missingMemberIds: ['user-chen', BRAM],
      ready: false,
    });
    const withdrawn = fold(teamDecider, [...staffedTeam, yesGiven(ANNA), yesWithdrawn(ANNA)]);
    expect(selfSteeringReadiness(withdrawn).saidYesMemberIds).toEqual([]);
  });
});
