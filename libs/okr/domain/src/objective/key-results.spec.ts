import { describe, expect, it } from '@jest/globals';
import { fold } from '@leerzone/kernel';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import type { ObjectiveCommand } from './objective.commands';
import { objectiveDecider } from './objective.decider';
import type { CycleStatus } from '../cycle/cycle.model';
import { addKr, commit, cycle, decide, define, history, increase, lazy, milestone, OBJ, on, ordinal, running, runningSteps, TEAM } from './objective.fixtures';
import { keyResultViews } from './objective.queries';

const spec = DeciderSpecification.for(objectiveDecider);

describe('defining an objective', () => {
  it('records the owner, level and commitment', () => {
    spec.given([]).when(define('aspirational'), on(0)).then([
      {
        type: 'ObjectiveDefined',
        data: {
          objectiveId: OBJ,
          cycleId: 'cycle-q1',
          level: 'team',
          owner: { kind: 'team', id: TEAM },
          title: 'Clients feel heard',
          description: null,
          commitment: 'aspirational',
          carriedForwardFrom: null,
          definedBy: 'user-anna',
          definedAt: '2026-01-01T00:00:00.000Z',
        },
      },
    ]);
  });

  it('refuses bad input naming the field', () => {
    const base = define() as Extract<ObjectiveCommand, { type: 'DefineObjective' }>;
    const withData = (data: object): ObjectiveCommand => ({ ...base, data: { ...base.data, ...data } });
    spec.given([]).when(withData({ owner: { kind: 'unit', id: 'unit-care' } })).thenRejects('OKR.OWNER_INVALID', { field: 'owner.kind', category: 'invalid' });
    spec.given([]).when(withData({ level: 'unit', owner: { kind: 'unit', id: ' ' } })).thenRejects('OKR.OWNER_INVALID', { field: 'owner.id' });
    spec.given([]).when(withData({ level: 'galaxy' })).thenRejects('OKR.LEVEL_INVALID', { field: 'level' });
    spec.given([]).when(withData({ title: '   ' })).thenRejects('OKR.OBJECTIVE_TITLE_INVALID', { field: 'title' });
    spec.given([]).when(withData({ commitment: 'maybe' })).thenRejects('OKR.COMMITMENT_INVALID', { field: 'commitment' });
    spec.given([]).when(withData({ cycle: cycle('grading') })).thenRejects('OKR.CYCLE_WRONG_STATUS', { field: 'cycle.status', category: 'precondition' });
  });

  it('exists once', () => {
    spec.given(history(define())).when(define()).thenRejects('OKR.OBJECTIVE_ALREADY_EXISTS', { category: 'conflict' });
  });
});

describe('3 to 5 key results when committed to the cycle', () => {
  const withKrs = (n: number) => history(define(), ...Array.from({ length: n }, (_, i) => addKr(`kr-${i + 1}`)));

  it('refuses to commit with 2, saying how many and why', () => {
    const rejection = spec.given(withKrs(2)).when(commit()).thenRejects('OKR.TOO_FEW_KEY_RESULTS', { category: 'precondition', field: 'keyResults', details: { count: 2, min: 3, max: 5 } });
    expect(rejection.message).toContain('it has 2, so add 1 more');
  });

  it('commits with exactly 3 and with exactly 5', () => {
    spec.given(withKrs(3)).when(commit()).then([
      { type: 'ObjectiveCommittedToCycle', data: { objectiveId: OBJ, cycleId: 'cycle-q1', keyResultIds: ['kr-1', 'kr-2', 'kr-3'], committedBy: 'user-test', committedAt: '2026-01-15T09:00:00.000Z' } },
    ]);
    expect(decide(withKrs(5), commit())).toMatchObject([{ type: 'ObjectiveCommittedToCycle', data: { keyResultIds: ['kr-1', 'kr-2', 'kr-3', 'kr-4', 'kr-5'] } }]);
  });

  it('refuses a sixth key result', () => {
    spec.given(withKrs(5)).when(addKr('kr-6')).thenRejects('OKR.TOO_MANY_KEY_RESULTS', { details: { count: 5, max: 5 } });
  });

  it('refuses to drop below 3 once committed, but not in a draft', () => {
    const remove: ObjectiveCommand = { type: 'RemoveKeyResult', data: { objectiveId: OBJ, cycle: cycle('planning'), keyResultId: 'kr-1' } };
    spec.given(history(define(), addKr('kr-1'), addKr('kr-2'), addKr('kr-3'), commit())).when(remove).thenRejects('OKR.TOO_FEW_KEY_RESULTS', { details: { count: 2, min: 3 } });
    spec.given(withKrs(3)).when(remove).then([
      { type: 'KeyResultRemoved', data: { objectiveId: OBJ, keyResultId: 'kr-1', whileRunning: false, removedBy: 'user-test', removedAt: '2026-01-15T09:00:00.000Z', reason: null } },
    ]);
  });
});

