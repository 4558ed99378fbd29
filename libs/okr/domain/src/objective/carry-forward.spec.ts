import { describe, expect, it } from '@jest/globals';
import type { Rejection } from '@leerzone/kernel';
import { fold } from '@leerzone/kernel';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import { carryForwardSource } from './carry-forward.rules';
import type { ObjectiveCommand } from './objective.commands';
import { objectiveDecider } from './objective.decider';
import type { ObjectiveEvent } from './objective.events';
import { ANNA, checkIn, cycle, DAY, decide, decrease, history, increase, lazy, milestone, OBJ, on, runningSteps, TEAM } from './objective.fixtures';
import { activeKeyResults } from './objective.state';

const spec = DeciderSpecification.for(objectiveDecider);
const grade: ObjectiveCommand = { type: 'GradeObjective', data: { objectiveId: OBJ, cycle: cycle('grading') } };
const old = lazy(() => history(...runningSteps('aspirational'), [checkIn('c-1', 'kr-1', 52), on(60)], [checkIn('c-2', 'kr-2', 14), on(60)], [grade, on(101)]));
const source = lazy(() => carryForwardSource(fold(objectiveDecider, old()))!);
const carry = (extra: object = {}): ObjectiveCommand => ({ type: 'CarryObjectiveForward', data: { objectiveId: 'obj-2', cycle: cycle('planning', 'cycle-q2'), source: source(), ...extra } });

describe('carrying an objective forward', () => {
  it('creates a new objective in the next cycle, linked to the old one, with its key results but none of its check-ins', () => {
    const events = decide([], carry(), on(102));
    const addedBy = { addedBy: ANNA, addedAt: DAY(102).toISOString(), whileRunning: false, reason: null };
    expect(events).toEqual([
      {
        type: 'ObjectiveDefined',
        data: {
          objectiveId: 'obj-2',
          cycleId: 'cycle-q2',
          level: 'team',
          owner: { kind: 'team', id: TEAM },
          title: 'Clients feel heard',
          description: null,
          commitment: 'aspirational',
          // (0.6 + 0.6 + 0) / 3 = 0.4
          carriedForwardFrom: { objectiveId: OBJ, cycleId: 'cycle-q1', score: 0.4 },
          definedBy: ANNA,
          definedAt: DAY(102).toISOString(),
        },
      },
      { type: 'KeyResultAdded', data: { objectiveId: 'obj-2', keyResultId: 'kr-1', definition: { title: 'Key result kr-1', measure: increase, weight: 1 }, ...addedBy } },
      { type: 'KeyResultAdded', data: { objectiveId: 'obj-2', keyResultId: 'kr-2', definition: { title: 'Key result kr-2', measure: decrease, weight: 1 }, ...addedBy } },
      { type: 'KeyResultAdded', data: { objectiveId: 'obj-2', keyResultId: 'kr-3', definition: { title: 'Key result kr-3', measure: milestone, weight: 1 }, ...addedBy } },
    ]);
    const state = fold(objectiveDecider, events as never[]);
    expect(activeKeyResults(state).every((kr) => kr.checkIns.length === 0)).toBe(true);
    expect(state.committedAt).toBeNull();
  });

  it('carries only the key results named', () => {
    expect(decide([], carry({ keyResultIds: ['kr-2'] }))).toMatchObject([{ type: 'ObjectiveDefined' }, { data: { keyResultId: 'kr-2' } }]);
    spec.given([]).when(carry({ keyResultIds: ['kr-9'] })).thenRejects('OKR.KEY_RESULT_NOT_FOUND', { field: 'keyResultIds.0' });
  });

  it('goes into another cycle that is still open, from a graded objective', () => {
    spec.given([]).when(carry({ cycle: cycle('planning') })).thenRejects('OKR.CARRY_FORWARD_SAME_CYCLE', { field: 'cycle.cycleId' });
    spec.given([]).when(carry({ cycle: cycle('closed', 'cycle-q2') })).thenRejects('OKR.CYCLE_WRONG_STATUS');
    spec.given([]).when(carry({ source: { ...source(), score: null } })).thenRejects('OKR.NOT_GRADED', { field: 'source.objectiveId' });
  });

  it('the old objective records where it went', () => {
    const record: ObjectiveCommand = { type: 'RecordCarriedForward', data: { objectiveId: OBJ, toObjectiveId: 'obj-2', toCycleId: 'cycle-q2' } };
    spec.given(old()).when(record, on(102)).then([{ type: 'ObjectiveCarriedForward', data: { objectiveId: OBJ, toObjectiveId: 'obj-2', toCycleId: 'cycle-q2', carriedBy: ANNA, carriedAt: DAY(102).toISOString() } }]);
    spec.given(history(...runningSteps())).when(record).thenRejects('OKR.NOT_GRADED');
  });
});

