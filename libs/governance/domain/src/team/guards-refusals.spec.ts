import { describe, expect, it } from '@jest/globals';
import { fold } from '@leerzone/kernel';
import { testContext } from '@leerzone/kernel/testing';
import { teamDecider } from './team.decider';
import { at, parseRoles, requireInPerson, requireMember, requireTeam } from './team.guards';
import { ANNA, COACH, memberAdded, NOW, TEAM, teamCreated } from './team.fixtures';

const ALL_ROLES = 'member, coach, transformation-lead, analyst, admin';
const team = fold(teamDecider, [teamCreated(), memberAdded(ANNA, ['member', 'analyst'])]);

describe('requireTeam', () => {
  it('lets a command through to the stream’s own team', () => {
    expect(requireTeam(team, TEAM)).toBeNull();
  });

  it.each([
    ['a stream without a team', teamDecider.initialState, TEAM],
    ['another team’s id', team, 'team-other'],
  ])('refuses %s as not found, naming the team', (_, state, teamId) => {
    expect(requireTeam(state, teamId)).toEqual({
      kind: 'rejection',
      category: 'not-found',
      code: 'TEAM.NOT_FOUND',
      message: `Team ${teamId} does not exist.`,
      field: 'teamId',
    });
  });

  it('refuses a command without a team id even on an empty stream', () => {
    expect(requireTeam(teamDecider.initialState, null as unknown as string)).toMatchObject({ code: 'TEAM.NOT_FOUND', category: 'not-found' });
  });
});

describe('requireMember', () => {
  it('returns the member’s state', () => {
    expect(requireMember(team, ANNA)).toEqual({ memberId: ANNA, roles: ['member', 'analyst'], addedAt: expect.any(String), yesGivenAt: null });
  });

  it.each([
    ['empty', ''],
    ['padded with spaces', ' user-anna'],
    ['not a string', 42],
    ['missing', undefined],
    ['longer than 128 characters', 'x'.repeat(129)],
  ])('refuses a member id that is %s as invalid, on the field it was given in', (_, memberId) => {
    expect(requireMember(team, memberId, 'attendeeIds')).toEqual({
      kind: 'rejection',
      category: 'invalid',
      code: 'MEMBER.INVALID',
      message: 'The member id must be a non-empty id without surrounding spaces, at most 128 characters.',
      field: 'attendeeIds',
    });
  });

  it('refuses someone who is not in the team as not found, naming them and the team', () => {
    expect(requireMember(team, 'user-stranger')).toEqual({
      kind: 'rejection',
      category: 'not-found',
      code: 'MEMBER.NOT_FOUND',
      message: `user-stranger is not a member of team ${TEAM}.`,
      field: 'memberId',
    });
  });
});

describe('parseRoles', () => {
  it('returns the roles in the canonical order, each once', () => {
    expect(parseRoles(['admin', 'member', 'admin', 'coach'])).toEqual(['member', 'coach', 'admin']);
  });

  it.each([[[]], ['member'], [null], [undefined]])('refuses %j: a member needs at least one role, and is told which exist', (roles) => {
    expect(parseRoles(roles)).toEqual({
      kind: 'rejection',
      category: 'invalid',
      code: 'MEMBER.ROLES_INVALID',
      message: `A member needs at least one role: ${ALL_ROLES}.`,
      field: 'roles',
    });
  });

  it('refuses unknown roles, naming every one of them and the roles that exist', () => {
    expect(parseRoles(['member', 'boss', 'chief'])).toEqual({
      kind: 'rejection',
      category: 'invalid',
      code: 'MEMBER.ROLES_INVALID',
      message: `Unknown role(s) boss, chief; roles are ${ALL_ROLES}.`,
      field: 'roles',
    });
  });
});

describe('requireInPerson', () => {
  it('lets the member themself act, as a user', () => {
    expect(requireInPerson(testContext({ actor: { id: ANNA, kind: 'user' } }), ANNA, 'YES.ONLY_IN_PERSON', 'say yes')).toBeNull();
  });

  it.each([
    ['someone else', { id: COACH, kind: 'user' as const }],
    ['a service under the member’s id', { id: ANNA, kind: 'service' as const }],
  ])('refuses %s as forbidden, saying who may do it', (_, actor) => {
    expect(requireInPerson(testContext({ actor }), ANNA, 'YES.ONLY_IN_PERSON', 'say yes')).toEqual({
      kind: 'rejection',
      category: 'forbidden',
      code: 'YES.ONLY_IN_PERSON',
      message: `Only ${ANNA} can say yes, in person; ${actor.id} cannot do it for them.`,
      field: 'memberId',
    });
  });
});

describe('at', () => {
  it('is the moment of the command, as an ISO instant', () => {
    expect(at(testContext({ now: NOW }))).toBe('2026-01-15T09:00:00.000Z');
  });
});
