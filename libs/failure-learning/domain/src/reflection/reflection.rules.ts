import type { CommandContext, Decision, Rejection } from '@leerzone/kernel';
import { isIsoDate, isRejection, parseInstant, reject, requiredId, requiredText } from '@leerzone/kernel';
import { FAILURE_KINDS } from '../shared/failure.model';
import type { FailureKind } from '../shared/failure.model';
import { at } from '../shared/validation';
import type { CompleteReflectionReview, SetReflectionCadence, StartReflectionReview } from './reflection.commands';
import type { ReflectionEvent, ReflectionReviewStarted } from './reflection.events';
import type { ReflectionState } from './reflection.state';

type ReflectionRule<Command> = (command: Command, state: ReflectionState, ctx: CommandContext) => Decision<ReflectionEvent>;

export const MIN_REFLECTION_WEEKS = 1;
/** A quarter: less often and the reports since the last review are no longer fresh. */
export const MAX_REFLECTION_WEEKS = 13;
export const MAX_TAKEAWAYS = 20;
export const MAX_REVIEW_ITEMS = 500;

/** The command's teamId must be the stream's team, once the stream has one. */
function requireTeam(state: ReflectionState, teamId: unknown): string | Rejection {
  const id = requiredId(teamId, 'teamId', 'REFLECTION.TEAM_INVALID', 'the team id');
  if (isRejection(id)) return id;
  if (state.teamId !== null && state.teamId !== id) return reject('not-found', 'REFLECTION.NOT_FOUND', `This reflection stream belongs to team ${state.teamId}, not ${id}.`, { field: 'teamId' });
  return id;
}

export const setReflectionCadence: ReflectionRule<SetReflectionCadence> = (command, state, ctx) => {
  const teamId = requireTeam(state, command.data.teamId);
  if (isRejection(teamId)) return teamId;
  const { everyWeeks, startsOn } = command.data;
  if (typeof everyWeeks !== 'number' || !Number.isInteger(everyWeeks) || everyWeeks < MIN_REFLECTION_WEEKS || everyWeeks > MAX_REFLECTION_WEEKS) {
    return reject('invalid', 'REFLECTION.CADENCE_INVALID', `Reflect every ${MIN_REFLECTION_WEEKS} to ${MAX_REFLECTION_WEEKS} weeks, as a whole number.`, { field: 'everyWeeks' });
  }
  if (!isIsoDate(startsOn)) return reject('invalid', 'REFLECTION.CADENCE_INVALID', 'startsOn must be a date, YYYY-MM-DD.', { field: 'startsOn' });
  if (state.cadence && state.cadence.everyWeeks === everyWeeks && state.cadence.startsOn === startsOn) return [];
  return [{ type: 'ReflectionCadenceSet', data: { teamId, cadence: { everyWeeks, startsOn }, previous: state.cadence, setBy: ctx.actor.id, setAt: at(ctx) } }];
};

export const startReflectionReview: ReflectionRule<StartReflectionReview> = (command, state, ctx) => {
  const teamId = requireTeam(state, command.data.teamId);
  if (isRejection(teamId)) return teamId;
  if (!state.cadence) return reject('precondition', 'REFLECTION.NO_CADENCE', `Team ${teamId} has no reflection cadence yet; plan the fixed moments first.`, { field: 'teamId' });
  const reviewId = requiredId(command.data.reviewId, 'reviewId', 'REFLECTION.REVIEW_INVALID', 'the review id');
  if (isRejection(reviewId)) return reviewId;
  if (state.reviews.some((r) => r.reviewId === reviewId)) return reject('conflict', 'REFLECTION.REVIEW_EXISTS', `Review ${reviewId} already exists.`, { field: 'reviewId' });
  const open = state.reviews.find((r) => r.completedAt === null);
  if (open) return reject('conflict', 'REFLECTION.REVIEW_OPEN', `Review ${open.reviewId} is still open; complete it before starting the next.`, { field: 'reviewId' });
  const since = state.reviews.at(-1)?.startedAt ?? null;
  const openActions = reviewActions(command.data.openActions, teamId, ctx.now);
  if (isRejection(openActions)) return openActions;
  const reports = reviewReports(command.data.reportsSinceLastReview, since, ctx.now);
  if (isRejection(reports)) return reports;
  return [{ type: 'ReflectionReviewStarted', data: { teamId, reviewId, since, openActions, reports, startedBy: ctx.actor.id, startedAt: at(ctx) } }];
};

