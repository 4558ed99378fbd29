import type { CommandContext, Decision, Rejection } from '@leerzone/kernel';
import { reject } from '@leerzone/kernel';
import type { CycleFacts, CycleStatus } from '../cycle/cycle.model';
import { refuseUnlessStatus } from '../cycle/cycle.model';
import type { ObjectiveEvent } from './objective.events';
import type { KeyResultState, ObjectiveState } from './objective.state';

export type ObjectiveRule<Command> = (command: Command, state: ObjectiveState, ctx: CommandContext) => Decision<ObjectiveEvent>;

export function requireObjective(state: ObjectiveState, objectiveId: string): Rejection | null {
  if (!state.exists || state.objectiveId !== objectiveId) {
    return reject('not-found', 'OKR.OBJECTIVE_NOT_FOUND', `Objective ${objectiveId} does not exist.`, { field: 'objectiveId' });
  }
  return null;
}

/** The cycle lookup must be this objective's cycle, in one of the allowed phases. */
export function requireCycle(state: ObjectiveState, cycle: CycleFacts, allowed: readonly CycleStatus[], what: string): Rejection | null {
  if (cycle.cycleId !== state.cycleId) {
    return reject('invalid', 'OKR.CYCLE_MISMATCH', `Objective ${state.objectiveId} belongs to cycle ${state.cycleId}, not ${cycle.cycleId}.`, { field: 'cycle.cycleId' });
  }
  return refuseUnlessStatus(cycle.cycleId, cycle.status, allowed, what, 'cycle.status');
}

/** An objective found and in its cycle's allowed phases: the opening of most rules. */
export const requireObjectiveInCycle = (
  state: ObjectiveState,
  data: { readonly objectiveId: string; readonly cycle: CycleFacts },
  allowed: readonly CycleStatus[],
  what: string,
): Rejection | null => requireObjective(state, data.objectiveId) ?? requireCycle(state, data.cycle, allowed, what);

export function requireNotGraded(state: ObjectiveState, what: string): Rejection | null {
  if (state.grade === null) return null;
  return reject('precondition', 'OKR.OBJECTIVE_GRADED', `Objective ${state.objectiveId} has been graded (${state.grade.score}); you cannot ${what} any more.`, {
    field: 'objectiveId',
  });
}

export function requireKeyResult(state: ObjectiveState, keyResultId: unknown): KeyResultState | Rejection {
  const kr = typeof keyResultId === 'string' ? state.keyResults.get(keyResultId) : undefined;
  if (!kr || kr.removed) {
    return reject('not-found', 'OKR.KEY_RESULT_NOT_FOUND', `Objective ${state.objectiveId} has no key result ${String(keyResultId)}.`, { field: 'keyResultId' });
  }
  return kr;
}

/**
 * Goalposts are fixed once the objective is committed and its cycle runs: from then on
 * every change to a key result's measure or weight needs a reason and is shown.
 */
export const goalpostsLocked = (state: ObjectiveState, cycle: CycleFacts): boolean => state.committedAt !== null && cycle.status === 'running';

export const OPEN_FOR_CHANGES: readonly CycleStatus[] = ['planning', 'running'];
