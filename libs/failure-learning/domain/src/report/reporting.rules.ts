import type { Actor, CommandContext, Rejection } from '@leerzone/kernel';
import { isRejection, reject, requiredId, requiredText, tenantSubject } from '@leerzone/kernel';
import type { LessonReference } from '../lessons/lesson.model';
import { SEVERITIES } from '../shared/failure.model';
import { at, idList, instant, oneOf, optionalCost, sealed, slug, tagSet } from '../shared/validation';
import type { ReportFailure } from './report.commands';
import type { Reporter } from './report.events';
import type { ReportRule } from './report.guards';

export const MAX_REPORT_TEXT_LENGTH = 4000;
export const MAX_LINKED_LESSONS = 10;
/**
 * The first question is "what happened?", never "who did this?". A report that tries to
 * name someone to blame is refused whole rather than stored with the field dropped.
 */
export const BLAME_FIELDS = ['blame', 'blamed', 'culprit', 'culpritId', 'responsible', 'responsiblePerson', 'whoDidIt', 'faultOf', 'causedBy', 'guilty'] as const;

/**
 * The envelope's actor of an anonymous report. The store records the actor of every event
 * in the clear, so an anonymous report must not arrive under the reporter's own id.
 */
export const ANONYMOUS_REPORTER_ACTOR: Actor = { id: 'failure-learning-anonymous-reporter', kind: 'service' };

/**
 * The vault subject an anonymous reporter's identity is sealed under. A seal names its
 * subject in the clear, so it must be the report's pseudonym, not the person's id; erasing
 * this subject forgets who reported without touching the report. Tenant-scoped: report ids
 * are unique per tenant only. Reports sealed before keep the subject their seal names.
 */
export const anonymousReporterSubject = (tenantId: string, reportId: string): string => tenantSubject('failure-learning-reporter', tenantId, reportId);

const text = (value: unknown, field: string, label: string) => requiredText(value, { field, code: 'REPORT.TEXT_INVALID', label, max: MAX_REPORT_TEXT_LENGTH });

