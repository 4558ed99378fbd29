import type { Rejection } from '@leerzone/kernel';
import { isRejection, reject, requiredId, requiredText } from '@leerzone/kernel';
import { at, sealedText } from '../shared/validation';
import { parseRemovableBy } from './check-in.rules';
import type { CloseBlockersReview, GradeObjective, RecordBlockersReviewFinding, ScoreOverride } from './objective.commands';
import type { KeyResultGraded, ObjectiveEvent } from './objective.events';
import type { ObjectiveRule } from './objective.guards';
import { requireObjective, requireObjectiveInCycle } from './objective.guards';
import { MAX_OVERRIDE_REASON_LENGTH, REVIEW_FINDING_TEXT } from './objective.model';
import type { KeyResultState, ObjectiveState } from './objective.state';
import { activeKeyResults } from './objective.state';
import { valueFits } from './measure.model';
import { isAchieved, roundScore, scoreBand, scoreOf, weightedMean } from './scoring';

function parseOverrides(state: ObjectiveState, input: readonly ScoreOverride[] | undefined): ReadonlyMap<string, { score: number; reason: string }> | Rejection {
  const overrides = new Map<string, { score: number; reason: string }>();
  if (input !== undefined && !Array.isArray(input)) return reject('invalid', 'OKR.OVERRIDE_INVALID', 'Overrides are a list.', { field: 'overrides' });
  for (const [index, o] of (input ?? []).entries()) {
    const field = `overrides.${index}`;
    const kr = state.keyResults.get(o?.keyResultId);
    if (!kr || kr.removed || overrides.has(kr.keyResultId)) {
      return reject('invalid', 'OKR.OVERRIDE_INVALID', `Override each key result of this objective at most once (${String(o?.keyResultId)}).`, { field: `${field}.keyResultId` });
    }
    if (typeof o.score !== 'number' || o.score < 0 || o.score > 1 || roundScore(o.score) !== o.score) {
      return reject('invalid', 'OKR.OVERRIDE_INVALID', 'A score is 0.0 to 1.0 in steps of 0.1.', { field: `${field}.score` });
    }
    const reason = requiredText(o.reason, { field: `${field}.reason`, code: 'OKR.OVERRIDE_REASON_REQUIRED', label: 'the reason for overriding the score', max: MAX_OVERRIDE_REASON_LENGTH });
    if (isRejection(reason)) return reason;
    overrides.set(kr.keyResultId, { score: o.score, reason });
  }
  return overrides;
}

/** Score against the final definition, and — when a goalpost moved — against the original one. */
export function keyResultScores(kr: KeyResultState): { finalValue: KeyResultGraded['data']['finalValue']; computedScore: number; scoreAgainstOriginal: number | null } {
  const last = kr.checkIns.at(-1)?.value ?? null;
  // A value checked in under an earlier definition of another kind (a number, before the key
  // result was redefined as ordinal levels) is no value of the final one: it scores as none.
  const finalValue = last !== null && valueFits(kr.definition.measure, last) ? last : null;
  const computedScore = scoreOf(kr.definition.measure, finalValue);
  if (kr.moves.length === 0) return { finalValue, computedScore, scoreAgainstOriginal: computedScore };
  const readable = last === null || valueFits(kr.original.measure, last);
  return { finalValue, computedScore, scoreAgainstOriginal: readable ? scoreOf(kr.original.measure, last) : null };
}

/**
 * Grading, once the cycle is in grading: every key result is scored from its final value,
 * overrides replace a score with their reason, the objective scores the weighted mean.
 * Not achieved opens a blockers review. After this no more check-ins.
 */
