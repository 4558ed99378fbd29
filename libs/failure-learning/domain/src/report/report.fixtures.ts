import { expect } from '@jest/globals';
import type { CommandContext, Rejection, SealedValue } from '@leerzone/kernel';
import { fold, isRejection } from '@leerzone/kernel';
import { testContext } from '@leerzone/kernel/testing';
import type { LessonReference } from '../lessons/lesson.model';
import type { FollowUpDueRule } from '../shared/failure.model';
import type { ReportCommand } from './report.commands';
import { reportDecider } from './report.decider';
import type { ReportEvent } from './report.events';
import { ANONYMOUS_REPORTER_ACTOR, anonymousReporterSubject } from './reporting.rules';

/** Shared given-events and lookups for the report specs. Times are fixed: the domain has no clock. */
export const REPORT = 'r-1';
export const TEAM = 'team-a';
export const OTHER_TEAM = 'team-b';
export const T0 = '2026-01-10T08:00:00.000Z';
export const NOW = new Date('2026-01-15T09:00:00.000Z');
export const ANNA = 'user-anna';
export const COACH = 'user-coach';
export const RULE: FollowUpDueRule = { high: 3, medium: 7, low: 7 };

/** A refusal reads as a sentence that names its subject: no blank start, no gap where a label or action is missing. */
export const wellFormed = (r: Rejection): Rejection => {
  expect(r.message).toMatch(/^\S/);
  expect(r.message).not.toMatch(/\s\s|\s[.,;:)]/);
  return r;
};

export const as = (actorId: string, extra: Partial<CommandContext> = {}): Partial<CommandContext> => ({ actor: { id: actorId, kind: 'user' }, now: NOW, ...extra });
export const anonymously = (extra: Partial<CommandContext> = {}): Partial<CommandContext> => ({ actor: ANONYMOUS_REPORTER_ACTOR, now: NOW, ...extra });

/** A stand-in for what the vault returns; the domain only looks at the subject. */
export const seal = (subject: string): SealedValue => ({ $sealed: { subject, keyId: 'k-1', alg: 'A256GCM', iv: 'aXY=', data: 'ZGF0YQ==', tag: 'dGFn' } });

export const lesson = (lessonId: string, overrides: Partial<LessonReference> = {}): LessonReference => ({
  lessonId,
  reportId: `r-${lessonId}`,
  teamId: OTHER_TEAM,
  kind: 'basic',
  summary: 'Double-check the medication list at handover',
  area: 'medication',
  tags: ['handover', 'medication-list'],
  preventionAction: { actionId: `a-${lessonId}`, description: 'Add the list to the handover checklist', status: 'open' },
  ...overrides,
});

export const reported = (overrides: { tags?: string[]; area?: string; linkedLessonIds?: string[]; severity?: 'low' | 'medium' | 'high' } = {}): ReportEvent => ({
  type: 'FailureReported',
  data: {
    reportId: REPORT,
    teamId: TEAM,
    expected: 'The evening medication is given at 20:00',
    happened: 'The medication list was not handed over and the dose was given at 22:00',
    context: 'Busy evening shift, two colleagues ill',
    impact: { description: 'Client slept badly', cost: null },
    severity: overrides.severity ?? 'high',
    occurredAt: '2026-01-09T20:00:00.000Z',
    noticedAt: '2026-01-09T22:00:00.000Z',
    timeToDetectionMinutes: 120,
    area: overrides.area ?? 'medication',
    tags: overrides.tags ?? ['handover', 'medication-list', 'night-shift'],
    linkedLessonIds: overrides.linkedLessonIds ?? [],
    reporter: { anonymous: false, reporterId: ANNA },
    reportedBy: ANNA,
    reportedAt: T0,
  },
});

export const classified = (kind: 'basic' | 'complex' | 'intelligent', cause: string, hypothesis = 'A shorter handover keeps the same quality'): ReportEvent =>
  ({
    type: 'FailureClassified',
    data: {
      reportId: REPORT,
      teamId: TEAM,
      kind,
      cause,
      attributes: kind === 'intelligent' ? { newTerritory: true, credibleOpportunity: true, hypothesis, asSmallAsPossible: true } : null,
      classifiedBy: COACH,
      classifiedAt: T0,
    },
  }) as ReportEvent;

export const actionPlanned = (actionId: string, dueOn: string, ownerTeamId = TEAM): ReportEvent => ({
  type: 'FollowUpActionPlanned',
  data: { reportId: REPORT, actionId, purpose: 'follow-up', preventionKind: null, description: `Do ${actionId}`, ownerTeamId, severity: 'high', dueOn, plannedBy: COACH, plannedAt: T0 },
});

export { anonymousReporterSubject };

/** The given events followed by what the command decides: a history built by the decider itself. */
export function andThen(given: readonly ReportEvent[], command: ReportCommand, actorId = COACH): ReportEvent[] {
  const decision = reportDecider.decide(command, fold(reportDecider, given), testContext(as(actorId)));
  if (isRejection(decision)) throw new Error(`${decision.code}: ${decision.message}`);
  return [...given, ...decision];
}
