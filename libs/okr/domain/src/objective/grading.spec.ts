import { describe, expect, it } from '@jest/globals';
import type { Rejection } from '@leerzone/kernel';
import { fold } from '@leerzone/kernel';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import type { ObjectiveCommand, ScoreOverride } from './objective.commands';
import { objectiveDecider } from './objective.decider';
import { keyResultScores } from './grading.rules';
import type { KeyResultValue } from './measure.model';
import type { KeyResultState } from './objective.state';
import type { Step } from './objective.fixtures';
import { addKr, ANNA, checkIn, commit, cycle, DAY, decide, decrease, define, history, increase, lazy, milestone, OBJ, on, ordinal, running, runningSteps, sealed, TEAM } from './objective.fixtures';
import { proposedGrades } from './objective.queries';
import { roundScore, scoreBand } from './scoring';

const spec = DeciderSpecification.for(objectiveDecider);
/** A refusal reads as a sentence that names its subject: no blank start, no gap where a word is missing. */
const wellFormed = (r: Rejection): Rejection => {
  expect(r.message).toMatch(/^\S/);
  expect(r.message).not.toMatch(/\s\s|\s[.,;:)]/);
  return r;
};

const grade = (overrides?: ScoreOverride[]): ObjectiveCommand => ({ type: 'GradeObjective', data: { objectiveId: OBJ, cycle: cycle('grading'), ...(overrides ? { overrides } : {}) } });
const graded = (events: ReturnType<typeof history>, command = grade()) => {
  const decision = decide(events, command, on(101));
  if (!Array.isArray(decision)) throw new Error(`refused: ${JSON.stringify(decision)}`);
  return decision;
};
const scores = (events: ReturnType<typeof history>) =>
  Object.fromEntries(graded(events).flatMap((e) => (e.type === 'KeyResultGraded' ? [[e.data.keyResultId, e.data.score]] : e.type === 'ObjectiveGraded' ? [['objective', e.data.score]] : [])));

const blocked = (blockerId: string) => ({ blockers: [{ blockerId, description: sealed('late') }] });

/** Four kinds, weights 2, 1, 1, 1. */
const fourKinds = (commitment: 'committed' | 'aspirational' = 'aspirational'): Step[] => [
  define(commitment),
  addKr('kr-1', increase, 2),
  addKr('kr-2', decrease),
  addKr('kr-3', milestone),
  addKr('kr-4', ordinal),
  commit(),
];

