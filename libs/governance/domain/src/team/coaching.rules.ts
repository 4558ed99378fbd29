import { isRejection, isSealed, reject, tenantSubject, type Rejection, type SealedValue } from '@leerzone/kernel';
import { AREA_PATTERN } from '../shared/boundary.model';
import { parseInstant } from '../shared/calendar';
import { optionalText, requiredId } from '../shared/validation';
import type { PlanCoachingTopic, RecordCoachingSession } from './team.commands';
import type { TeamRule } from './team.guards';
import { MAX_COACHING_GOAL_LENGTH, MAX_COACHING_NOTES_LENGTH } from '../shared/limits';
import { at, requireMember, requireTeam } from './team.guards';

export const MAX_TOPIC_LENGTH = 60;

const validTopic = (topic: unknown): topic is string => typeof topic === 'string' && topic.length <= MAX_TOPIC_LENGTH && AREA_PATTERN.test(topic);

export const planCoachingTopic: TeamRule<PlanCoachingTopic> = (command, state, ctx) => {
  const missing = requireTeam(state, command.data.teamId);
  if (missing) return missing;
  const { topic } = command.data;
  if (!validTopic(topic)) {
    return reject('invalid', 'COACHING.TOPIC_INVALID', 'A coaching topic is a lower-case slug such as budgeting or giving-feedback.', { field: 'topic' });
  }
  const goal = optionalText(command.data.goal, { field: 'goal', code: 'COACHING.GOAL_INVALID', label: 'the goal', max: MAX_COACHING_GOAL_LENGTH });
  if (isRejection(goal)) return goal;
  if (state.coachingTopics.has(topic)) {
    return reject('conflict', 'COACHING.TOPIC_ALREADY_PLANNED', `${topic} is already in team ${state.teamId}'s coaching plan.`, { field: 'topic' });
  }
  return [{ type: 'CoachingTopicPlanned', data: { teamId: command.data.teamId, topic, goal, plannedBy: ctx.actor.id, plannedAt: at(ctx) } }];
};

/**
 * The vault subject a session's notes are sealed under: the session's own, inside its tenant
 * and team. Notes talk about several named people at once, so no single person's key fits;
 * erasing the coach or any attendee erases this subject (`coachingSubjectsOf`), and with it the notes.
 */
export const coachingNotesSubject = (tenantId: string, teamId: string, sessionId: string): string => tenantSubject('governance-coaching-notes', tenantId, `${teamId}/${sessionId}`);

/** The clear-text notes as the service receives them, checked before it seals them: trimmed, at most MAX_COACHING_NOTES_LENGTH, null when empty. */
export const coachingNotes = (notes: unknown): string | null | Rejection =>
  optionalText(notes, { field: 'notes', code: 'COACHING.NOTES_INVALID', label: 'the notes', max: MAX_COACHING_NOTES_LENGTH });

/**
 * The vault subjects holding personal data about `personId` in these sessions: every session they coached or attended.
 * A session's sealed notes name their subject, so notes sealed before subjects took the length-prefixed form
 * (`governance-coaching-notes:<tenant>/<team>/<session>`) are erased under the subject they were sealed with.
 */
export const coachingSubjectsOf = (
  tenantId: string,
  personId: string,
  sessions: Iterable<{ readonly teamId: string; readonly sessionId: string; readonly coachId: string; readonly attendeeIds: readonly string[]; readonly notes?: unknown }>,
): string[] => {
  const subjects: string[] = [];
  for (const s of sessions) {
    if (s.coachId !== personId && !s.attendeeIds.includes(personId)) continue;
    subjects.push(isSealed(s.notes) ? s.notes.$sealed.subject : coachingNotesSubject(tenantId, s.teamId, s.sessionId));
  }
  return subjects;
};

/** A session is recorded after it was held, by a coach of the team, on planned topics, with the team's members. */
export const recordCoachingSession: TeamRule<RecordCoachingSession> = (command, state, ctx) => {
  const missing = requireTeam(state, command.data.teamId);
  if (missing) return missing;
  const sessionId = requiredId(command.data.sessionId, 'sessionId', 'COACHING.SESSION_INVALID', 'the session id');
  if (isRejection(sessionId)) return sessionId;
  if (state.coachingSessions.has(sessionId)) {
    return reject('conflict', 'COACHING.SESSION_ALREADY_RECORDED', `Coaching session ${sessionId} is already recorded.`, { field: 'sessionId' });
  }
  const { topics, attendeeIds } = command.data;
  if (!Array.isArray(topics) || topics.length === 0 || !topics.every(validTopic)) {
    return reject('invalid', 'COACHING.TOPIC_INVALID', 'A session covers at least one topic, each a slug from the coaching plan.', { field: 'topics' });
  }
  const unplanned = topics.filter((topic) => !state.coachingTopics.has(topic));
  if (unplanned.length > 0) {
    return reject('precondition', 'COACHING.TOPIC_NOT_PLANNED', `Plan ${unplanned.join(', ')} before recording sessions on it.`, {
      field: 'topics',
      details: { unplanned },
    });
  }
  const heldAt = parseInstant(command.data.heldAt);
  if (heldAt === null) {
    return reject('invalid', 'COACHING.HELD_AT_INVALID', 'heldAt must be an ISO-8601 instant such as 2026-03-02T14:00:00Z.', { field: 'heldAt' });
  }
  if (heldAt.getTime() > ctx.now.getTime()) {
    return reject('invalid', 'COACHING.SESSION_IN_FUTURE', 'A session is recorded once it has been held; heldAt is in the future.', { field: 'heldAt' });
  }
  const coach = requireMember(state, command.data.coachId, 'coachId');
  if (isRejection(coach)) return coach;
  if (!coach.roles.includes('coach')) {
    return reject('precondition', 'COACHING.NOT_A_COACH', `${coach.memberId} is not a coach of team ${state.teamId}.`, { field: 'coachId' });
  }
  if (!Array.isArray(attendeeIds) || attendeeIds.length === 0) {
    return reject('invalid', 'COACHING.ATTENDEES_INVALID', 'A session needs at least one attendee.', { field: 'attendeeIds' });
  }
  for (const attendee of attendeeIds) {
    const member = requireMember(state, attendee, 'attendeeIds');
    if (isRejection(member)) return member;
  }
  const notes = sealedNotes(command.data.notes, coachingNotesSubject(ctx.tenantId, command.data.teamId, sessionId));
  if (isRejection(notes)) return notes;
  return [
    {
      type: 'CoachingSessionHeld',
      data: {
        teamId: command.data.teamId,
        sessionId,
        topics: [...new Set(topics)],
        heldAt: heldAt.toISOString(),
        coachId: coach.memberId,
        attendeeIds: [...new Set(attendeeIds)],
        notes,
        recordedBy: ctx.actor.id,
        recordedAt: at(ctx),
      },
    },
  ];
};

/** Notes enter the event only sealed, and only under the session's own subject (a seal names its subject in the clear). */
function sealedNotes(notes: unknown, subject: string): SealedValue | null | Rejection {
  if (notes === undefined || notes === null) return null;
  if (!isSealed(notes)) {
    return reject('invalid', 'COACHING.NOTES_NOT_SEALED', 'Coaching notes are personal data: the service must seal them with the personal-data vault before they reach the domain.', {
      field: 'notes',
    });
  }
  if (notes.$sealed.subject !== subject) {
    return reject('invalid', 'COACHING.NOTES_NOT_SEALED', `Coaching notes must be sealed under the session's subject ${subject}.`, { field: 'notes' });
  }
  return notes;
}
