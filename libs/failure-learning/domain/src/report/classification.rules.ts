import type { CommandContext, Rejection } from '@leerzone/kernel';
import { isRejection, reject } from '@leerzone/kernel';
import type { LessonReference } from '../lessons/lesson.model';
import { repeatMatch } from '../lessons/lesson.model';
import type { FailureCause, FailureKind, IntelligentAttribute, IntelligentFailureAttributes } from '../shared/failure.model';
import { CAUSES_BY_KIND, FAILURE_CAUSES, FAILURE_KINDS, INTELLIGENT_ATTRIBUTE_LABELS, INTELLIGENT_ATTRIBUTES, kindOfCause } from '../shared/failure.model';
import { at, oneOf, requiredReason } from '../shared/validation';
import type { ClassificationInput, ClassifyFailure, IntelligentAttributesInput, ReclassifyFailure } from './report.commands';
import type { RepeatFailureFlagged } from './report.events';
import type { ReportRule } from './report.guards';
import { requireReport } from './report.guards';
import type { ReportState } from './report.state';

export const MAX_HYPOTHESIS_LENGTH = 2000;

/** Which of the four attributes of an intelligent failure are missing, in the canonical order. */
export function missingIntelligentAttributes(input: IntelligentAttributesInput | undefined | null): readonly IntelligentAttribute[] {
  const attributes = input ?? {};
  return INTELLIGENT_ATTRIBUTES.filter((attribute) =>
    attribute === 'hypothesis' ? typeof attributes.hypothesis !== 'string' || attributes.hypothesis.trim().length === 0 : attributes[attribute] !== true,
  );
}

/**
 * The kind that fits a failure that is not intelligent: in known territory the answer
 * existed, so it is basic; in new territory without a designed, small experiment, complex.
 */
export const offeredKindFor = (missing: readonly IntelligentAttribute[]): FailureKind => (missing.includes('newTerritory') ? 'basic' : 'complex');

interface Classification {
  readonly kind: FailureKind;
  readonly cause: FailureCause;
  readonly attributes: IntelligentFailureAttributes | null;
}

function classification(input: ClassificationInput, state: ReportState): Classification | Rejection {
  const kind = oneOf(input.kind, FAILURE_KINDS, 'kind', 'CLASSIFICATION.KIND_INVALID', 'The kind of failure');
  if (isRejection(kind)) return kind;
  const cause = oneOf(input.cause, FAILURE_CAUSES, 'cause', 'CLASSIFICATION.CAUSE_INVALID', 'The cause');
  if (isRejection(cause)) return cause;
  if (kindOfCause(cause) !== kind) {
    return reject('invalid', 'CLASSIFICATION.CAUSE_DOES_NOT_FIT', `${cause} is a cause of ${kindOfCause(cause)} failures; a ${kind} failure has one of: ${CAUSES_BY_KIND[kind].join(', ')}.`, {
      field: 'cause',
      details: { kind, causesThatFit: CAUSES_BY_KIND[kind], kindOfCause: kindOfCause(cause) },
    });
  }
  if (kind !== 'intelligent') return { kind, cause, attributes: null };
  const missing = missingIntelligentAttributes(input.attributes);
  if (missing.length > 0) {
    const offeredKind = offeredKindFor(missing);
    return reject(
      'precondition',
      'CLASSIFICATION.NOT_INTELLIGENT',
      `An intelligent failure has all four attributes; this one lacks ${missing.map((m) => INTELLIGENT_ATTRIBUTE_LABELS[m]).join('; ')}. Classify it as ${offeredKind}, with one of: ${CAUSES_BY_KIND[offeredKind].join(', ')}.`,
      { field: `attributes.${missing[0]}`, details: { missing, offeredKind, causesThatFit: CAUSES_BY_KIND[offeredKind] } },
    );
  }
  const hypothesis = input.attributes!.hypothesis!.trim();
  if (hypothesis.length > MAX_HYPOTHESIS_LENGTH) {
    return reject('invalid', 'CLASSIFICATION.HYPOTHESIS_INVALID', `The hypothesis may be at most ${MAX_HYPOTHESIS_LENGTH} characters (got ${hypothesis.length}).`, { field: 'attributes.hypothesis' });
  }
  // The knowledge existed: repeating what a team already learned from is no longer an experiment.
  const learned = knownLessons(input).find((lesson) => lesson.kind === 'intelligent' && repeatMatch(reportFacts(state), lesson) !== null);
  if (learned) {
    return reject(
      'precondition',
      'CLASSIFICATION.KNOWLEDGE_EXISTED',
      `Team ${learned.teamId} already learned this as an intelligent failure (lesson ${learned.lessonId}: "${learned.summary}"). Repeating it is a basic failure: classify it as basic.`,
      { field: 'kind', details: { offeredKind: 'basic', causesThatFit: CAUSES_BY_KIND.basic, lessonId: learned.lessonId, lessonTeamId: learned.teamId } },
    );
  }
  return { kind, cause, attributes: { newTerritory: true, credibleOpportunity: true, hypothesis, asSmallAsPossible: true } };
}