describe('scoring each kind, direction-aware (hand-computed)', () => {
  it('increase 40 → 60 ending at 55 → 15 / 20 = 0.75 → 0.8; decrease 20 → 10 ending at 13 → 7 / 10 = 0.7; milestone done → 1.0; ordinal "target" → 0.7', () => {
    const events = history(
      ...fourKinds(),
      [checkIn('c-1', 'kr-1', 47), on(40)],
      [checkIn('c-2', 'kr-1', 55, 7, blocked('b-1')), on(95)],
      [checkIn('c-3', 'kr-2', 13, 7, blocked('b-2')), on(95)],
      [checkIn('c-4', 'kr-3', true), on(95)],
      [checkIn('c-5', 'kr-4', 'target'), on(95)],
    );
    // Objective: (2 × 0.8 + 0.7 + 1.0 + 0.7) / (2 + 1 + 1 + 1) = 4.0 / 5 = 0.8.
    expect(scores(events)).toEqual({ 'kr-1': 0.8, 'kr-2': 0.7, 'kr-3': 1, 'kr-4': 0.7, objective: 0.8 });
  });

  it('clamps overshoot and backsliding: increase ending at 70 → 1.0; decrease ending at 25 (worse than the start) → 0.0; ordinal commit → 0.3, stretch → 1.0, none → 0', () => {
    const events = history(...fourKinds(), [checkIn('c-1', 'kr-1', 70), on(95)], [checkIn('c-2', 'kr-2', 25, 7, blocked('b-2')), on(95)], [checkIn('c-3', 'kr-4', 'commit', 7, blocked('b-4')), on(95)]);
    // kr-3 never checked in → 0. Objective: (2 × 1.0 + 0 + 0 + 0.3) / 5 = 2.3 / 5 = 0.46 → 0.5.
    expect(scores(events)).toEqual({ 'kr-1': 1, 'kr-2': 0, 'kr-3': 0, 'kr-4': 0.3, objective: 0.5 });
    const stretch = history(...fourKinds(), [checkIn('c-1', 'kr-4', 'stretch'), on(95)]);
    expect(scores(stretch)['kr-4']).toBe(1);
  });

  it('a bound scores 1 when held at the end, 0 when broken', () => {
    const atLeast = { kind: 'percentage', start: 92, target: 90, direction: 'stay-at-least' } as const;
    const atMost = { kind: 'numeric', start: 3, target: 5, unit: 'complaints', direction: 'stay-at-most' } as const;
    const steps = [define(), addKr('kr-1', atLeast), addKr('kr-2', atMost), addKr('kr-3', milestone), commit()];
    // 90 ≥ 90 held → 1; 6 > 5 broken → 0; milestone not done → 0. Objective (1 + 0 + 0) / 3 = 0.33 → 0.3.
    const events = history(...steps, [checkIn('c-1', 'kr-1', 90), on(95)], [checkIn('c-2', 'kr-2', 6, 7, blocked('b-2')), on(95)], [checkIn('c-3', 'kr-3', false), on(96)]);
    expect(scores(events)).toEqual({ 'kr-1': 1, 'kr-2': 0, 'kr-3': 0, objective: 0.3 });
  });

  it('rounds to one decimal half up, so every score falls in a band', () => {
    expect([0.25, 0.35, 0.45, 0.65, 0.04, 1.2, -0.3].map(roundScore)).toEqual([0.3, 0.4, 0.5, 0.7, 0, 1, 0]);
    expect([0, 0.3, 0.4, 0.6, 0.7, 1].map(scoreBand)).toEqual(['low', 'low', 'middle', 'middle', 'high', 'high']);
  });
});