describe('key result measures', () => {
  const given = lazy(() => history(define()));
  it('refuses a measure that cannot be met, naming the field', () => {
    spec.given(given()).when(addKr('kr-1', { ...increase, target: 40 })).thenRejects('OKR.MEASURE_INVALID', { field: 'measure.target' });
    spec.given(given()).when(addKr('kr-1', { kind: 'numeric', start: 20, target: 30, unit: 'days', direction: 'decrease-to' })).thenRejects('OKR.MEASURE_INVALID', { field: 'measure.target' });
    spec.given(given()).when(addKr('kr-1', { kind: 'percentage', start: 50, target: 120, direction: 'increase-to' })).thenRejects('OKR.MEASURE_INVALID', { field: 'measure.target' });
    spec.given(given()).when(addKr('kr-1', { ...increase, direction: 'sideways' })).thenRejects('OKR.MEASURE_INVALID', { field: 'measure.direction' });
    spec.given(given()).when(addKr('kr-1', { ...increase, unit: '' })).thenRejects('OKR.MEASURE_INVALID', { field: 'measure.unit' });
    spec.given(given()).when(addKr('kr-1', { kind: 'ordinal', levels: { commit: 'a', target: 'b' } })).thenRejects('OKR.MEASURE_INVALID', { field: 'measure.levels.stretch' });
    spec.given(given()).when(addKr('kr-1', { kind: 'vibes' })).thenRejects('OKR.MEASURE_INVALID', { field: 'measure.kind' });
    spec.given(given()).when(addKr('kr-1', increase, 0)).thenRejects('OKR.WEIGHT_INVALID', { field: 'weight' });
  });

  it('weighs every key result the same unless told otherwise', () => {
    spec.given(given()).when(addKr('kr-1', milestone), on(0)).then([
      {
        type: 'KeyResultAdded',
        data: {
          objectiveId: OBJ,
          keyResultId: 'kr-1',
          definition: { title: 'Key result kr-1', measure: { kind: 'milestone' }, weight: 1 },
          whileRunning: false,
          addedBy: 'user-anna',
          addedAt: '2026-01-01T00:00:00.000Z',
          reason: null,
        },
      },
    ]);
  });
});