function reviewActions(value: unknown, teamId: string, now: Date): ReflectionReviewStarted['data']['openActions'] | Rejection {
  if (!Array.isArray(value) || value.length > MAX_REVIEW_ITEMS) {
    return reject('invalid', 'REFLECTION.ACTIONS_INVALID', `The open actions must be a list of at most ${MAX_REVIEW_ITEMS}.`, { field: 'openActions' });
  }
  const today = now.toISOString().slice(0, 10);
  const actions: ReflectionReviewStarted['data']['openActions'][number][] = [];
  for (const [index, action] of (value as Record<string, unknown>[]).entries()) {
    const field = `openActions.${index}`;
    if (typeof action?.['actionId'] !== 'string' || typeof action['reportId'] !== 'string' || typeof action['description'] !== 'string' || !isIsoDate(action['dueOn'])) {
      return reject('invalid', 'REFLECTION.ACTIONS_INVALID', 'Each open action needs reportId, actionId, description and dueOn.', { field });
    }
    if (action['status'] !== 'open' || action['ownerTeamId'] !== teamId) {
      return reject('invalid', 'REFLECTION.ACTIONS_INVALID', `Action ${action['actionId']} is not an open action of team ${teamId}; the review starts from that team's open actions only.`, { field });
    }
    const dueOn = action['dueOn'];
    actions.push({ reportId: action['reportId'], actionId: action['actionId'], description: action['description'], dueOn, overdue: dueOn < today });
  }
  return actions;
}

function reviewReports(value: unknown, since: string | null, now: Date): ReflectionReviewStarted['data']['reports'] | Rejection {
  if (!Array.isArray(value) || value.length > MAX_REVIEW_ITEMS) {
    return reject('invalid', 'REFLECTION.REPORTS_INVALID', `The reports since the last review must be a list of at most ${MAX_REVIEW_ITEMS}.`, { field: 'reportsSinceLastReview' });
  }
  const reports: { reportId: string; reportedAt: string; kind: FailureKind | null }[] = [];
  for (const [index, report] of (value as Record<string, unknown>[]).entries()) {
    const field = `reportsSinceLastReview.${index}`;
    const reportedAt = parseInstant(report?.['reportedAt']);
    const kind = report?.['kind'] ?? null;
    if (typeof report?.['reportId'] !== 'string' || reportedAt === null || (kind !== null && !(FAILURE_KINDS as readonly unknown[]).includes(kind))) {
      return reject('invalid', 'REFLECTION.REPORTS_INVALID', 'Each report needs reportId, reportedAt (an ISO instant) and kind (or null while unclassified).', { field });
    }
    // The window is (previous review, now]: a report already reviewed, or from the future, does not belong.
    if ((since !== null && reportedAt.getTime() <= new Date(since).getTime()) || reportedAt.getTime() > now.getTime()) {
      return reject('invalid', 'REFLECTION.REPORT_OUTSIDE_WINDOW', `Report ${report['reportId']} was not reported since the last review (${since ?? 'none'}).`, { field });
    }
    if (reports.some((r) => r.reportId === report['reportId'])) return reject('invalid', 'REFLECTION.REPORTS_INVALID', `Report ${report['reportId']} is listed twice.`, { field });
    reports.push({ reportId: report['reportId'], reportedAt: reportedAt.toISOString(), kind: kind as FailureKind | null });
  }
  return reports;
}

export const completeReflectionReview: ReflectionRule<CompleteReflectionReview> = (command, state, ctx) => {
  const teamId = requireTeam(state, command.data.teamId);
  if (isRejection(teamId)) return teamId;
  const review = state.reviews.find((r) => r.reviewId === command.data.reviewId);
  if (!review) return reject('not-found', 'REFLECTION.REVIEW_NOT_FOUND', `Team ${teamId} has no review ${String(command.data.reviewId)}.`, { field: 'reviewId' });
  if (review.completedAt !== null) return reject('conflict', 'REFLECTION.REVIEW_COMPLETED', `Review ${review.reviewId} is already completed.`, { field: 'reviewId' });
  const list: unknown = command.data.takeaways;
  if (!Array.isArray(list) || list.length === 0 || list.length > MAX_TAKEAWAYS) {
    return reject('invalid', 'REFLECTION.TAKEAWAYS_INVALID', `Record 1 to ${MAX_TAKEAWAYS} takeaways: what the team will do differently.`, { field: 'takeaways' });
  }
  const takeaways: string[] = [];
  for (const [index, item] of list.entries()) {
    const text = requiredText(item, { field: `takeaways.${index}`, code: 'REFLECTION.TAKEAWAYS_INVALID', label: 'a takeaway', max: 1000 });
    if (isRejection(text)) return text;
    takeaways.push(text);
  }
  return [{ type: 'ReflectionReviewCompleted', data: { teamId, reviewId: review.reviewId, takeaways, completedBy: ctx.actor.id, completedAt: at(ctx) } }];
};
