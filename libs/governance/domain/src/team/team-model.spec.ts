import { describe, it } from '@jest/globals';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import { teamDecider } from './team.decider';
import { ANNA, as, COACH, NOW, TEAM, teamCreated } from './team.fixtures';

const spec = DeciderSpecification.for(teamDecider);

describe('team roles', () => {
  it('can all be held at once, recorded in the canonical order member, coach, transformation-lead, analyst, admin', () => {
    spec
      .given([teamCreated()])
      .when({ type: 'AddMember', data: { teamId: TEAM, memberId: ANNA, roles: ['admin', 'analyst', 'transformation-lead', 'coach', 'member'] } }, as(COACH))
      .then([{ type: 'MemberAdded', data: { teamId: TEAM, memberId: ANNA, roles: ['member', 'coach', 'transformation-lead', 'analyst', 'admin'], addedBy: COACH, addedAt: NOW.toISOString() } }]);
  });
});