export const gradeObjective: ObjectiveRule<GradeObjective> = (command, state, ctx) => {
  const d = command.data;
  const refused = requireObjectiveInCycle(state, d, ['grading'], 'grade objectives');
  if (refused) return refused;
  if (state.committedAt === null) {
    return reject('precondition', 'OKR.OBJECTIVE_NOT_COMMITTED', `Objective ${d.objectiveId} was never committed to the cycle, so there is nothing to grade.`, { field: 'objectiveId' });
  }
  if (state.grade !== null) return reject('conflict', 'OKR.ALREADY_GRADED', `Objective ${d.objectiveId} is already graded (${state.grade.score}).`, { field: 'objectiveId' });
  const overrides = parseOverrides(state, d.overrides);
  if (isRejection(overrides)) return overrides;
  const common = { objectiveId: d.objectiveId, cycleId: d.cycle.cycleId, cycleEndsOn: d.cycle.endsOn, owner: state.owner!, commitment: state.commitment! };
  const who = { gradedBy: ctx.actor.id, gradedAt: at(ctx) };
  const graded: KeyResultGraded[] = activeKeyResults(state).map((kr) => {
    const scores = keyResultScores(kr);
    const override = overrides.get(kr.keyResultId) ?? null;
    return {
      type: 'KeyResultGraded',
      data: {
        ...common,
        keyResultId: kr.keyResultId,
        finalValue: scores.finalValue,
        computedScore: scores.computedScore,
        score: override?.score ?? scores.computedScore,
        override,
        goalpostMoved: kr.moves.length > 0,
        scoreAgainstOriginal: scores.scoreAgainstOriginal,
        weight: kr.definition.weight,
        ...who,
      },
    };
  });
  const score = roundScore(weightedMean(graded.map((g) => ({ value: g.data.score, weight: g.data.weight }))));
  const achieved = isAchieved(state.commitment!, score);
  const movedKeyResultIds = graded.filter((g) => g.data.goalpostMoved).map((g) => g.data.keyResultId);
  const events: ObjectiveEvent[] = [...graded, { type: 'ObjectiveGraded', data: { ...common, score, band: scoreBand(score), achieved, movedKeyResultIds, ...who } }];
  if (!achieved) {
    events.push({
      type: 'BlockersReviewOpened',
      data: { objectiveId: d.objectiveId, cycleId: d.cycle.cycleId, score, blockerIds: [...state.blockers.keys()], openedBy: ctx.actor.id, openedAt: at(ctx) },
    });
  }
  return events;
};

function requireOpenReview(state: ObjectiveState): Rejection | null {
  if (state.review?.status === 'open') return null;
  return reject('precondition', 'OKR.NO_OPEN_REVIEW', `Objective ${state.objectiveId} has no open blockers review; one opens when a graded objective was not achieved.`, {
    field: 'objectiveId',
  });
}

/** What stood in the way — an obstacle and who could remove it, never who is to blame. */
export const recordBlockersReviewFinding: ObjectiveRule<RecordBlockersReviewFinding> = (command, state, ctx) => {
  const refused = requireObjective(state, command.data.objectiveId) ?? requireOpenReview(state);
  if (refused) return refused;
  const d = command.data;
  const findingId = requiredId(d.findingId, 'findingId', 'OKR.FINDING_INVALID', 'the finding id');
  if (isRejection(findingId)) return findingId;
  if (state.review!.findingIds.includes(findingId)) return reject('conflict', 'OKR.FINDING_ALREADY_RECORDED', `Finding ${findingId} is already recorded.`, { field: 'findingId' });
  const obstacle = sealedText(d.obstacle, REVIEW_FINDING_TEXT);
  if (isRejection(obstacle)) return obstacle;
  const removableBy = parseRemovableBy(d.removableBy, 'removableBy');
  if (isRejection(removableBy)) return removableBy;
  return [{ type: 'BlockersReviewFindingRecorded', data: { objectiveId: d.objectiveId, findingId, obstacle, removableBy, recordedBy: ctx.actor.id, recordedAt: at(ctx) } }];
};

export const closeBlockersReview: ObjectiveRule<CloseBlockersReview> = (command, state, ctx) => {
  const refused = requireObjective(state, command.data.objectiveId) ?? requireOpenReview(state);
  if (refused) return refused;
  const findingIds = state.review!.findingIds;
  if (findingIds.length === 0) {
    return reject('precondition', 'OKR.REVIEW_EMPTY', 'Record at least one finding — what stood in the way — before closing the review.', { field: 'findingId' });
  }
  return [{ type: 'BlockersReviewClosed', data: { objectiveId: command.data.objectiveId, findingIds, closedBy: ctx.actor.id, closedAt: at(ctx) } }];
};