describe('carrying forward at the edges', () => {
  const record = (data: object = {}): ObjectiveCommand => ({ type: 'RecordCarriedForward', data: { objectiveId: OBJ, toObjectiveId: 'obj-2', toCycleId: 'cycle-q2', ...data } });

  it('the new objective needs a valid id of its own, on an empty stream', () => {
    spec.given([]).when(carry({ objectiveId: '' })).thenRejects('OKR.OBJECTIVE_ID_INVALID', { field: 'objectiveId', category: 'invalid' });
    spec.given(history(...runningSteps())).when(carry({ objectiveId: OBJ })).thenRejects('OKR.OBJECTIVE_ALREADY_EXISTS', { field: 'objectiveId', category: 'conflict' });
  });

  it('carries into a running cycle too, and none of the key results when the list is empty', () => {
    expect(decide([], carry({ cycle: cycle('running', 'cycle-q2') }))).toMatchObject([{ type: 'ObjectiveDefined', data: { cycleId: 'cycle-q2' } }, {}, {}, {}]);
    expect(decide([], carry({ keyResultIds: [] }))).toMatchObject([{ type: 'ObjectiveDefined' }]);
    expect(decide([], carry({ keyResultIds: [] }))).toHaveLength(1);
    spec.given([]).when(carry({ keyResultIds: ['kr-1', 'kr-9'] })).thenRejects('OKR.KEY_RESULT_NOT_FOUND', { field: 'keyResultIds.1', category: 'invalid' });
  });

  it('the source is read from the old stream: nothing when it holds no objective, the score once graded', () => {
    expect(carryForwardSource(fold(objectiveDecider, []))).toBeNull();
    const ungraded = carryForwardSource(fold(objectiveDecider, history(...runningSteps())));
    expect(ungraded).toMatchObject({ objectiveId: OBJ, cycleId: 'cycle-q1', score: null });
    expect(ungraded!.keyResults.map((kr) => kr.keyResultId)).toEqual(['kr-1', 'kr-2', 'kr-3']);
    expect(source()).toMatchObject({ objectiveId: OBJ, level: 'team', owner: { kind: 'team', id: TEAM }, commitment: 'aspirational', score: 0.4 });
  });

  it('recording needs the old objective, graded, and valid ids of where it went', () => {
    spec.given([]).when(record()).thenRejects('OKR.OBJECTIVE_NOT_FOUND', { field: 'objectiveId', category: 'not-found' });
    spec.given(history(...runningSteps())).when(record()).thenRejects('OKR.NOT_GRADED', { field: 'objectiveId', category: 'precondition' });
    spec.given(old()).when(record({ toObjectiveId: '' })).thenRejects('OKR.OBJECTIVE_ID_INVALID', { field: 'toObjectiveId', category: 'invalid' });
    spec.given(old()).when(record({ toCycleId: ' ' })).thenRejects('OKR.CYCLE_ID_INVALID', { field: 'toCycleId', category: 'invalid' });
    spec.given(old()).when(record({ toObjectiveId: OBJ })).thenRejects('OKR.OBJECTIVE_ID_INVALID', { field: 'toObjectiveId', category: 'invalid' });
  });

  it('recording the same destination twice is no event; another one is recorded', () => {
    const once = [...old(), ...(decide(old(), record(), on(102)) as never[])];
    spec.given(once).when(record(), on(103)).thenNothingHappens();
    expect(decide(once, record({ toObjectiveId: 'obj-3', toCycleId: 'cycle-q3' }), on(103))).toMatchObject([{ type: 'ObjectiveCarriedForward', data: { toObjectiveId: 'obj-3', toCycleId: 'cycle-q3' } }]);
  });
});

describe('each carry-forward refusal says of which kind it is and what it refused', () => {
  const record = (data: object): ObjectiveCommand => ({ type: 'RecordCarriedForward', data: { objectiveId: OBJ, toObjectiveId: 'obj-2', toCycleId: 'cycle-q2', ...data } });
  const cases: [string, () => ObjectiveEvent[], () => ObjectiveCommand, { code: string; category: Rejection['category']; field: string; says: string }][] = [
    ['a new objective id that is no id', () => [], () => carry({ objectiveId: '' }), { code: 'OKR.OBJECTIVE_ID_INVALID', category: 'invalid', field: 'objectiveId', says: 'The objective id must be' }],
    ['carrying into its own cycle is invalid input', () => [], () => carry({ cycle: cycle('planning') }), { code: 'OKR.CARRY_FORWARD_SAME_CYCLE', category: 'invalid', field: 'cycle.cycleId', says: 'another cycle than its own (cycle-q1)' }],
    ['a closed cycle', () => [], () => carry({ cycle: cycle('closed', 'cycle-q2') }), { code: 'OKR.CYCLE_WRONG_STATUS', category: 'precondition', field: 'cycle.status', says: 'you can carry objectives into it only while it is planning or running' }],
    ['recording a destination id that is no id', old, () => record({ toObjectiveId: '' }), { code: 'OKR.OBJECTIVE_ID_INVALID', category: 'invalid', field: 'toObjectiveId', says: 'The new objective id must be' }],
    ['recording a destination cycle id that is no id', old, () => record({ toCycleId: ' ' }), { code: 'OKR.CYCLE_ID_INVALID', category: 'invalid', field: 'toCycleId', says: 'The next cycle id must be' }],
  ];

  it.each(cases)('%s', (_, given, command, { code, category, field, says }) => {
    spec.given(given()).when(command()).thenRejects(code, { category, field, message: expect.stringContaining(says) as never });
  });
});