describe('goalposts that cannot move silently', () => {
  const redefine = (data: object, status: CycleStatus = 'running'): ObjectiveCommand => ({
    type: 'RedefineKeyResult',
    data: { objectiveId: OBJ, cycle: cycle(status), keyResultId: 'kr-1', ...data },
  });

  it('may be shaped freely while the cycle is planned', () => {
    const events = history(define(), addKr('kr-1'), addKr('kr-2'), addKr('kr-3'), commit(), redefine({ measure: { ...increase, target: 70 } }, 'planning'));
    expect(events.at(-1)!.type).toBe('KeyResultRedefined');
    const [view] = keyResultViews(fold(objectiveDecider, events));
    expect(view).toMatchObject({ moved: false, original: { measure: { target: 70 } }, definition: { measure: { target: 70 } } });
  });

  it('needs a reason to move a target while the cycle runs', () => {
    spec.given(running()).when(redefine({ measure: { ...increase, target: 50 } }), on(30)).thenRejects('OKR.REASON_REQUIRED', { field: 'reason' });
  });

  it('records the move with both definitions and what changed; the original stays', () => {
    spec
      .given(running())
      .when(redefine({ measure: { ...increase, start: 35, target: 50 }, weight: 2 }), on(30, { reason: 'the survey changed scale' }))
      .then([
        {
          type: 'KeyResultGoalpostMoved',
          data: {
            objectiveId: OBJ,
            keyResultId: 'kr-1',
            previous: { title: 'Key result kr-1', measure: increase, weight: 1 },
            definition: { title: 'Key result kr-1', measure: { ...increase, start: 35, target: 50 }, weight: 2 },
            changed: ['start', 'target', 'weight'],
            movedBy: 'user-anna',
            movedAt: DAY30,
            reason: 'the survey changed scale',
          },
        },
      ]);
    const moved = history(...runningSteps(), [redefine({ measure: { ...increase, target: 50 } }), on(30, { reason: 'scale' })], [redefine({ measure: milestone }), on(40, { reason: 'again' })]);
    const [view] = keyResultViews(fold(objectiveDecider, moved));
    expect(view).toMatchObject({ moved: true, lastMovedAt: '2026-02-10T00:00:00.000Z', original: { measure: increase }, definition: { measure: milestone } });
  });

  it('a kind change is a goalpost too; a new title alone is not', () => {
    expect(decide(running(), redefine({ measure: ordinal }), on(30, { reason: 'x' }))).toMatchObject([
      { type: 'KeyResultGoalpostMoved', data: { changed: ['kind', 'start', 'target', 'direction', 'unit', 'levels'] } },
    ]);
    expect(decide(running(), redefine({ title: 'Clients rate us' }), on(30))).toMatchObject([{ type: 'KeyResultRedefined', data: { reason: null } }]);
    spec.given(running()).when(redefine({ measure: increase }), on(30)).thenNothingHappens();
  });

  it('adding or removing a key result mid-cycle needs a reason too', () => {
    spec.given(running()).when(addKr('kr-4', milestone, undefined, 'running'), on(30)).thenRejects('OKR.REASON_REQUIRED');
    expect(decide(running(), addKr('kr-4', milestone, undefined, 'running'), on(30, { reason: 'new regulation' }))).toMatchObject([
      { type: 'KeyResultAdded', data: { whileRunning: true, reason: 'new regulation' } },
    ]);
    const remove: ObjectiveCommand = { type: 'RemoveKeyResult', data: { objectiveId: OBJ, cycle: cycle('running'), keyResultId: 'kr-1' } };
    const four = history(...runningSteps(), [addKr('kr-4', milestone, undefined, 'running'), on(30, { reason: 'new regulation' })]);
    spec.given(four).when(remove, on(31)).thenRejects('OKR.REASON_REQUIRED');
  });

  it('cannot move once the cycle is in grading', () => {
    spec.given(running()).when(redefine({ measure: { ...increase, target: 50 } }, 'grading'), on(100, { reason: 'x' })).thenRejects('OKR.CYCLE_WRONG_STATUS');
  });
});

const DAY30 = '2026-01-31T00:00:00.000Z';

describe('revising an objective', () => {
  const revise = (data: object, status: CycleStatus = 'running'): ObjectiveCommand => ({ type: 'ReviseObjective', data: { objectiveId: OBJ, cycle: cycle(status), ...data } });

  it('lowering the bar from committed to aspirational mid-cycle needs a reason, like a goalpost', () => {
    spec.given(running()).when(revise({ commitment: 'aspirational' }), on(30)).thenRejects('OKR.REASON_REQUIRED', { field: 'reason' });
    expect(decide(running(), revise({ commitment: 'aspirational' }), on(30, { reason: 'new territory after all' }))).toMatchObject([
      { type: 'ObjectiveRevised', data: { previous: { commitment: 'committed' }, commitment: 'aspirational', reason: 'new territory after all' } },
    ]);
  });

  it('a new title needs no reason; no change is no event', () => {
    expect(decide(running(), revise({ title: 'Every client feels heard' }), on(30))).toMatchObject([{ type: 'ObjectiveRevised', data: { title: 'Every client feels heard', reason: null } }]);
    spec.given(running()).when(revise({ title: 'Clients feel heard' }), on(30)).thenNothingHappens();
    spec.given(running()).when(revise({ title: '' }), on(30)).thenRejects('OKR.OBJECTIVE_TITLE_INVALID', { field: 'title' });
  });
});

