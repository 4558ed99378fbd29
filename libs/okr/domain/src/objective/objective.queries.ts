import { MS_PER_DAY, startOfIsoDate, wholeDaysBetween } from '@leerzone/kernel';
import type { CycleFacts } from '../cycle/cycle.model';
import { keyResultScores } from './grading.rules';
import type { KeyResultDefinition } from './objective.model';
import type { CheckInState, KeyResultState, ObjectiveState } from './objective.state';
import { activeKeyResults } from './objective.state';
import type { KeyResultStatus } from './progress';
import { progressOf, weakestStatus } from './progress';
import { isAchieved, roundScore, scoreBand, weightedMean } from './scoring';

/** A key result's progress 0–1 from its latest check-in (0 before the first). */
export function keyResultProgress(kr: KeyResultState): number {
  const latest = kr.checkIns.at(-1);
  return latest ? Math.min(1, Math.max(0, progressOf(kr.definition.measure, latest.value))) : 0;
}

/** The objective's progress: the weighted mean of its key results' progress. */
export const objectiveProgress = (state: ObjectiveState): number =>
  weightedMean(activeKeyResults(state).map((kr) => ({ value: keyResultProgress(kr), weight: kr.definition.weight })));

/** An objective is as healthy as its weakest key result; null before any check-in. */
export const objectiveStatus = (state: ObjectiveState): KeyResultStatus | null =>
  weakestStatus(activeKeyResults(state).flatMap((kr) => (kr.checkIns.length > 0 ? [kr.checkIns.at(-1)!.status] : [])));

export interface KeyResultView {
  readonly keyResultId: string;
  readonly definition: KeyResultDefinition;
  /** The goalposts the cycle started with; shown beside the current ones when they moved. */
  readonly original: KeyResultDefinition;
  readonly moved: boolean;
  readonly lastMovedAt: string | null;
  readonly latestCheckIn: CheckInState | null;
  readonly progress: number;
  readonly openBlockerIds: readonly string[];
}

export function keyResultViews(state: ObjectiveState): readonly KeyResultView[] {
  return activeKeyResults(state).map((kr) => ({
    keyResultId: kr.keyResultId,
    definition: kr.definition,
    original: kr.original,
    moved: kr.moves.length > 0,
    lastMovedAt: kr.moves.at(-1)?.movedAt ?? null,
    latestCheckIn: kr.checkIns.at(-1) ?? null,
    progress: keyResultProgress(kr),
    openBlockerIds: [...state.blockers.values()].filter((b) => b.keyResultId === kr.keyResultId && b.resolvedAt === null).map((b) => b.blockerId),
  }));
}

/** The grades GradeObjective would record without overrides: what a grader sees before deciding. */
export function proposedGrades(state: ObjectiveState) {
  const keyResults = activeKeyResults(state).map((kr) => ({ keyResultId: kr.keyResultId, weight: kr.definition.weight, moved: kr.moves.length > 0, ...keyResultScores(kr) }));
  const score = roundScore(weightedMean(keyResults.map((kr) => ({ value: kr.computedScore, weight: kr.weight }))));
  return { keyResults, score, band: scoreBand(score), achieved: state.commitment === null ? false : isAchieved(state.commitment, score) };
}

export interface OverdueCheckIn {
  readonly keyResultId: string;
  readonly lastCheckInAt: string | null;
  readonly dueAt: string;
  readonly daysOverdue: number;
}

/**
 * Key results whose next check-in is overdue: more than `cadenceDays` (the team's cadence)
 * since the last check-in — or since the objective was committed, or the cycle started,
 * whichever is later, when there was none. Only while the cycle runs and before grading.
 */
export function overdueKeyResults(state: ObjectiveState, cycle: CycleFacts, cadenceDays: number, now: Date): readonly OverdueCheckIn[] {
  if (!state.exists || state.committedAt === null || state.grade !== null || cycle.status !== 'running' || cycle.cycleId !== state.cycleId) return [];
  const clockStarts = Math.max(Date.parse(state.committedAt), startOfIsoDate(cycle.startsOn).getTime());
  return activeKeyResults(state).flatMap((kr) => {
    const last = kr.checkIns.at(-1)?.checkedInAt ?? null;
    const due = new Date(Math.max(last === null ? clockStarts : Date.parse(last), clockStarts) + cadenceDays * MS_PER_DAY);
    if (now.getTime() <= due.getTime()) return [];
    return [{ keyResultId: kr.keyResultId, lastCheckInAt: last, dueAt: due.toISOString(), daysOverdue: wholeDaysBetween(due, now) }];
  });
}
