import { describe, it } from '@jest/globals';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import { teamDecider } from './team.decider';
import { ANNA, as, COACH, memberAdded, memberRemoved, NOW, staffedTeam, TEAM, teamCreated, yesGiven } from './team.fixtures';

const spec = DeciderSpecification.for(teamDecider);
const now = NOW.toISOString();
const add = (memberId: unknown, roles: unknown = ['member']) => ({ type: 'AddMember', data: { teamId: TEAM, memberId, roles } }) as never;
const removeAnna = { type: 'RemoveMember', data: { teamId: TEAM, memberId: ANNA } } as const;
const sayYes = { type: 'SayYes', data: { teamId: TEAM, memberId: ANNA } } as const;
const withdrawYes = { type: 'WithdrawYes', data: { teamId: TEAM, memberId: ANNA } } as const;

describe('AddMember refusals', () => {
  it.each([
    ['an empty id', ''],
    ['an id with surrounding spaces', ' user-anna '],
    ['no id', undefined],
  ])('refuses %s as invalid', (_, memberId) => {
    spec
      .given([teamCreated()])
      .when(add(memberId))
      .thenRejects('MEMBER.INVALID', {
        category: 'invalid',
        field: 'memberId',
        message: 'The member id must be a non-empty id without surrounding spaces, at most 128 characters.',
      });
  });

  it('refuses someone who is already a member, naming them and the team', () => {
    spec
      .given([teamCreated(), memberAdded(ANNA)])
      .when(add(ANNA, ['coach']))
      .thenRejects('MEMBER.ALREADY_ADDED', { category: 'conflict', field: 'memberId', message: `${ANNA} is already a member of team ${TEAM}.` });
  });

  it('refuses unknown roles before looking at who is already a member', () => {
    spec.given([teamCreated(), memberAdded(ANNA)]).when(add(ANNA, ['boss'])).thenRejects('MEMBER.ROLES_INVALID', { category: 'invalid', field: 'roles' });
  });
});

describe('ChangeMemberRoles edges', () => {
  it('changes nothing when the same roles arrive in another order', () => {
    spec
      .given([teamCreated(), memberAdded(ANNA, ['member', 'analyst'])])
      .when({ type: 'ChangeMemberRoles', data: { teamId: TEAM, memberId: ANNA, roles: ['analyst', 'member', 'analyst'] } })
      .thenNothingHappens();
  });

  it('refuses roles that are not a non-empty list of known roles', () => {
    spec
      .given([teamCreated(), memberAdded(ANNA)])
      .when({ type: 'ChangeMemberRoles', data: { teamId: TEAM, memberId: ANNA, roles: [] } })
      .thenRejects('MEMBER.ROLES_INVALID', { category: 'invalid', field: 'roles' });
  });
});

describe('RemoveMember: the optional reason', () => {
  it.each([
    ['no reason', undefined, null],
    ['a blank reason', '   ', null],
    ['a padded reason, trimmed', '  moved to team B  ', 'moved to team B'],
  ])('records %s', (_, reason, recorded) => {
    spec
      .given([teamCreated(), memberAdded(ANNA)])
      .when(removeAnna, as(COACH, { reason }))
      .then([{ type: 'MemberRemoved', data: { teamId: TEAM, memberId: ANNA, removedBy: COACH, removedAt: now, reason: recorded } }]);
  });

  it('refuses someone who is no longer a member', () => {
    spec
      .given([teamCreated(), memberAdded(ANNA), memberRemoved(ANNA)])
      .when(removeAnna, as(COACH))
      .thenRejects('MEMBER.NOT_FOUND', { category: 'not-found', field: 'memberId', message: `${ANNA} is not a member of team ${TEAM}.` });
  });
});

describe('the explicit yes: refusals name who may act', () => {
  it('saying yes for someone else names the member and the one who tried', () => {
    spec
      .given(staffedTeam)
      .when(sayYes, as(COACH))
      .thenRejects('YES.ONLY_IN_PERSON', {
        category: 'forbidden',
        field: 'memberId',
        message: `Only ${ANNA} can say yes to self-steering, in person; ${COACH} cannot do it for them.`,
      });
  });

  it('withdrawing a yes for someone else names the member and the one who tried', () => {
    spec
      .given([...staffedTeam, yesGiven(ANNA)])
      .when(withdrawYes, as(COACH))
      .thenRejects('YES.ONLY_IN_PERSON', {
        category: 'forbidden',
        field: 'memberId',
        message: `Only ${ANNA} can withdraw their yes, in person; ${COACH} cannot do it for them.`,
      });
  });

  it('withdrawing a yes never given says there is nothing to withdraw', () => {
    spec
      .given(staffedTeam)
      .when(withdrawYes, as(ANNA))
      .thenRejects('YES.NOT_GIVEN', { category: 'precondition', field: 'memberId', message: `${ANNA} has not said yes, so there is nothing to withdraw.` });
  });

  it('withdrawing the yes of someone who is not a member is refused as not found', () => {
    spec
      .given([...staffedTeam, yesGiven(ANNA), memberRemoved(ANNA)])
      .when(withdrawYes, as(ANNA))
      .thenRejects('MEMBER.NOT_FOUND', { category: 'not-found', field: 'memberId', message: `${ANNA} is not a member of team ${TEAM}.` });
  });

  it('a member who left and came back has no yes to withdraw', () => {
    spec.given([...staffedTeam, yesGiven(ANNA), memberRemoved(ANNA), memberAdded(ANNA)]).when(withdrawYes, as(ANNA)).thenRejects('YES.NOT_GIVEN');
  });

  it.each([
    ['no reason', undefined, null],
    ['a blank reason', ' ', null],
    ['a padded reason, trimmed', ' not ready yet ', 'not ready yet'],
  ])('a withdrawn yes records %s', (_, reason, recorded) => {
    spec
      .given([...staffedTeam, yesGiven(ANNA)])
      .when(withdrawYes, as(ANNA, { reason }))
      .then([{ type: 'YesWithdrawn', data: { teamId: TEAM, memberId: ANNA, withdrawnBy: ANNA, withdrawnAt: now, reason: recorded } }]);
  });
});
