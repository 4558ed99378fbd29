import type { CommandContext, Rejection } from '@leerzone/kernel';
import { isIsoDate, isRejection, reject, requiredId, requiredText } from '@leerzone/kernel';
import type { FailureKind } from '../shared/failure.model';
import { at, oneOf, optionalCost, slug, tagSet } from '../shared/validation';
import type { CelebrateIntelligentFailure, LessonInput, RecordBasicFailureResponse, RecordIntelligentFailureLearning, RecordSystemAnalysis } from './report.commands';
import type { LessonRecorded, PreventionKind } from './report.events';
import { plannedAction } from './follow-up.rules';
import type { ReportRule } from './report.guards';
import { requireReport } from './report.guards';
import type { ReportState } from './report.state';

export const PREVENTION_KINDS: readonly PreventionKind[] = ['checklist-item', 'training'];
export const MAX_LESSON_SUMMARY_LENGTH = 1000;
export const MAX_ANALYSIS_TEXT_LENGTH = 2000;
export const MAX_CONTRIBUTING_FACTORS = 10;
export const MAX_WEAK_SIGNALS = 20;

/** Each kind calls for its own response, once, after the report is classified as that kind. */
function requireResponseFor(state: ReportState, reportId: unknown, kind: FailureKind): Rejection | null {
  const missing = requireReport(state, reportId);
  if (missing) return missing;
  if (!state.classification) return reject('precondition', 'RESPONSE.NOT_CLASSIFIED', `Classify report ${state.reportId} first: the response depends on the kind of failure.`, { field: 'reportId' });
  if (state.classification.kind !== kind) {
    return reject('precondition', 'RESPONSE.KIND_MISMATCH', `Report ${state.reportId} is classified as ${state.classification.kind}; a ${kind} response does not fit. Reclassify it first if it is ${kind}.`, {
      field: 'reportId',
      details: { kind: state.classification.kind },
    });
  }
  if (state.responded.has(kind)) return reject('conflict', 'RESPONSE.ALREADY_RECORDED', `The ${kind} response to report ${state.reportId} is already recorded.`, { field: 'reportId' });
  return null;
}

function lessonRecorded(input: LessonInput | undefined, state: ReportState, ctx: CommandContext, kind: FailureKind, preventionActionId: string | null): LessonRecorded | Rejection {
  const lesson = input ?? ({} as LessonInput);
  const lessonId = requiredId(lesson.lessonId, 'lesson.lessonId', 'LESSON.INVALID', 'the lesson id');
  if (isRejection(lessonId)) return lessonId;
  if (state.lessons.has(lessonId)) return reject('conflict', 'LESSON.ALREADY_EXISTS', `Lesson ${lessonId} is already recorded on this report.`, { field: 'lesson.lessonId' });
  const summary = requiredText(lesson.summary, { field: 'lesson.summary', code: 'LESSON.SUMMARY_INVALID', label: 'the lesson', max: MAX_LESSON_SUMMARY_LENGTH });
  if (isRejection(summary)) return summary;
  const tags = tagSet(lesson.tags ?? state.tags, 'lesson.tags', 'LESSON.TAGS_INVALID', { min: 1 });
  if (isRejection(tags)) return tags;
  if (lesson.shareWithLibrary !== undefined && typeof lesson.shareWithLibrary !== 'boolean') {
    return reject('invalid', 'LESSON.SHARE_INVALID', 'shareWithLibrary must be true or false.', { field: 'lesson.shareWithLibrary' });
  }
  return {
    type: 'LessonRecorded',
    data: {
      reportId: state.reportId!,
      teamId: state.teamId!,
      lessonId,
      kind,
      summary,
      area: state.area,
      tags,
      preventionActionId,
      // Other teams need not repeat an intelligent failure: its lesson always goes to the library.
      sharedWithLibrary: kind === 'intelligent' || lesson.shareWithLibrary === true,
      recordedBy: ctx.actor.id,
      recordedAt: at(ctx),
    },
  };
}

/** Basic: prevent it (a checklist item or training), and keep the lesson with the area's tags. */
export const recordBasicFailureResponse: ReportRule<RecordBasicFailureResponse> = (command, state, ctx) => {
  const refused = requireResponseFor(state, command.data.reportId, 'basic');
  if (refused) return refused;
  const prevention = command.data.prevention ?? ({} as RecordBasicFailureResponse['data']['prevention']);
  const kind = oneOf(prevention.kind, PREVENTION_KINDS, 'prevention.kind', 'PREVENTION.KIND_INVALID', 'The prevention');
  if (isRejection(kind)) return kind;
  const action = plannedAction({ ...prevention, dueRule: command.data.dueRule }, state, ctx, 'prevention', kind, 'prevention.');
  if (isRejection(action)) return action;
  const lesson = lessonRecorded(command.data.lesson, state, ctx, 'basic', action.data.actionId);
  return isRejection(lesson) ? lesson : [action, lesson];
};

