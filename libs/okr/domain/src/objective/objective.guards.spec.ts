import { describe, expect, it } from '@jest/globals';
import type { Rejection } from '@leerzone/kernel';
import { fold, isRejection } from '@leerzone/kernel';
import { objectiveDecider } from './objective.decider';
import { addKr, cycle, define, history, lazy, OBJ, running } from './objective.fixtures';
import { goalpostsLocked, OPEN_FOR_CHANGES, requireCycle, requireKeyResult, requireNotGraded, requireObjective, requireObjectiveInCycle } from './objective.guards';
import type { ObjectiveState } from './objective.state';
import { initialObjectiveState } from './objective.state';

/** A refusal names its code, category and field, and says why. */
function expectRefusal(value: unknown, code: string, category: Rejection['category'], field: string): void {
  expect(isRejection(value)).toBe(true);
  const rejection = value as Rejection;
  expect(rejection).toMatchObject({ code, category, field });
  expect(rejection.message.trim()).not.toBe('');
}

const draft = lazy(() => fold(objectiveDecider, history(define(), addKr('kr-1'))));
const committed = lazy(() => fold(objectiveDecider, running()));
const graded = lazy((): ObjectiveState => ({ ...committed(), grade: { score: 0.7, band: 'high', achieved: false, gradedAt: '2026-04-11T00:00:00.000Z' } }));

describe('requireObjective', () => {
  it('refuses a stream with no objective, and one holding another objective', () => {
    expectRefusal(requireObjective(initialObjectiveState, OBJ), 'OKR.OBJECTIVE_NOT_FOUND', 'not-found', 'objectiveId');
    expectRefusal(requireObjective(draft(), 'obj-other'), 'OKR.OBJECTIVE_NOT_FOUND', 'not-found', 'objectiveId');
    // The id alone is not enough: the objective must have been defined.
    expectRefusal(requireObjective({ ...initialObjectiveState, objectiveId: OBJ }, OBJ), 'OKR.OBJECTIVE_NOT_FOUND', 'not-found', 'objectiveId');
  });

  it('finds the objective it was asked for', () => {
    expect(requireObjective(draft(), OBJ)).toBeNull();
  });
});

describe('requireCycle', () => {
  it("refuses another cycle's facts, naming the cycle id", () => {
    expectRefusal(requireCycle(draft(), cycle('planning', 'cycle-q2'), OPEN_FOR_CHANGES, 'change it'), 'OKR.CYCLE_MISMATCH', 'invalid', 'cycle.cycleId');
  });

  it("refuses the objective's own cycle in a phase not allowed, and accepts it in one that is", () => {
    expectRefusal(requireCycle(draft(), cycle('grading'), OPEN_FOR_CHANGES, 'change it'), 'OKR.CYCLE_WRONG_STATUS', 'precondition', 'cycle.status');
    expect(requireCycle(draft(), cycle('planning'), OPEN_FOR_CHANGES, 'change it')).toBeNull();
    expect(requireCycle(draft(), cycle('running'), OPEN_FOR_CHANGES, 'change it')).toBeNull();
  });

  it('requireObjectiveInCycle checks the objective first, then the cycle', () => {
    expectRefusal(requireObjectiveInCycle(initialObjectiveState, { objectiveId: OBJ, cycle: cycle('closed') }, OPEN_FOR_CHANGES, 'x'), 'OKR.OBJECTIVE_NOT_FOUND', 'not-found', 'objectiveId');
    expectRefusal(requireObjectiveInCycle(draft(), { objectiveId: OBJ, cycle: cycle('closed') }, OPEN_FOR_CHANGES, 'x'), 'OKR.CYCLE_WRONG_STATUS', 'precondition', 'cycle.status');
    expect(requireObjectiveInCycle(draft(), { objectiveId: OBJ, cycle: cycle('running') }, OPEN_FOR_CHANGES, 'x')).toBeNull();
  });
});

describe('requireNotGraded', () => {
  it('lets an ungraded objective through and refuses a graded one', () => {
    expect(requireNotGraded(committed(), 'check in')).toBeNull();
    expectRefusal(requireNotGraded(graded(), 'check in'), 'OKR.OBJECTIVE_GRADED', 'precondition', 'objectiveId');
  });
});

describe('requireKeyResult', () => {
  it('returns the key result it finds', () => {
    expect(requireKeyResult(committed(), 'kr-2')).toBe(committed().keyResults.get('kr-2'));
  });

  it('refuses an unknown, a removed and a non-string key result id', () => {
    expectRefusal(requireKeyResult(committed(), 'kr-9'), 'OKR.KEY_RESULT_NOT_FOUND', 'not-found', 'keyResultId');
    expectRefusal(requireKeyResult(committed(), 42), 'OKR.KEY_RESULT_NOT_FOUND', 'not-found', 'keyResultId');
    const kr1 = committed().keyResults.get('kr-1')!;
    const removed: ObjectiveState = { ...committed(), keyResults: new Map([...committed().keyResults, ['kr-1', { ...kr1, removed: true }]]) };
    expectRefusal(requireKeyResult(removed, 'kr-1'), 'OKR.KEY_RESULT_NOT_FOUND', 'not-found', 'keyResultId');
  });
});

describe('goalpostsLocked', () => {
  it('locks only a committed objective while its cycle runs', () => {
    expect(goalpostsLocked(committed(), cycle('running'))).toBe(true);
    expect(goalpostsLocked(committed(), cycle('planning'))).toBe(false);
    expect(goalpostsLocked(committed(), cycle('grading'))).toBe(false);
    // A draft's goalposts move freely even while the cycle runs.
    expect(goalpostsLocked(draft(), cycle('running'))).toBe(false);
  });

  it('changes are open while the cycle is planned or runs', () => {
    expect(OPEN_FOR_CHANGES).toEqual(['planning', 'running']);
  });
});
