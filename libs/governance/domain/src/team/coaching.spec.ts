import { describe, expect, it } from '@jest/globals';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import { EventSchemaRegistry, type SealedValue, type StoredEvent } from '@leerzone/kernel';
import { coachingNotes, coachingNotesSubject, coachingSubjectsOf } from './coaching.rules';
import { teamDecider } from './team.decider';
import { TEAM_UPCASTERS } from './team.upcasters';
import type { TeamEvent } from './team.events';
import { ANNA, as, BRAM, COACH, NOW, staffedTeam, T0, TEAM } from './team.fixtures';

const spec = DeciderSpecification.for(teamDecider);
const now = NOW.toISOString();
const planned = (topic: string): TeamEvent => ({ type: 'CoachingTopicPlanned', data: { teamId: TEAM, topic, goal: null, plannedBy: COACH, plannedAt: T0 } });
const withPlan = [...staffedTeam, planned('budgeting'), planned('giving-feedback')];
/** The shape of a seal (the domain checks its subject, never opens it). `tenant-test` is DeciderSpecification's tenant. */
const sealedUnder = (subject: string): SealedValue => ({ $sealed: { subject, keyId: 'k-1', alg: 'A256GCM', iv: 'aXY=', data: 'ZGF0YQ==', tag: 'dGFn' } });
const notesSeal = sealedUnder(coachingNotesSubject('tenant-test', TEAM, 's-1'));
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
      .when(session({ topics: ['budgeting', 'giving-feedback'], notes: notesSeal }), as(COACH))
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
            notes: notesSeal,
            recordedBy: COACH,
            recordedAt: now,
          },
        },
      ]);
  });

  it('takes notes only sealed, under the session’s own subject', () => {
    spec.given(withPlan).when(session({ notes: 'Anna struggled with the budget' })).thenRejects('COACHING.NOTES_NOT_SEALED', { field: 'notes' });
    spec.given(withPlan).when(session({ notes: sealedUnder(ANNA) })).thenRejects('COACHING.NOTES_NOT_SEALED', { field: 'notes' });
    spec.given(withPlan).when(session({ notes: sealedUnder(coachingNotesSubject('tenant-other', TEAM, 's-1')) })).thenRejects('COACHING.NOTES_NOT_SEALED', { field: 'notes' });
    spec
      .given(withPlan)
      .when(session(), as(COACH))
      .then([expect.objectContaining({ type: 'CoachingSessionHeld', data: expect.objectContaining({ notes: null }) }) as unknown as TeamEvent]);
  });

  it('reads notes a version 1 event held in clear text as none', () => {
    const registry = new EventSchemaRegistry(TEAM_UPCASTERS);
    const v1 = {
      eventId: 'e-1',
      type: 'CoachingSessionHeld',
      schemaVersion: 1,
      data: { teamId: TEAM, sessionId: 's-1', topics: ['budgeting'], heldAt: T0, coachId: COACH, attendeeIds: [ANNA], notes: 'Anna found the budget hard', recordedBy: COACH, recordedAt: T0 },
    } as unknown as StoredEvent;
    const read = registry.upcast(v1);
    expect(read.schemaVersion).toBe(2);
    expect(read.data).toEqual({ ...(v1.data as object), notes: null });
    expect(JSON.stringify(read)).not.toContain('Anna found');
  });

  it('checks clear-text notes before the service seals them', () => {
    expect(coachingNotes('  Went through last quarter  ')).toBe('Went through last quarter');
    expect(coachingNotes(undefined)).toBeNull();
    expect(coachingNotes('x'.repeat(4001))).toMatchObject({ code: 'COACHING.NOTES_INVALID', field: 'notes' });
  });

  it('finds the notes subjects of every session a person coached or attended', () => {
    const sessions = [
      { teamId: TEAM, sessionId: 's-1', coachId: COACH, attendeeIds: [ANNA] },
      { teamId: TEAM, sessionId: 's-2', coachId: COACH, attendeeIds: [BRAM] },
    ];
    expect(coachingSubjectsOf('acme', ANNA, sessions)).toEqual([coachingNotesSubject('acme', TEAM, 's-1')]);
    expect(coachingSubjectsOf('acme', COACH, sessions)).toEqual([coachingNotesSubject('acme', TEAM, 's-1'), coachingNotesSubject('acme', TEAM, 's-2')]);
    expect(coachingSubjectsOf('acme', 'user-nobody', sessions)).toEqual([]);
  });

  it('scopes the notes subject by tenant, and erases older notes under the subject their seal names', () => {
    expect(coachingNotesSubject('acme', TEAM, 's-1')).not.toBe(coachingNotesSubject('globex', TEAM, 's-1'));
    // The form before the length prefix: still the session's own, found from the seal itself.
    const legacy = sealedUnder(`governance-coaching-notes:acme/${TEAM}/s-0`);
    const sessions = [
      { teamId: TEAM, sessionId: 's-0', coachId: COACH, attendeeIds: [ANNA], notes: legacy },
      { teamId: TEAM, sessionId: 's-1', coachId: COACH, attendeeIds: [ANNA], notes: sealedUnder(coachingNotesSubject('acme', TEAM, 's-1')) },
      { teamId: TEAM, sessionId: 's-2', coachId: COACH, attendeeIds: [ANNA], notes: null },
    ];
    expect(coachingSubjectsOf('acme', ANNA, sessions)).toEqual([`governance-coaching-notes:acme/${TEAM}/s-0`, coachingNotesSubject('acme', TEAM, 's-1'), coachingNotesSubject('acme', TEAM, 's-2')]);
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