describe('grading', () => {
  const finished = lazy(() => history(...runningSteps(), [checkIn('c-1', 'kr-1', 60), on(90)], [checkIn('c-2', 'kr-2', 10), on(90)], [checkIn('c-3', 'kr-3', true), on(90)]));

  it('records every key result and the objective, with who and when', () => {
    const events = graded(finished());
    expect(events.map((e) => e.type)).toEqual(['KeyResultGraded', 'KeyResultGraded', 'KeyResultGraded', 'ObjectiveGraded']);
    expect(events[0]).toEqual({
      type: 'KeyResultGraded',
      data: {
        objectiveId: OBJ,
        cycleId: 'cycle-q1',
        cycleEndsOn: '2026-04-10',
        owner: { kind: 'team', id: TEAM },
        commitment: 'committed',
        keyResultId: 'kr-1',
        finalValue: 60,
        computedScore: 1,
        score: 1,
        override: null,
        goalpostMoved: false,
        scoreAgainstOriginal: 1,
        weight: 1,
        gradedBy: ANNA,
        gradedAt: DAY(101).toISOString(),
      },
    });
    expect(events[3]).toMatchObject({ data: { score: 1, band: 'high', achieved: true, movedKeyResultIds: [] } });
  });

  it('only while the cycle is in grading, once, and only committed objectives', () => {
    wellFormed(spec.given(finished()).when({ type: 'GradeObjective', data: { objectiveId: OBJ, cycle: cycle('running') } }).thenRejects('OKR.CYCLE_WRONG_STATUS', { field: 'cycle.status' }));
    const once = [...finished(), ...graded(finished())];
    spec.given(once).when(grade()).thenRejects('OKR.ALREADY_GRADED', { category: 'conflict' });
    spec.given(history(define(), addKr('kr-1'))).when(grade()).thenRejects('OKR.OBJECTIVE_NOT_COMMITTED');
  });

  it('closes check-ins: after grading none are accepted', () => {
    const once = [...finished(), ...graded(finished())];
    wellFormed(spec.given(once).when(checkIn('c-9', 'kr-1', 61), on(102)).thenRejects('OKR.OBJECTIVE_GRADED', { field: 'objectiveId' }));
    spec.given(once).when({ type: 'RedefineKeyResult', data: { objectiveId: OBJ, cycle: cycle('running'), keyResultId: 'kr-1', title: 'x' } }).thenRejects('OKR.OBJECTIVE_GRADED');
  });

  it('an override replaces the computed score with its reason, and the roll-up uses it', () => {
    const events = graded(finished(), grade([{ keyResultId: 'kr-3', score: 0.7, reason: 'Done, but a month late for the clients' }]));
    expect(events[2]).toMatchObject({ data: { computedScore: 1, score: 0.7, override: { score: 0.7, reason: 'Done, but a month late for the clients' } } });
    // (1 + 1 + 0.7) / 3 = 0.9: a committed objective is expected at 1.0, so 0.9 is not achieved and opens the review.
    expect(events[3]).toMatchObject({ type: 'ObjectiveGraded', data: { score: 0.9, band: 'high', achieved: false } });
    expect(events[4]).toMatchObject({ type: 'BlockersReviewOpened', data: { score: 0.9 } });
  });

  it('refuses an override without a reason, off the 0.1 grid, or for an unknown key result', () => {
    wellFormed(spec.given(finished()).when(grade([{ keyResultId: 'kr-3', score: 0.5, reason: ' ' }])).thenRejects('OKR.OVERRIDE_REASON_REQUIRED', { field: 'overrides.0.reason' }));
    spec.given(finished()).when(grade([{ keyResultId: 'kr-3', score: 0.55, reason: 'x' }])).thenRejects('OKR.OVERRIDE_INVALID', { field: 'overrides.0.score' });
    spec.given(finished()).when(grade([{ keyResultId: 'kr-9', score: 0.5, reason: 'x' }])).thenRejects('OKR.OVERRIDE_INVALID', { field: 'overrides.0.keyResultId' });
  });

  it('shows the score against the original target beside the final one when a goalpost moved', () => {
    // kr-1 moved 40 → 60 to 40 → 50 mid-cycle and ended at 50: final 10 / 10 = 1.0, original 10 / 20 = 0.5.
    const moved = history(
      ...runningSteps(),
      [{ type: 'RedefineKeyResult', data: { objectiveId: OBJ, cycle: cycle('running'), keyResultId: 'kr-1', measure: { ...increase, target: 50 } } }, on(30, { reason: 'budget cut' })],
      [checkIn('c-1', 'kr-1', 50), on(90)],
    );
    const events = graded(moved);
    expect(events[0]).toMatchObject({ data: { keyResultId: 'kr-1', score: 1, goalpostMoved: true, scoreAgainstOriginal: 0.5 } });
    expect(events.find((e) => e.type === 'ObjectiveGraded')).toMatchObject({ data: { movedKeyResultIds: ['kr-1'] } });
    expect(proposedGrades(fold(objectiveDecider, moved)).keyResults[0]).toMatchObject({ computedScore: 1, scoreAgainstOriginal: 0.5, moved: true });
  });
});

