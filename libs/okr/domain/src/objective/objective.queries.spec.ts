import { describe, expect, it } from '@jest/globals';
import { fold } from '@leerzone/kernel';
import type { ObjectiveCommand } from './objective.commands';
import { objectiveDecider } from './objective.decider';
import { addKr, checkIn, commit, cycle, DAY, decrease, define, history, increase, lazy, milestone, OBJ, on, runningSteps, sealed } from './objective.fixtures';
import { keyResultViews, objectiveProgress, objectiveStatus, overdueKeyResults, proposedGrades } from './objective.queries';
import { initialObjectiveState } from './objective.state';

const blocker = (blockerId: string) => ({ blockerId, description: sealed('waiting for the survey tool'), removableBy: { kind: 'coach' } }) as const;
const resolve = (blockerId: string): ObjectiveCommand => ({ type: 'ResolveBlocker', data: { objectiveId: OBJ, blockerId } });
const redefine = (keyResultId: string, data: object): ObjectiveCommand => ({ type: 'RedefineKeyResult', data: { objectiveId: OBJ, cycle: cycle('running'), keyResultId, ...data } });
const grade: ObjectiveCommand = { type: 'GradeObjective', data: { objectiveId: OBJ, cycle: cycle('grading') } };

/**
 * kr-1 (40 → 60): at risk on day 50 with blocker b-1, at risk again on day 55 with b-3 (resolved on day 56), 55 on day 60.
 * kr-2 (20 → 10): at risk on day 50 with blocker b-2, then its target moved once on day 52.
 * kr-3 (milestone): never checked in.
 */
const events = lazy(() =>
  history(
    ...runningSteps(),
    [checkIn('c-1', 'kr-1', 47.4, 7, { blockers: [blocker('b-1')] }), on(50)],
    [checkIn('c-2', 'kr-2', 19, 7, { blockers: [blocker('b-2')] }), on(50)],
    [redefine('kr-2', { measure: { ...decrease, target: 12 } }), on(52, { reason: 'a new baseline' })],
    [checkIn('c-3', 'kr-1', 47.4, 7, { blockers: [blocker('b-3')], stillBlockedBy: ['b-1'] }), on(55)],
    [resolve('b-3'), on(56)],
    [checkIn('c-4', 'kr-1', 55), on(60)],
  ),
);
const state = lazy(() => fold(objectiveDecider, events()));

describe('keyResultViews', () => {
  // Built in each test, not memoised: every test then runs the query it checks (mutation testing
  // attributes coverage per test, and a view cached by the first test would hide the others' checks).
  const views = () => keyResultViews(state());
  const view = (id: string) => views().find((v) => v.keyResultId === id)!;

  it('shows every active key result in the order added', () => {
    expect(views().map((v) => v.keyResultId)).toEqual(['kr-1', 'kr-2', 'kr-3']);
  });

  it('shows the latest check-in: the last of three, the only one, or none', () => {
    expect(view('kr-1').latestCheckIn).toMatchObject({ checkInId: 'c-4', value: 55, status: 'on-track' });
    expect(view('kr-2').latestCheckIn).toMatchObject({ checkInId: 'c-2', value: 19 });
    expect(view('kr-3').latestCheckIn).toBeNull();
  });

  it('shows the goalposts moved, when they last moved and the original beside the current', () => {
    expect(view('kr-1')).toMatchObject({ moved: false, lastMovedAt: null });
    expect(view('kr-2')).toMatchObject({ moved: true, lastMovedAt: DAY(52).toISOString(), original: { measure: decrease }, definition: { measure: { target: 12 } } });
  });

  it("lists each key result's own open blockers only, without the resolved ones", () => {
    expect(view('kr-1').openBlockerIds).toEqual(['b-1']);
    expect(view('kr-2').openBlockerIds).toEqual(['b-2']);
    expect(view('kr-3').openBlockerIds).toEqual([]);
  });

  it('shows progress from the latest check-in, 0 before the first', () => {
    // kr-1: (55 − 40) / 20 = 0.75; kr-2 now 20 → 12: (20 − 19) / 8 = 0.125
    expect(view('kr-1').progress).toBeCloseTo(0.75, 10);
    expect(view('kr-2').progress).toBeCloseTo(0.125, 10);
    expect(view('kr-3').progress).toBe(0);
    expect(objectiveProgress(state())).toBeCloseTo((0.75 + 0.125 + 0) / 3, 10);
  });
});

describe('objectiveStatus', () => {
  it('is null before any check-in, then as healthy as the weakest key result checked in', () => {
    expect(objectiveStatus(fold(objectiveDecider, history(...runningSteps())))).toBeNull();
    const one = history(...runningSteps(), [checkIn('c-1', 'kr-1', 55), on(50)]);
    expect(objectiveStatus(fold(objectiveDecider, one))).toBe('on-track');
    expect(objectiveStatus(state())).toBe('at-risk');
  });
});

