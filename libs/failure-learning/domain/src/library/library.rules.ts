import type { CommandContext, Decision } from '@leerzone/kernel';
import { isRejection, reject, requiredId, requiredText } from '@leerzone/kernel';
import { FAILURE_KINDS } from '../shared/failure.model';
import { at, dueRule, oneOf, requiredReason, slug, tagSet } from '../shared/validation';
import type { AddContributingFactor, AddLessonToLibrary, SetFollowUpDueRule } from './library.commands';
import type { LibraryEvent } from './library.events';
import type { LibraryState } from './library.state';

type LibraryRule<Command> = (command: Command, state: LibraryState, ctx: CommandContext) => Decision<LibraryEvent>;

export const MAX_CONTRIBUTING_FACTORS_IN_TAXONOMY = 50;
export const MAX_FACTOR_LABEL_LENGTH = 80;

/**
 * Adding a lesson is idempotent: the service adds it on every delivery of the report's
 * `LessonRecorded`, so the same lesson again changes nothing, while a different lesson
 * under a taken id is refused.
 */
export const addLessonToLibrary: LibraryRule<AddLessonToLibrary> = (command, state, ctx) => {
  const d = command.data;
  const lessonId = requiredId(d.lessonId, 'lessonId', 'LESSON.INVALID', 'the lesson id');
  if (isRejection(lessonId)) return lessonId;
  const reportId = requiredId(d.reportId, 'reportId', 'LESSON.INVALID', 'the report id');
  if (isRejection(reportId)) return reportId;
  const teamId = requiredId(d.teamId, 'teamId', 'LESSON.INVALID', 'the team id');
  if (isRejection(teamId)) return teamId;
  const kind = oneOf(d.kind, FAILURE_KINDS, 'kind', 'LESSON.KIND_INVALID', 'The kind of failure');
  if (isRejection(kind)) return kind;
  const summary = requiredText(d.summary, { field: 'summary', code: 'LESSON.SUMMARY_INVALID', label: 'the lesson', max: 1000 });
  if (isRejection(summary)) return summary;
  const area = slug(d.area, 'area', 'LESSON.AREA_INVALID', 'The area');
  if (isRejection(area)) return area;
  const tags = tagSet(d.tags, 'tags', 'LESSON.TAGS_INVALID', { min: 1 });
  if (isRejection(tags)) return tags;
  const existing = state.lessons.get(lessonId);
  if (existing) {
    if (existing.reportId === reportId && existing.summary === summary) return [];
    return reject('conflict', 'LESSON.ALREADY_EXISTS', `The library already holds another lesson ${lessonId}.`, { field: 'lessonId' });
  }
  return [{ type: 'LessonAddedToLibrary', data: { lessonId, reportId, teamId, kind, summary, area, tags, addedBy: ctx.actor.id, addedAt: at(ctx) } }];
};

export const addContributingFactor: LibraryRule<AddContributingFactor> = (command, state, ctx) => {
  const factor = slug(command.data.factor, 'factor', 'TAXONOMY.FACTOR_INVALID', 'The factor');
  if (isRejection(factor)) return factor;
  if (state.contributingFactors.has(factor)) return reject('conflict', 'TAXONOMY.FACTOR_EXISTS', `The taxonomy already has ${factor}.`, { field: 'factor' });
  if (state.contributingFactors.size >= MAX_CONTRIBUTING_FACTORS_IN_TAXONOMY) {
    return reject('precondition', 'TAXONOMY.FULL', `A taxonomy holds at most ${MAX_CONTRIBUTING_FACTORS_IN_TAXONOMY} factors; a longer list stops being a shared language.`, { field: 'factor' });
  }
  const label = requiredText(command.data.label, { field: 'label', code: 'TAXONOMY.LABEL_INVALID', label: 'the label', max: MAX_FACTOR_LABEL_LENGTH });
  if (isRejection(label)) return label;
  return [{ type: 'ContributingFactorAdded', data: { factor, label, addedBy: ctx.actor.id, addedAt: at(ctx) } }];
};

export const setFollowUpDueRule: LibraryRule<SetFollowUpDueRule> = (command, state, ctx) => {
  const rule = dueRule(command.data.rule, 'rule');
  if (isRejection(rule)) return rule;
  const reason = requiredReason(ctx, 'change the due-date rule');
  if (isRejection(reason)) return reason;
  if (rule.high === state.dueRule.high && rule.medium === state.dueRule.medium && rule.low === state.dueRule.low) return [];
  return [{ type: 'FollowUpDueRuleSet', data: { previous: state.dueRule, rule, setBy: ctx.actor.id, setAt: at(ctx), reason } }];
};