describe('"not achieved" opens a blockers review, never a blame record', () => {
  const missed = lazy(() => history(...runningSteps('aspirational'), [checkIn('c-1', 'kr-1', 44, 2, { blockers: [{ blockerId: 'b-1', description: sealed('no survey tool'), removableBy: { kind: 'unit-above' } }] }), on(60)]));
  const withReview = () => [...missed(), ...graded(missed())];

  it('opens when an aspirational objective ends in the low band: (0.2 + 0 + 0) / 3 = 0.07 → 0.1', () => {
    expect(graded(missed()).slice(-2)).toEqual([
      expect.objectContaining({ type: 'ObjectiveGraded', data: expect.objectContaining({ score: 0.1, band: 'low', achieved: false }) }),
      { type: 'BlockersReviewOpened', data: { objectiveId: OBJ, cycleId: 'cycle-q1', score: 0.1, blockerIds: ['b-1'], openedBy: ANNA, openedAt: DAY(101).toISOString() } },
    ]);
  });

  it('does not open at 0.4 for an aspirational objective', () => {
    // kr-1 at 52 → 12 / 20 = 0.6; kr-2 at 14 → 6 / 10 = 0.6; milestone not done → 0: (0.6 + 0.6 + 0) / 3 = 0.4.
    const middle = history(...runningSteps('aspirational'), [checkIn('c-1', 'kr-1', 52), on(60)], [checkIn('c-2', 'kr-2', 14), on(60)]);
    expect(graded(middle).map((e) => e.type)).not.toContain('BlockersReviewOpened');
  });

  it('records what stood in the way (sealed) and closes once there is a finding', () => {
    const finding: ObjectiveCommand = { type: 'RecordBlockersReviewFinding', data: { objectiveId: OBJ, findingId: 'f-1', obstacle: sealed('The survey tool came in week 11'), removableBy: { kind: 'unit-above' } } };
    const close: ObjectiveCommand = { type: 'CloseBlockersReview', data: { objectiveId: OBJ } };
    spec.given(withReview()).when(close, on(102)).thenRejects('OKR.REVIEW_EMPTY');
    spec.given(withReview()).when({ ...finding, data: { ...finding.data, obstacle: 'plain' as never } }, on(102)).thenRejects('OKR.FINDING_INVALID', { field: 'obstacle' });
    spec.given(withReview()).when(finding, on(102)).then([
      { type: 'BlockersReviewFindingRecorded', data: { objectiveId: OBJ, findingId: 'f-1', obstacle: sealed('The survey tool came in week 11'), removableBy: { kind: 'unit-above' }, recordedBy: ANNA, recordedAt: DAY(102).toISOString() } },
    ]);
    const found = [...withReview(), ...(decide(withReview(), finding, on(102)) as never[])];
    spec.given(found).when(close, on(103)).then([{ type: 'BlockersReviewClosed', data: { objectiveId: OBJ, findingIds: ['f-1'], closedBy: ANNA, closedAt: DAY(103).toISOString() } }]);
    spec.given(running()).when(finding).thenRejects('OKR.NO_OPEN_REVIEW');
  });
});

describe('overrides at their edges', () => {
  const finished = lazy(() => history(...runningSteps(), [checkIn('c-1', 'kr-1', 60), on(90)], [checkIn('c-2', 'kr-2', 10), on(90)], [checkIn('c-3', 'kr-3', true), on(90)]));
  const kr = (events: ReturnType<typeof graded>, keyResultId: string) => events.find((e) => e.type === 'KeyResultGraded' && e.data.keyResultId === keyResultId);

  it('accepts both ends of the scale, 0.0 and 1.0', () => {
    const events = graded(finished(), grade([{ keyResultId: 'kr-1', score: 0, reason: 'Measured the wrong clients' }, { keyResultId: 'kr-2', score: 1, reason: 'Counted by hand' }]));
    expect(kr(events, 'kr-1')).toMatchObject({ data: { computedScore: 1, score: 0, override: { score: 0, reason: 'Measured the wrong clients' } } });
    expect(kr(events, 'kr-2')).toMatchObject({ data: { score: 1, override: { score: 1, reason: 'Counted by hand' } } });
  });

  it('refuses overrides that are not a list, not a known key result, twice the same, or not a score', () => {
    const refuse = (overrides: unknown, field: string) => spec.given(finished()).when(grade(overrides as ScoreOverride[])).thenRejects('OKR.OVERRIDE_INVALID', { category: 'invalid', field });
    refuse({ keyResultId: 'kr-1', score: 0.5, reason: 'x' }, 'overrides');
    refuse([null], 'overrides.0.keyResultId');
    refuse([{ keyResultId: 'kr-1', score: 0.5, reason: 'x' }, { keyResultId: 'kr-1', score: 0.6, reason: 'y' }], 'overrides.1.keyResultId');
    refuse([{ keyResultId: 'kr-1', score: '0.5', reason: 'x' }], 'overrides.0.score');
    refuse([{ keyResultId: 'kr-1', score: 1.1, reason: 'x' }], 'overrides.0.score');
    refuse([{ keyResultId: 'kr-1', score: -0.1, reason: 'x' }], 'overrides.0.score');
    refuse([{ keyResultId: 'kr-1', score: Number.NaN, reason: 'x' }], 'overrides.0.score');
  });

  it('refuses an override of a removed key result', () => {
    const removed = history(
      ...fourKinds('committed'),
      [{ type: 'RemoveKeyResult', data: { objectiveId: OBJ, cycle: cycle('running'), keyResultId: 'kr-4' } }, on(30, { reason: 'The district plan was dropped' })],
    );
    spec.given(removed).when(grade([{ keyResultId: 'kr-4', score: 0.5, reason: 'x' }])).thenRejects('OKR.OVERRIDE_INVALID', { field: 'overrides.0.keyResultId' });
    expect(graded(removed).flatMap((e) => (e.type === 'KeyResultGraded' ? [e.data.keyResultId] : []))).toEqual(['kr-1', 'kr-2', 'kr-3']);
  });
});