describe('key result input at its edges', () => {
  const given = lazy(() => history(define()));
  const add = (data: object): ObjectiveCommand => {
    const command = addKr('kr-1') as Extract<ObjectiveCommand, { type: 'AddKeyResult' }>;
    return { ...command, data: { ...command.data, ...data } };
  };

  it('a weight is a finite number above 0 and at most 100', () => {
    for (const weight of [0, -1, 100.5, Number.NaN, Number.POSITIVE_INFINITY, '2']) {
      spec.given(given()).when(add({ weight })).thenRejects('OKR.WEIGHT_INVALID', { field: 'weight', category: 'invalid' });
    }
    expect(decide(given(), add({ weight: 100 }))).toMatchObject([{ data: { definition: { weight: 100 } } }]);
    expect(decide(given(), add({ weight: 0.5 }))).toMatchObject([{ data: { definition: { weight: 0.5 } } }]);
  });

  it('the key result id must be an id, and one never used in this objective', () => {
    spec.given(given()).when(add({ keyResultId: '' })).thenRejects('OKR.KEY_RESULT_ID_INVALID', { field: 'keyResultId', category: 'invalid' });
    spec.given(history(define(), addKr('kr-1'))).when(addKr('kr-1')).thenRejects('OKR.KEY_RESULT_ALREADY_EXISTS', { field: 'keyResultId', category: 'conflict' });
    const removed = history(define(), addKr('kr-1'), { type: 'RemoveKeyResult', data: { objectiveId: OBJ, cycle: cycle('planning'), keyResultId: 'kr-1' } });
    spec.given(removed).when(addKr('kr-1')).thenRejects('OKR.KEY_RESULT_ALREADY_EXISTS', { field: 'keyResultId', category: 'conflict' });
  });

  it('the title: not empty, at most 200 characters, trimmed', () => {
    spec.given(given()).when(add({ title: ' ' })).thenRejects('OKR.KEY_RESULT_TITLE_INVALID', { field: 'title', category: 'invalid' });
    spec.given(given()).when(add({ title: 'x'.repeat(201) })).thenRejects('OKR.KEY_RESULT_TITLE_INVALID', { field: 'title', details: { max: 200 } });
    expect(decide(given(), add({ title: ` ${'x'.repeat(200)} ` }))).toMatchObject([{ data: { definition: { title: 'x'.repeat(200) } } }]);
  });

  it('needs the objective, its cycle open, and no grade', () => {
    spec.given([]).when(addKr('kr-1')).thenRejects('OKR.OBJECTIVE_NOT_FOUND', { field: 'objectiveId' });
    spec.given(given()).when(addKr('kr-1', increase, undefined, 'grading')).thenRejects('OKR.CYCLE_WRONG_STATUS', { field: 'cycle.status' });
    const graded = history(...runningSteps(), [{ type: 'GradeObjective', data: { objectiveId: OBJ, cycle: cycle('grading') } }, on(101)]);
    spec.given(graded).when(addKr('kr-4', milestone, undefined, 'running'), on(102, { reason: 'x' })).thenRejects('OKR.OBJECTIVE_GRADED', { field: 'objectiveId', category: 'precondition' });
  });

  it('too many and too few are preconditions on keyResultId', () => {
    const five = history(define(), ...['kr-1', 'kr-2', 'kr-3', 'kr-4', 'kr-5'].map((id) => addKr(id)));
    spec.given(five).when(addKr('kr-6')).thenRejects('OKR.TOO_MANY_KEY_RESULTS', { field: 'keyResultId', category: 'precondition' });
    // Four active and one removed: a fifth may come.
    const fourOfFive = history(define(), ...['kr-1', 'kr-2', 'kr-3', 'kr-4', 'kr-5'].map((id) => addKr(id)), {
      type: 'RemoveKeyResult',
      data: { objectiveId: OBJ, cycle: cycle('planning'), keyResultId: 'kr-5' },
    });
    expect(decide(fourOfFive, addKr('kr-6'))).toMatchObject([{ type: 'KeyResultAdded', data: { keyResultId: 'kr-6' } }]);
    const remove: ObjectiveCommand = { type: 'RemoveKeyResult', data: { objectiveId: OBJ, cycle: cycle('planning'), keyResultId: 'kr-1' } };
    spec.given(running()).when(remove).thenRejects('OKR.TOO_FEW_KEY_RESULTS', { field: 'keyResultId', category: 'precondition' });
  });

  it('a key result added before the objective is committed, in a running cycle, needs no reason', () => {
    expect(decide(history(define('committed', 'running')), addKr('kr-1', increase, undefined, 'running'), on(10))).toMatchObject([{ data: { whileRunning: false, reason: null } }]);
  });
});