describe('proposedGrades', () => {
  it('scores each key result and the objective as grading would, and says whether it was achieved', () => {
    const full = history(...runningSteps(), [checkIn('c-1', 'kr-1', 60), on(90)], [checkIn('c-2', 'kr-2', 10), on(90)], [checkIn('c-3', 'kr-3', true), on(90)]);
    const proposed = proposedGrades(fold(objectiveDecider, full));
    expect(proposed).toMatchObject({ score: 1, band: 'high', achieved: true });
    expect(proposed.keyResults.map((kr) => [kr.keyResultId, kr.computedScore, kr.weight, kr.moved])).toEqual([
      ['kr-1', 1, 1, false],
      ['kr-2', 1, 1, false],
      ['kr-3', 1, 1, false],
    ]);
  });

  it('weighs the key results and marks those whose goalposts moved', () => {
    // kr-1 weight 3 at 0.8 (56 of 40 → 60), kr-2 moved to 20 → 12 and at 19 scores 0.1, kr-3 0: (2.4 + 0.1 + 0) / 5 = 0.5
    const given = history(
      define(),
      addKr('kr-1', increase, 3),
      addKr('kr-2', decrease),
      addKr('kr-3', milestone),
      commit(),
      [checkIn('c-1', 'kr-1', 56), on(50)],
      [checkIn('c-2', 'kr-2', 19, 7, { blockers: [blocker('b-1')] }), on(50)],
      [redefine('kr-2', { measure: { ...decrease, target: 12 } }), on(52, { reason: 'a new baseline' })],
    );
    const proposed = proposedGrades(fold(objectiveDecider, given));
    expect(proposed.keyResults.map((kr) => [kr.keyResultId, kr.computedScore, kr.weight, kr.moved])).toEqual([
      ['kr-1', 0.8, 3, false],
      ['kr-2', 0.1, 1, true],
      ['kr-3', 0, 1, false],
    ]);
    expect(proposed).toMatchObject({ score: 0.5, band: 'middle', achieved: false });
  });

  it('an aspirational objective is achieved from 0.4; nothing defined is nothing achieved', () => {
    const aspirational = history(...runningSteps('aspirational'), [checkIn('c-1', 'kr-1', 60), on(90)], [checkIn('c-2', 'kr-2', 18, 7, { blockers: [blocker('b-1')] }), on(90)]);
    // (1 + 0.2 + 0) / 3 = 0.4
    expect(proposedGrades(fold(objectiveDecider, aspirational))).toMatchObject({ score: 0.4, band: 'middle', achieved: true });
    expect(proposedGrades(initialObjectiveState)).toEqual({ keyResults: [], score: 0, band: 'low', achieved: false });
  });
});

describe('overdueKeyResults (cadence 7 days)', () => {
  const committedOnDay0 = lazy(() => fold(objectiveDecider, history(...runningSteps())));

  it('counts from the commitment or the cycle start, whichever is later', () => {
    // Committed in planning ten days before the cycle starts: the clock starts with the cycle.
    const early = fold(objectiveDecider, history(define(), addKr('kr-1'), addKr('kr-2'), addKr('kr-3'), [commit(), on(-10)]));
    expect(overdueKeyResults(early, cycle('running'), 7, DAY(7))).toEqual([]);
    expect(overdueKeyResults(early, cycle('running'), 7, DAY(8)).map((o) => [o.keyResultId, o.dueAt, o.lastCheckInAt, o.daysOverdue])).toEqual([
      ['kr-1', DAY(7).toISOString(), null, 1],
      ['kr-2', DAY(7).toISOString(), null, 1],
      ['kr-3', DAY(7).toISOString(), null, 1],
    ]);
    // Committed on day 10 of the running cycle: the clock starts then.
    const late = fold(objectiveDecider, history(define(), addKr('kr-1'), addKr('kr-2'), addKr('kr-3'), [commit('running'), on(10)]));
    expect(overdueKeyResults(late, cycle('running'), 7, DAY(17))).toEqual([]);
    expect(overdueKeyResults(late, cycle('running'), 7, DAY(19)).map((o) => [o.keyResultId, o.dueAt, o.daysOverdue])).toEqual([
      ['kr-1', DAY(17).toISOString(), 2],
      ['kr-2', DAY(17).toISOString(), 2],
      ['kr-3', DAY(17).toISOString(), 2],
    ]);
  });

  it('counts from the last check-in once there is one', () => {
    const checked = fold(objectiveDecider, history(...runningSteps(), [checkIn('c-1', 'kr-1', 45), on(10)]));
    expect(overdueKeyResults(checked, cycle('running'), 7, DAY(18))).toEqual([
      { keyResultId: 'kr-1', lastCheckInAt: DAY(10).toISOString(), dueAt: DAY(17).toISOString(), daysOverdue: 1 },
      { keyResultId: 'kr-2', lastCheckInAt: null, dueAt: DAY(7).toISOString(), daysOverdue: 11 },
      { keyResultId: 'kr-3', lastCheckInAt: null, dueAt: DAY(7).toISOString(), daysOverdue: 11 },
    ]);
  });

  it('asks nothing of a draft, a graded objective, a cycle not running, or another cycle', () => {
    expect(overdueKeyResults(committedOnDay0(), cycle('running'), 7, DAY(30))).toHaveLength(3);
    const draft = fold(objectiveDecider, history(define(), addKr('kr-1'), addKr('kr-2'), addKr('kr-3')));
    expect(overdueKeyResults(draft, cycle('running'), 7, DAY(30))).toEqual([]);
    expect(overdueKeyResults(initialObjectiveState, cycle('running'), 7, DAY(30))).toEqual([]);
    const graded = fold(objectiveDecider, history(...runningSteps(), [grade, on(101)]));
    expect(overdueKeyResults(graded, cycle('running'), 7, DAY(120))).toEqual([]);
    expect(overdueKeyResults(committedOnDay0(), cycle('grading'), 7, DAY(30))).toEqual([]);
    expect(overdueKeyResults(committedOnDay0(), cycle('running', 'cycle-q2'), 7, DAY(30))).toEqual([]);
  });
});