describe('a key result redefined as another kind mid-cycle', () => {
  const redefine = (keyResultId: string, measure: unknown, day: number): Step => [
    { type: 'RedefineKeyResult', data: { objectiveId: OBJ, cycle: cycle('running'), keyResultId, measure } },
    on(day, { reason: 'We measure it differently now' }),
  ];
  const gradeOf = (events: ReturnType<typeof history>, keyResultId: string) => {
    const found = graded(events).find((e) => e.type === 'KeyResultGraded' && e.data.keyResultId === keyResultId);
    if (found?.type !== 'KeyResultGraded') throw new Error(`no grade for ${keyResultId}`);
    return { finalValue: found.data.finalValue, computedScore: found.data.computedScore, goalpostMoved: found.data.goalpostMoved, scoreAgainstOriginal: found.data.scoreAgainstOriginal };
  };

  it('a number checked in before it became levels is no final value: it scores 0, and 0.5 against the original 40 → 60', () => {
    const events = history(...fourKinds(), [checkIn('c-1', 'kr-1', 50), on(40)], redefine('kr-1', ordinal, 41));
    expect(gradeOf(events, 'kr-1')).toEqual({ finalValue: null, computedScore: 0, goalpostMoved: true, scoreAgainstOriginal: 0.5 });
  });

  it('a number cannot be read against the original levels: no score against the original', () => {
    const events = history(...fourKinds(), [checkIn('c-1', 'kr-4', 'target'), on(40)], redefine('kr-4', increase, 41), [checkIn('c-2', 'kr-4', 50), on(60)]);
    expect(gradeOf(events, 'kr-4')).toEqual({ finalValue: 50, computedScore: 0.5, goalpostMoved: true, scoreAgainstOriginal: null });
  });

  it('a moved key result never checked in scores 0 against both', () => {
    const events = history(...fourKinds(), redefine('kr-1', { ...increase, target: 50 }, 41));
    expect(gradeOf(events, 'kr-1')).toEqual({ finalValue: null, computedScore: 0, goalpostMoved: true, scoreAgainstOriginal: 0 });
  });
});

