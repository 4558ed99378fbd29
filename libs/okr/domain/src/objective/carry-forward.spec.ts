import { describe, expect, it } from '@jest/globals';
import { fold } from '@leerzone/kernel';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import { carryForwardSource } from './carry-forward.rules';
import type { ObjectiveCommand } from './objective.commands';
import { objectiveDecider } from './objective.decider';
import { ANNA, checkIn, cycle, DAY, decide, decrease, history, increase, milestone, OBJ, on, runningSteps, TEAM } from './objective.fixtures';
import { activeKeyResults } from './objective.state';

const spec = DeciderSpecification.for(objectiveDecider);
const grade: ObjectiveCommand = { type: 'GradeObjective', data: { objectiveId: OBJ, cycle: cycle('grading') } };
const old = history(...runningSteps('aspirational'), [checkIn('c-1', 'kr-1', 52), on(60)], [checkIn('c-2', 'kr-2', 14), on(60)], [grade, on(101)]);
const source = carryForwardSource(fold(objectiveDecider, old))!;
const carry = (extra: object = {}): ObjectiveCommand => ({ type: 'CarryObjectiveForward', data: { objectiveId: 'obj-2', cycle: cycle('planning', 'cycle-q2'), source, ...extra } });

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
    spec.given([]).when(carry({ source: { ...source, score: null } })).thenRejects('OKR.NOT_GRADED', { field: 'source.objectiveId' });
  });

  it('the old objective records where it went', () => {
    const record: ObjectiveCommand = { type: 'RecordCarriedForward', data: { objectiveId: OBJ, toObjectiveId: 'obj-2', toCycleId: 'cycle-q2' } };
    spec.given(old).when(record, on(102)).then([{ type: 'ObjectiveCarriedForward', data: { objectiveId: OBJ, toObjectiveId: 'obj-2', toCycleId: 'cycle-q2', carriedBy: ANNA, carriedAt: DAY(102).toISOString() } }]);
    spec.given(history(...runningSteps())).when(record).thenRejects('OKR.NOT_GRADED');
  });
});
