import { describe, expect, it } from '@jest/globals';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import type { SealedValue } from '@leerzone/kernel';
import { coachingNotes, coachingNotesSubject, MAX_TOPIC_LENGTH } from './coaching.rules';
import { teamDecider } from './team.decider';
import type { TeamEvent } from './team.events';
import { ANNA, as, BRAM, CHEN, COACH, memberAdded, NOW, staffedTeam, T0, TEAM } from './team.fixtures';

const spec = DeciderSpecification.for(teamDecider);
const now = NOW.toISOString();
const planned = (topic: string): TeamEvent => ({ type: 'CoachingTopicPlanned', data: { teamId: TEAM, topic, goal: null, plannedBy: COACH, plannedAt: T0 } });
const withPlan = [...staffedTeam, planned('budgeting'), planned('giving-feedback')];
const plan = (data: Record<string, unknown>) => ({ type: 'PlanCoachingTopic', data: { teamId: TEAM, topic: 'planning', ...data } }) as never;
const sealedUnder = (subject: string): SealedValue => ({ $sealed: { subject, keyId: 'k-1', alg: 'A256GCM', iv: 'aXY=', data: 'ZGF0YQ==', tag: 'dGFn' } });
const session = (overrides: Record<string, unknown> = {}) =>
  ({
    type: 'RecordCoachingSession',
    data: { teamId: TEAM, sessionId: 's-1', topics: ['budgeting'], heldAt: '2026-01-14T13:00:00Z', coachId: COACH, attendeeIds: [ANNA, BRAM], ...overrides },
  }) as never;
const held = (data: Record<string, unknown> = {}): TeamEvent =>
  ({
    type: 'CoachingSessionHeld',
    data: {
      teamId: TEAM,
      sessionId: 's-1',
      topics: ['budgeting'],
      heldAt: '2026-01-14T13:00:00.000Z',
      coachId: COACH,
      attendeeIds: [ANNA, BRAM],
      notes: null,
      recordedBy: COACH,
      recordedAt: now,
      ...data,
    },
  }) as TeamEvent;

describe('PlanCoachingTopic refusals and edges', () => {
  const slug = (length: number) => 'a'.repeat(length);

  it(`accepts a topic slug of exactly ${MAX_TOPIC_LENGTH} characters`, () => {
    spec
      .given(staffedTeam)
      .when(plan({ topic: slug(60) }), as(COACH))
      .then([{ type: 'CoachingTopicPlanned', data: { teamId: TEAM, topic: slug(60), goal: null, plannedBy: COACH, plannedAt: now } }]);
  });

  it.each([
    ['longer than 60 characters', slug(61)],
    ['not lower case', 'Budgeting'],
    ['with spaces', 'giving feedback'],
    ['empty', ''],
    ['a list', ['budgeting']],
    ['missing', undefined],
  ])('refuses a topic that is %s, explaining what a topic is', (_, topic) => {
    spec
      .given(staffedTeam)
      .when(plan({ topic }))
      .thenRejects('COACHING.TOPIC_INVALID', { category: 'invalid', field: 'topic', message: 'A coaching topic is a lower-case slug such as budgeting or giving-feedback.' });
  });

  it('refuses a goal over 1000 characters, accepts exactly 1000 (trimmed) and records a blank goal as none', () => {
    spec
      .given(staffedTeam)
      .when(plan({ goal: 'g'.repeat(1001) }))
      .thenRejects('COACHING.GOAL_INVALID', { category: 'invalid', field: 'goal', message: 'The goal may be at most 1000 characters (got 1001).' });
    spec
      .given(staffedTeam)
      .when(plan({ goal: ` ${'g'.repeat(1000)} ` }), as(COACH))
      .then([{ type: 'CoachingTopicPlanned', data: { teamId: TEAM, topic: 'planning', goal: 'g'.repeat(1000), plannedBy: COACH, plannedAt: now } }]);
    spec
      .given(staffedTeam)
      .when(plan({ goal: '  ' }), as(COACH))
      .then([{ type: 'CoachingTopicPlanned', data: { teamId: TEAM, topic: 'planning', goal: null, plannedBy: COACH, plannedAt: now } }]);
  });

  it('refuses a topic already planned, naming it and the team', () => {
    spec
      .given(withPlan)
      .when(plan({ topic: 'budgeting' }))
      .thenRejects('COACHING.TOPIC_ALREADY_PLANNED', { category: 'conflict', field: 'topic', message: `budgeting is already in team ${TEAM}'s coaching plan.` });
  });
});