describe('grading and the review at their edges', () => {
  const finished = lazy(() => history(...runningSteps(), [checkIn('c-1', 'kr-1', 60), on(90)], [checkIn('c-2', 'kr-2', 10), on(90)], [checkIn('c-3', 'kr-3', true), on(90)]));
  const missed = lazy(() => history(...runningSteps('aspirational')));
  const withReview = () => [...missed(), ...graded(missed())];
  const finding = (extra: Record<string, unknown> = {}): ObjectiveCommand =>
    ({ type: 'RecordBlockersReviewFinding', data: { objectiveId: OBJ, findingId: 'f-1', obstacle: sealed('No survey tool'), ...extra } }) as ObjectiveCommand;
  const close: ObjectiveCommand = { type: 'CloseBlockersReview', data: { objectiveId: OBJ } };

  it('grading refuses an unknown objective, one never committed, and grading twice, naming the objective', () => {
    spec.given([]).when(grade()).thenRejects('OKR.OBJECTIVE_NOT_FOUND', { field: 'objectiveId' });
    spec.given(history(define(), addKr('kr-1'))).when(grade()).thenRejects('OKR.OBJECTIVE_NOT_COMMITTED', { category: 'precondition', field: 'objectiveId' });
    spec.given([...finished(), ...graded(finished())]).when(grade()).thenRejects('OKR.ALREADY_GRADED', { category: 'conflict', field: 'objectiveId' });
  });

  it('an achieved objective opens no review, so nothing can be recorded or closed', () => {
    const done = [...finished(), ...graded(finished())];
    spec.given(done).when(finding(), on(102)).thenRejects('OKR.NO_OPEN_REVIEW', { category: 'precondition', field: 'objectiveId' });
    spec.given(done).when(close, on(102)).thenRejects('OKR.NO_OPEN_REVIEW', { category: 'precondition', field: 'objectiveId' });
  });

  it('both review commands need the objective', () => {
    spec.given([]).when(finding()).thenRejects('OKR.OBJECTIVE_NOT_FOUND', { field: 'objectiveId' });
    spec.given([]).when(close).thenRejects('OKR.OBJECTIVE_NOT_FOUND', { field: 'objectiveId' });
  });

  it('a finding needs a valid id, recorded once, and a known remover; the remover may be left out', () => {
    wellFormed(spec.given(withReview()).when(finding({ findingId: ' f-1' }), on(102)).thenRejects('OKR.FINDING_INVALID', { category: 'invalid', field: 'findingId' }));
    spec.given(withReview()).when(finding({ removableBy: { kind: 'the-boss' } }), on(102)).thenRejects('OKR.BLOCKER_INVALID', { field: 'removableBy.kind' });
    spec.given(withReview()).when(finding({ removableBy: { kind: 'team' } }), on(102)).thenRejects('OKR.BLOCKER_INVALID', { field: 'removableBy.teamId' });
    expect(decide(withReview(), finding({ removableBy: { kind: 'team', teamId: 'team-it' } }), on(102))).toMatchObject([{ data: { removableBy: { kind: 'team', teamId: 'team-it' } } }]);
    const found = [...withReview(), ...(decide(withReview(), finding(), on(102)) as never[])];
    expect(found.at(-1)).toMatchObject({ type: 'BlockersReviewFindingRecorded', data: { findingId: 'f-1', removableBy: null } });
    spec.given(found).when(finding({ obstacle: sealed('Something else') }), on(103)).thenRejects('OKR.FINDING_ALREADY_RECORDED', { category: 'conflict', field: 'findingId' });
  });

  it('closing needs a finding; once closed, the review takes no more', () => {
    spec.given(withReview()).when(close, on(102)).thenRejects('OKR.REVIEW_EMPTY', { category: 'precondition', field: 'findingId' });
    const found = [...withReview(), ...(decide(withReview(), finding(), on(102)) as never[])];
    const closed = [...found, ...(decide(found, close, on(103)) as never[])];
    expect(closed.at(-1)).toMatchObject({ type: 'BlockersReviewClosed' });
    spec.given(closed).when(close, on(104)).thenRejects('OKR.NO_OPEN_REVIEW', { field: 'objectiveId' });
    spec.given(closed).when(finding({ findingId: 'f-2' }), on(104)).thenRejects('OKR.NO_OPEN_REVIEW', { field: 'objectiveId' });
  });
});

describe('the score against the original while no goalpost moved', () => {
  const unmoved = (value: KeyResultValue | null): KeyResultState => {
    const definition = { title: 'Districts reached', measure: ordinal, weight: 1 };
    const checkIns = value === null ? [] : [{ checkInId: 'c-1', value, confidence: 7, status: 'on-track' as const, checkedInBy: ANNA, checkedInAt: DAY(40).toISOString() }];
    return { keyResultId: 'kr-1', definition, original: definition, moves: [], removed: false, checkIns, grade: null };
  };

  it('is the computed score, even for a value the definition cannot read', () => {
    expect(keyResultScores(unmoved('target'))).toEqual({ finalValue: 'target', computedScore: 0.7, scoreAgainstOriginal: 0.7 });
    expect(keyResultScores(unmoved(null))).toEqual({ finalValue: null, computedScore: 0, scoreAgainstOriginal: 0 });
    // A number left from before the key result became levels (redefined while the cycle was planned): no final value, 0 against both.
    expect(keyResultScores(unmoved(50))).toEqual({ finalValue: null, computedScore: 0, scoreAgainstOriginal: 0 });
  });
});