const knownLessons = (input: ClassificationInput): readonly LessonReference[] => (Array.isArray(input.knownLessons) ? input.knownLessons : []);

const reportFacts = (state: ReportState) => ({ reportId: state.reportId!, area: state.area, tags: state.tags, linkedLessonIds: state.linkedLessonIds });

/** "Not twice": a basic failure is flagged once per earlier lesson it repeats, explicit links first. */
function repeatsOf(kind: FailureKind, input: ClassificationInput, state: ReportState, ctx: CommandContext): RepeatFailureFlagged[] {
  if (kind !== 'basic') return [];
  const matches = knownLessons(input)
    .map((lesson) => ({ lesson, matchedBy: repeatMatch(reportFacts(state), lesson) }))
    .filter((m): m is { lesson: LessonReference; matchedBy: NonNullable<typeof m.matchedBy> } => m.matchedBy !== null && !state.repeatedLessonIds.includes(m.lesson.lessonId))
    .sort((a, b) => (a.matchedBy === b.matchedBy ? (a.lesson.lessonId < b.lesson.lessonId ? -1 : 1) : a.matchedBy === 'explicit-link' ? -1 : 1));
  return matches.map(({ lesson, matchedBy }) => ({
    type: 'RepeatFailureFlagged',
    data: {
      reportId: state.reportId!,
      teamId: state.teamId!,
      lessonId: lesson.lessonId,
      lessonReportId: lesson.reportId,
      lessonTeamId: lesson.teamId,
      lessonKind: lesson.kind,
      matchedBy,
      preventionAction: lesson.preventionAction && { ...lesson.preventionAction, done: lesson.preventionAction.status === 'done' },
      flaggedBy: ctx.actor.id,
      flaggedAt: at(ctx),
    },
  }));
}

export const classifyFailure: ReportRule<ClassifyFailure> = (command, state, ctx) => {
  const missing = requireReport(state, command.data.reportId);
  if (missing) return missing;
  if (state.classification) {
    return reject('conflict', 'CLASSIFICATION.ALREADY_CLASSIFIED', `Report ${state.reportId} is already classified as ${state.classification.kind}; reclassify it, with a reason, to change that.`, {
      field: 'kind',
    });
  }
  const c = classification(command.data, state);
  if (isRejection(c)) return c;
  return [
    { type: 'FailureClassified', data: { reportId: state.reportId!, teamId: state.teamId!, ...c, classifiedBy: ctx.actor.id, classifiedAt: at(ctx) } },
    ...repeatsOf(c.kind, command.data, state, ctx),
  ];
};

export const reclassifyFailure: ReportRule<ReclassifyFailure> = (command, state, ctx) => {
  const missing = requireReport(state, command.data.reportId);
  if (missing) return missing;
  const previous = state.classification;
  if (!previous) {
    return reject('precondition', 'CLASSIFICATION.NOT_CLASSIFIED', `Report ${state.reportId} is not classified yet; classify it first.`, { field: 'kind' });
  }
  const reason = requiredReason(ctx, 'reclassify this failure');
  if (isRejection(reason)) return reason;
  const c = classification(command.data, state);
  if (isRejection(c)) return c;
  if (c.kind === previous.kind && c.cause === previous.cause && JSON.stringify(c.attributes) === JSON.stringify(previous.attributes)) {
    return reject('conflict', 'CLASSIFICATION.UNCHANGED', `Report ${state.reportId} is already classified as ${c.kind} (${c.cause}).`, { field: 'kind' });
  }
  return [
    {
      type: 'FailureReclassified',
      data: {
        reportId: state.reportId!,
        teamId: state.teamId!,
        previousKind: previous.kind,
        previousCause: previous.cause,
        ...c,
        reason,
        reclassifiedBy: ctx.actor.id,
        reclassifiedAt: at(ctx),
      },
    },
    ...repeatsOf(c.kind, command.data, state, ctx),
  ];
};