export const reportFailure: ReportRule<ReportFailure> = (command, state, ctx) => {
  const d = command.data;
  const blame = Object.keys(d).find((key) => (BLAME_FIELDS as readonly string[]).some((field) => field.toLowerCase() === key.toLowerCase()));
  if (blame !== undefined) {
    return reject('invalid', 'REPORT.BLAME_NOT_ASKED', 'A report asks what happened, not who did it: leave out who is to blame and describe what was expected and what happened.', {
      field: blame,
    });
  }
  const reportId = requiredId(d.reportId, 'reportId', 'REPORT.INVALID', 'the report id');
  if (isRejection(reportId)) return reportId;
  if (state.exists) return reject('conflict', 'REPORT.ALREADY_EXISTS', `Failure report ${reportId} already exists.`, { field: 'reportId' });
  const teamId = requiredId(d.teamId, 'teamId', 'REPORT.TEAM_INVALID', 'the team id');
  if (isRejection(teamId)) return teamId;
  const expected = text(d.expected, 'expected', 'what was expected');
  if (isRejection(expected)) return expected;
  const happened = text(d.happened, 'happened', 'what happened');
  if (isRejection(happened)) return happened;
  const context = text(d.context, 'context', 'the context');
  if (isRejection(context)) return context;
  const impactDescription = text(d.impact?.description, 'impact.description', 'the impact');
  if (isRejection(impactDescription)) return impactDescription;
  const cost = optionalCost(d.impact?.cost, 'impact.cost', 'REPORT.COST_INVALID');
  if (isRejection(cost)) return cost;
  const severity = oneOf(d.severity, SEVERITIES, 'severity', 'REPORT.SEVERITY_INVALID', 'The severity');
  if (isRejection(severity)) return severity;
  const occurredAt = instant(d.occurredAt, 'occurredAt', 'REPORT.TIME_INVALID', 'When it happened');
  if (isRejection(occurredAt)) return occurredAt;
  const noticedAt = instant(d.noticedAt, 'noticedAt', 'REPORT.TIME_INVALID', 'When it was noticed');
  if (isRejection(noticedAt)) return noticedAt;
  if (noticedAt.getTime() > ctx.now.getTime()) {
    return reject('invalid', 'REPORT.TIME_INVALID', 'When it was noticed cannot be in the future.', { field: 'noticedAt' });
  }
  if (occurredAt.getTime() > noticedAt.getTime()) {
    return reject('invalid', 'REPORT.TIME_INVALID', 'It cannot have been noticed before it happened: check both times.', { field: 'noticedAt' });
  }
  const area = slug(d.area, 'area', 'REPORT.AREA_INVALID', 'The area');
  if (isRejection(area)) return area;
  const tags = tagSet(d.tags, 'tags', 'REPORT.TAGS_INVALID');
  if (isRejection(tags)) return tags;
  const linkedLessonIds = idList(d.linkedLessonIds, 'linkedLessonIds', 'REPORT.LINK_INVALID', 'lesson id', MAX_LINKED_LESSONS);
  if (isRejection(linkedLessonIds)) return linkedLessonIds;
  const known: readonly LessonReference[] = Array.isArray(d.knownLessons) ? d.knownLessons : [];
  for (const [index, lessonId] of linkedLessonIds.entries()) {
    if (!known.some((lesson) => lesson.lessonId === lessonId)) {
      return reject('not-found', 'LESSON.NOT_FOUND', `There is no lesson ${lessonId} this team can see; pick one of the suggested lessons.`, { field: `linkedLessonIds.${index}` });
    }
  }
  const reporter = reporterOf(d.reporter, reportId, ctx);
  if (isRejection(reporter)) return reporter;
  const reportedAt = at(ctx);
  return [
    {
      type: 'FailureReported',
      data: {
        reportId,
        teamId,
        expected,
        happened,
        context,
        impact: { description: impactDescription, cost },
        severity,
        occurredAt: occurredAt.toISOString(),
        noticedAt: noticedAt.toISOString(),
        timeToDetectionMinutes: Math.floor((noticedAt.getTime() - occurredAt.getTime()) / 60_000),
        area,
        tags,
        linkedLessonIds,
        reporter,
        reportedBy: ctx.actor.id,
        reportedAt,
      },
    },
    {
      type: 'SpeakingUpRecognised',
      data: { reportId, teamId, credited: reporter.anonymous ? { kind: 'team', teamId } : { kind: 'reporter', reporterId: reporter.reporterId }, recognisedAt: reportedAt },
    },
  ];
};

function reporterOf(input: ReportFailure['data']['reporter'] | undefined, reportId: string, ctx: CommandContext): Reporter | Rejection {
  const { actor } = ctx;
  if (typeof input !== 'object' || input === null || typeof input.anonymous !== 'boolean') {
    return reject('invalid', 'REPORT.REPORTER_INVALID', 'Say whether the reporter stays anonymous: reporter.anonymous must be true or false.', { field: 'reporter.anonymous' });
  }
  if (!input.anonymous) {
    if (actor.kind !== 'user') {
      return reject('forbidden', 'REPORT.REPORTER_INVALID', 'A named report is made by a person in their own name; a service cannot report for them.', { field: 'reporter.anonymous' });
    }
    return { anonymous: false, reporterId: actor.id };
  }
  if (actor.id !== ANONYMOUS_REPORTER_ACTOR.id || actor.kind !== ANONYMOUS_REPORTER_ACTOR.kind) {
    return reject('precondition', 'REPORT.ANONYMITY_NOT_PROTECTED', `An anonymous report must be recorded under the actor ${ANONYMOUS_REPORTER_ACTOR.id}, or the event would name its reporter.`, {
      field: 'reporter',
    });
  }
  const identity = sealed(input.identity, 'reporter.identity', 'REPORT.ANONYMITY_NOT_PROTECTED', "The anonymous reporter's identity");
  if (isRejection(identity)) return identity;
  if (identity.$sealed.subject !== anonymousReporterSubject(ctx.tenantId, reportId)) {
    return reject('precondition', 'REPORT.ANONYMITY_NOT_PROTECTED', `The identity must be sealed under the subject ${anonymousReporterSubject(ctx.tenantId, reportId)}: a seal names its subject in the clear.`, {
      field: 'reporter.identity',
    });
  }
  return { anonymous: true, identity };
}