describe('redefining and removing at the edges', () => {
  const redefine = (data: object, status: CycleStatus = 'running', objectiveId = OBJ): ObjectiveCommand => ({
    type: 'RedefineKeyResult',
    data: { objectiveId, cycle: cycle(status), keyResultId: 'kr-1', ...data },
  });
  const remove = (keyResultId: string, status: CycleStatus = 'planning'): ObjectiveCommand => ({ type: 'RemoveKeyResult', data: { objectiveId: OBJ, cycle: cycle(status), keyResultId } });
  const grade: ObjectiveCommand = { type: 'GradeObjective', data: { objectiveId: OBJ, cycle: cycle('grading') } };
  const graded = lazy(() => history(...runningSteps(), [grade, on(101)]));

  it('redefining needs the objective, the key result and no grade', () => {
    spec.given([]).when(redefine({ title: 'x' })).thenRejects('OKR.OBJECTIVE_NOT_FOUND', { field: 'objectiveId' });
    spec.given(running()).when(redefine({ title: 'x', keyResultId: 'kr-9' })).thenRejects('OKR.KEY_RESULT_NOT_FOUND', { field: 'keyResultId', category: 'not-found' });
    spec.given(graded()).when(redefine({ title: 'x' }), on(102)).thenRejects('OKR.OBJECTIVE_GRADED', { field: 'objectiveId', category: 'precondition' });
  });

  it('refuses a bad title, measure or weight, naming the field', () => {
    spec.given(running()).when(redefine({ title: '' })).thenRejects('OKR.KEY_RESULT_TITLE_INVALID', { field: 'title' });
    spec.given(running()).when(redefine({ measure: { kind: 'vibes' } })).thenRejects('OKR.MEASURE_INVALID', { field: 'measure.kind' });
    spec.given(running()).when(redefine({ weight: 0 })).thenRejects('OKR.WEIGHT_INVALID', { field: 'weight' });
  });

  it('keeps what it is not told to change', () => {
    expect(decide(running(), redefine({ title: 'Clients rate us' }), on(30))).toMatchObject([
      { type: 'KeyResultRedefined', data: { definition: { title: 'Clients rate us', measure: increase, weight: 1 }, previous: { title: 'Key result kr-1', measure: increase, weight: 1 } } },
    ]);
    expect(decide(history(define(), addKr('kr-1', increase, 2)), redefine({ measure: milestone }, 'planning'))).toMatchObject([
      { type: 'KeyResultRedefined', data: { definition: { title: 'Key result kr-1', measure: milestone, weight: 2 } } },
    ]);
  });

  it('a goalpost moved before commitment is a plain redefinition, and a reason too long is refused either way', () => {
    expect(decide(history(define('committed', 'running'), addKr('kr-1', increase, undefined, 'running')), redefine({ weight: 3 }), on(10))).toMatchObject([
      { type: 'KeyResultRedefined', data: { definition: { weight: 3 }, reason: null } },
    ]);
    spec.given(running()).when(redefine({ title: 'Clients rate us' }), on(30, { reason: 'x'.repeat(2001) })).thenRejects('OKR.REASON_TOO_LONG', { field: 'reason' });
    spec.given(running()).when(redefine({ weight: 2 }), on(30, { reason: 'x'.repeat(2001) })).thenRejects('OKR.REASON_TOO_LONG', { field: 'reason' });
  });

  it('removing needs the objective, the key result and no grade', () => {
    spec.given([]).when(remove('kr-1')).thenRejects('OKR.OBJECTIVE_NOT_FOUND', { field: 'objectiveId' });
    spec.given(history(define(), addKr('kr-1'))).when(remove('kr-9')).thenRejects('OKR.KEY_RESULT_NOT_FOUND', { field: 'keyResultId', category: 'not-found' });
    spec.given(history(define(), addKr('kr-1'), remove('kr-1'))).when(remove('kr-1')).thenRejects('OKR.KEY_RESULT_NOT_FOUND', { field: 'keyResultId' });
    spec.given(graded()).when(remove('kr-1', 'running'), on(102)).thenRejects('OKR.OBJECTIVE_GRADED', { field: 'objectiveId', category: 'precondition' });
  });

  it('a committed objective may lose its fourth key result while planned, and mid-cycle with a reason', () => {
    const four = history(...runningSteps(), addKr('kr-4'));
    expect(decide(four, remove('kr-4'))).toMatchObject([{ type: 'KeyResultRemoved', data: { keyResultId: 'kr-4', whileRunning: false, reason: null } }]);
    expect(decide(four, remove('kr-4', 'running'), on(30, { reason: 'merged into kr-1' }))).toMatchObject([
      { type: 'KeyResultRemoved', data: { keyResultId: 'kr-4', whileRunning: true, reason: 'merged into kr-1' } },
    ]);
  });
});
