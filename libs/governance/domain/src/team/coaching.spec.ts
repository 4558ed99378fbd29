import { describe, it } from '@jest/globals';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import { teamDecider } from './team.decider';
import type { TeamEvent } from './team.events';
import { ANNA, as, BRAM, COACH, NOW, staffedTeam, T0, TEAM } from './team.fixtures';

const spec = DeciderSpecification.for(teamDecider);
const now = NOW.toISOString();
const planned = (topic: string): TeamEvent => ({ type: 'CoachingTopicPlanned', data: { teamId: TEAM, topic, goal: null, plannedBy: COACH, plannedAt: T0 } });
const withPlan = [...staffedTeam, planned('budgeting'), planned('giving-feedback')];
const session = (overrides: Record<string, unknown> = {}) =>
  ({
    type: 'RecordCoachingSession',
    data: { teamId: TEAM, sessionId: 's-1', topics: ['budgeting'], heldAt: '2026-01-14T13:00:00Z', coachId: COACH, attendeeIds: [ANNA, BRAM], ...overrides },
  }) as const;

describe('coaching plan', () => {
  it('plans a topic with a goal', () => {
    spec
      .given(staffedTeam)
      .when({ type: 'PlanCoachingTopic', data: { teamId: TEAM, topic: 'budgeting', goal: 'Draft next year’s budget ourselves' } }, as(COACH))
      .then([{ type: 'CoachingTopicPlanned', data: { teamId: TEAM, topic: 'budgeting', goal: 'Draft next year’s budget ourselves', plannedBy: COACH, plannedAt: now } }]);
  });

  it('accepts a topic of the team’s own, as a slug', () => {
    spec
      .given(staffedTeam)
      .when({ type: 'PlanCoachingTopic', data: { teamId: TEAM, topic: 'rostering' } }, as(COACH))
      .then([{ type: 'CoachingTopicPlanned', data: { teamId: TEAM, topic: 'rostering', goal: null, plannedBy: COACH, plannedAt: now } }]);
  });

  it('rejects a malformed or duplicate topic', () => {
    spec.given(staffedTeam).when({ type: 'PlanCoachingTopic', data: { teamId: TEAM, topic: 'Giving Feedback' } }).thenRejects('COACHING.TOPIC_INVALID', { field: 'topic' });
    spec.given(withPlan).when({ type: 'PlanCoachingTopic', data: { teamId: TEAM, topic: 'budgeting' } }).thenRejects('COACHING.TOPIC_ALREADY_PLANNED', { category: 'conflict' });
  });
});

describe('coaching sessions', () => {
  it('records a session held by a coach with team members', () => {
    spec
      .given(withPlan)
      .when(session({ topics: ['budgeting', 'giving-feedback'], notes: 'Went through last quarter' }), as(COACH))
      .then([
        {
          type: 'CoachingSessionHeld',
          data: {
            teamId: TEAM,
            sessionId: 's-1',
            topics: ['budgeting', 'giving-feedback'],
            heldAt: '2026-01-14T13:00:00.000Z',
            coachId: COACH,
            attendeeIds: [ANNA, BRAM],
            notes: 'Went through last quarter',
            recordedBy: COACH,
            recordedAt: now,
          },
        },
      ]);
  });

  it('rejects topics that are not in the plan', () => {
    spec.given(withPlan).when(session({ topics: ['planning'] })).thenRejects('COACHING.TOPIC_NOT_PLANNED', { field: 'topics', category: 'precondition' });
    spec.given(withPlan).when(session({ topics: [] })).thenRejects('COACHING.TOPIC_INVALID', { field: 'topics' });
  });

  it('rejects a session in the future or with a bad date', () => {
    spec.given(withPlan).when(session({ heldAt: '2026-01-16T09:00:00Z' })).thenRejects('COACHING.SESSION_IN_FUTURE', { field: 'heldAt' });
    spec.given(withPlan).when(session({ heldAt: 'yesterday' })).thenRejects('COACHING.HELD_AT_INVALID', { field: 'heldAt' });
  });

  it('requires the coach to be a coach of the team', () => {
    spec.given(withPlan).when(session({ coachId: ANNA })).thenRejects('COACHING.NOT_A_COACH', { field: 'coachId' });
    spec.given(withPlan).when(session({ coachId: 'user-stranger' })).thenRejects('MEMBER.NOT_FOUND', { field: 'coachId' });
  });

  it('requires attendees who are members', () => {
    spec.given(withPlan).when(session({ attendeeIds: [ANNA, 'user-stranger'] })).thenRejects('MEMBER.NOT_FOUND', { field: 'attendeeIds' });
    spec.given(withPlan).when(session({ attendeeIds: [] })).thenRejects('COACHING.ATTENDEES_INVALID', { field: 'attendeeIds' });
  });

  it('rejects recording the same session twice', () => {
    const held: TeamEvent = {
      type: 'CoachingSessionHeld',
      data: { teamId: TEAM, sessionId: 's-1', topics: ['budgeting'], heldAt: T0, coachId: COACH, attendeeIds: [ANNA], notes: null, recordedBy: COACH, recordedAt: T0 },
    };
    spec.given([...withPlan, held]).when(session()).thenRejects('COACHING.SESSION_ALREADY_RECORDED', { category: 'conflict' });
  });
});