/** Complex: a system analysis — contributing factors from the tenant's taxonomy, the weak signals missed, how to spot them sooner. */
export const recordSystemAnalysis: ReportRule<RecordSystemAnalysis> = (command, state, ctx) => {
  const refused = requireResponseFor(state, command.data.reportId, 'complex');
  if (refused) return refused;
  const d = command.data;
  const taxonomy: readonly unknown[] = Array.isArray(d.taxonomy) ? d.taxonomy : [];
  if (!Array.isArray(d.contributingFactors) || d.contributingFactors.length === 0 || d.contributingFactors.length > MAX_CONTRIBUTING_FACTORS) {
    return reject('invalid', 'ANALYSIS.FACTORS_INVALID', `Name 1 to ${MAX_CONTRIBUTING_FACTORS} contributing factors: a complex failure has more than one cause.`, { field: 'contributingFactors' });
  }
  const contributingFactors: { factor: string; description: string }[] = [];
  for (const [index, item] of d.contributingFactors.entries()) {
    const factor = slug(item?.factor, `contributingFactors.${index}.factor`, 'ANALYSIS.FACTOR_UNKNOWN', 'A contributing factor');
    if (isRejection(factor)) return factor;
    if (!taxonomy.includes(factor)) {
      return reject('invalid', 'ANALYSIS.FACTOR_UNKNOWN', `${factor} is not in this organisation's taxonomy (${taxonomy.join(', ')}); add it to the taxonomy first.`, {
        field: `contributingFactors.${index}.factor`,
      });
    }
    const description = requiredText(item.description, { field: `contributingFactors.${index}.description`, code: 'ANALYSIS.TEXT_INVALID', label: 'how the factor contributed', max: MAX_ANALYSIS_TEXT_LENGTH });
    if (isRejection(description)) return description;
    contributingFactors.push({ factor, description });
  }
  const signals: unknown = d.missedWeakSignals ?? [];
  if (!Array.isArray(signals) || signals.length > MAX_WEAK_SIGNALS) {
    return reject('invalid', 'ANALYSIS.SIGNALS_INVALID', `List up to ${MAX_WEAK_SIGNALS} weak signals that were missed.`, { field: 'missedWeakSignals' });
  }
  const missedWeakSignals: string[] = [];
  for (const [index, signal] of signals.entries()) {
    const text = requiredText(signal, { field: `missedWeakSignals.${index}`, code: 'ANALYSIS.SIGNALS_INVALID', label: 'a missed signal', max: MAX_ANALYSIS_TEXT_LENGTH });
    if (isRejection(text)) return text;
    missedWeakSignals.push(text);
  }
  const howToSpotSooner = requiredText(d.howToSpotSooner, { field: 'howToSpotSooner', code: 'ANALYSIS.TEXT_INVALID', label: 'how to spot it sooner', max: MAX_ANALYSIS_TEXT_LENGTH });
  if (isRejection(howToSpotSooner)) return howToSpotSooner;
  const lesson = lessonRecorded(d.lesson, state, ctx, 'complex', null);
  if (isRejection(lesson)) return lesson;
  return [
    { type: 'SystemAnalysisRecorded', data: { reportId: state.reportId!, contributingFactors, missedWeakSignals, howToSpotSooner, analysedBy: ctx.actor.id, analysedAt: at(ctx) } },
    lesson,
  ];
};

/** Intelligent: what the hypothesis taught, at what cost; the lesson goes to the tenant's library. */
export const recordIntelligentFailureLearning: ReportRule<RecordIntelligentFailureLearning> = (command, state, ctx) => {
  const refused = requireResponseFor(state, command.data.reportId, 'intelligent');
  if (refused) return refused;
  const learned = requiredText(command.data.learned, { field: 'learned', code: 'LEARNING.TEXT_INVALID', label: 'what was learned', max: MAX_ANALYSIS_TEXT_LENGTH });
  if (isRejection(learned)) return learned;
  const cost = optionalCost(command.data.cost, 'cost', 'LEARNING.COST_INVALID');
  if (isRejection(cost)) return cost;
  const lesson = lessonRecorded(command.data.lesson, state, ctx, 'intelligent', null);
  if (isRejection(lesson)) return lesson;
  const hypothesis = state.classification!.attributes!.hypothesis;
  return [{ type: 'IntelligentFailureLearningRecorded', data: { reportId: state.reportId!, hypothesis, learned, cost, recordedBy: ctx.actor.id, recordedAt: at(ctx) } }, lesson];
};

export const celebrateIntelligentFailure: ReportRule<CelebrateIntelligentFailure> = (command, state, ctx) => {
  const missing = requireReport(state, command.data.reportId);
  if (missing) return missing;
  if (state.classification?.kind !== 'intelligent' || !state.responded.has('intelligent')) {
    return reject('precondition', 'CELEBRATION.NOT_LEARNED', 'Only an intelligent failure is celebrated, once what it taught is recorded.', { field: 'reportId' });
  }
  if (state.celebrated) return reject('conflict', 'CELEBRATION.ALREADY_RECORDED', `Report ${state.reportId}'s celebration is already recorded.`, { field: 'reportId' });
  const how = requiredText(command.data.how, { field: 'how', code: 'CELEBRATION.TEXT_INVALID', label: 'how it was celebrated', max: MAX_ANALYSIS_TEXT_LENGTH });
  if (isRejection(how)) return how;
  const on = command.data.celebratedOn;
  if (!isIsoDate(on) || on > ctx.now.toISOString().slice(0, 10)) {
    return reject('invalid', 'CELEBRATION.DATE_INVALID', 'celebratedOn must be a date (YYYY-MM-DD) no later than today.', { field: 'celebratedOn' });
  }
  return [{ type: 'IntelligentFailureCelebrated', data: { reportId: state.reportId!, teamId: state.teamId!, how, celebratedOn: on, recordedBy: ctx.actor.id, recordedAt: at(ctx) } }];
};