describe('RecordCoachingSession refusals', () => {
  it.each([[''], [' s-1'], [undefined]])('refuses the session id %j as invalid', (sessionId) => {
    spec
      .given(withPlan)
      .when(session({ sessionId }))
      .thenRejects('COACHING.SESSION_INVALID', {
        category: 'invalid',
        field: 'sessionId',
        message: 'The session id must be a non-empty id without surrounding spaces, at most 128 characters.',
      });
  });

  it('refuses recording a session id twice, naming it', () => {
    spec
      .given([...withPlan, held()])
      .when(session({ topics: ['giving-feedback'] }))
      .thenRejects('COACHING.SESSION_ALREADY_RECORDED', { category: 'conflict', field: 'sessionId', message: 'Coaching session s-1 is already recorded.' });
  });

  it.each([
    ['none', []],
    ['not a list', 'budgeting'],
    ['a topic that is not a slug', ['budgeting', 'Giving Feedback']],
    ['missing', undefined],
  ])('refuses topics that are %s', (_, topics) => {
    spec
      .given(withPlan)
      .when(session({ topics }))
      .thenRejects('COACHING.TOPIC_INVALID', { category: 'invalid', field: 'topics', message: 'A session covers at least one topic, each a slug from the coaching plan.' });
  });

  it('names every unplanned topic, in the message and the details', () => {
    spec
      .given(withPlan)
      .when(session({ topics: ['planning', 'budgeting', 'social-skills'] }))
      .thenRejects('COACHING.TOPIC_NOT_PLANNED', {
        category: 'precondition',
        field: 'topics',
        message: 'Plan planning, social-skills before recording sessions on it.',
        details: { unplanned: ['planning', 'social-skills'] },
      });
  });

  it.each([['yesterday'], [''], [20260114], [undefined]])('refuses the held-at %j as invalid', (heldAt) => {
    spec
      .given(withPlan)
      .when(session({ heldAt }))
      .thenRejects('COACHING.HELD_AT_INVALID', { category: 'invalid', field: 'heldAt', message: 'heldAt must be an ISO-8601 instant such as 2026-03-02T14:00:00Z.' });
  });

  it('refuses a session held even a millisecond after now, and records one held right now', () => {
    spec
      .given(withPlan)
      .when(session({ heldAt: '2026-01-15T09:00:00.001Z' }))
      .thenRejects('COACHING.SESSION_IN_FUTURE', { category: 'invalid', field: 'heldAt', message: 'A session is recorded once it has been held; heldAt is in the future.' });
    spec.given(withPlan).when(session({ heldAt: now }), as(COACH)).then([held({ heldAt: now })]);
  });

  it('refuses a coach who does not hold the coach role, naming them and the team', () => {
    spec
      .given(withPlan)
      .when(session({ coachId: ANNA }))
      .thenRejects('COACHING.NOT_A_COACH', { category: 'precondition', field: 'coachId', message: `${ANNA} is not a coach of team ${TEAM}.` });
  });

  it('refuses a coach id that is not an id, on the coach field', () => {
    spec.given(withPlan).when(session({ coachId: '' })).thenRejects('MEMBER.INVALID', { category: 'invalid', field: 'coachId' });
  });

  it.each([
    ['none', []],
    ['not a list', ANNA],
    ['missing', undefined],
  ])('refuses attendees that are %s', (_, attendeeIds) => {
    spec
      .given(withPlan)
      .when(session({ attendeeIds }))
      .thenRejects('COACHING.ATTENDEES_INVALID', { category: 'invalid', field: 'attendeeIds', message: 'A session needs at least one attendee.' });
  });

  it('refuses an attendee id that is not an id, on the attendees field', () => {
    spec.given(withPlan).when(session({ attendeeIds: [ANNA, ''] })).thenRejects('MEMBER.INVALID', { category: 'invalid', field: 'attendeeIds' });
  });

  it('refuses clear-text notes, and notes sealed under another subject, naming the right one', () => {
    const subject = coachingNotesSubject('tenant-test', TEAM, 's-1');
    spec
      .given(withPlan)
      .when(session({ notes: 'Anna struggled with the budget' }))
      .thenRejects('COACHING.NOTES_NOT_SEALED', {
        category: 'invalid',
        field: 'notes',
        message: 'Coaching notes are personal data: the service must seal them with the personal-data vault before they reach the domain.',
      });
    spec
      .given(withPlan)
      .when(session({ notes: sealedUnder(coachingNotesSubject('tenant-test', TEAM, 's-2')) }))
      .thenRejects('COACHING.NOTES_NOT_SEALED', { category: 'invalid', field: 'notes', message: `Coaching notes must be sealed under the session's subject ${subject}.` });
  });
});

describe('RecordCoachingSession edges', () => {
  it('records explicit null notes as none', () => {
    spec.given(withPlan).when(session({ notes: null }), as(COACH)).then([held()]);
  });

  it('records each topic and attendee once, the coach may attend, and the recorder may be someone else', () => {
    spec
      .given([...withPlan, memberAdded('user-coach-2', ['member', 'coach'])])
      .when(session({ topics: ['budgeting', 'giving-feedback', 'budgeting'], coachId: 'user-coach-2', attendeeIds: [CHEN, 'user-coach-2', CHEN] }), as(ANNA))
      .then([held({ topics: ['budgeting', 'giving-feedback'], coachId: 'user-coach-2', attendeeIds: [CHEN, 'user-coach-2'], recordedBy: ANNA })]);
  });

  it('records an instant given with an offset in UTC', () => {
    spec.given(withPlan).when(session({ heldAt: '2026-01-14T14:00:00+01:00' }), as(COACH)).then([held({ heldAt: '2026-01-14T13:00:00.000Z' })]);
  });
});

describe('coaching notes subjects and clear-text checks', () => {
  it('seals notes under a subject of their own kind, tenant, team and session', () => {
    expect(coachingNotesSubject('acme', TEAM, 's-1')).toBe('governance-coaching-notes:4:acme:team-a/s-1');
  });

  it('accepts notes of exactly 4000 characters and reads blank notes as none', () => {
    expect(coachingNotes('n'.repeat(4000))).toBe('n'.repeat(4000));
    expect(coachingNotes('   ')).toBeNull();
    expect(coachingNotes(null)).toBeNull();
  });

  it('refuses longer notes as invalid, saying the limit', () => {
    expect(coachingNotes('n'.repeat(4001))).toEqual({
      kind: 'rejection',
      category: 'invalid',
      code: 'COACHING.NOTES_INVALID',
      message: 'The notes may be at most 4000 characters (got 4001).',
      field: 'notes',
      details: { max: 4000, length: 4001 },
    });
  });
});
