import { describe, expect, it } from '@jest/globals';
import type { CommandContext, RejectionCategory } from '@leerzone/kernel';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import type { CycleStatus } from '../cycle/cycle.model';
import type { ObjectiveCommand } from './objective.commands';
import { objectiveDecider } from './objective.decider';
import type { ObjectiveEvent } from './objective.events';
import { addKr, cycle, define, history, increase, lazy, milestone, OBJ, on, running, runningSteps } from './objective.fixtures';

const spec = DeciderSpecification.for(objectiveDecider);

const add = (data: object = {}, status: CycleStatus = 'planning'): ObjectiveCommand => {
  const command = addKr('kr-4', milestone, undefined, status) as Extract<ObjectiveCommand, { type: 'AddKeyResult' }>;
  return { ...command, data: { ...command.data, ...data } };
};
const redefine = (data: object, status: CycleStatus = 'running'): ObjectiveCommand => ({ type: 'RedefineKeyResult', data: { objectiveId: OBJ, cycle: cycle(status), keyResultId: 'kr-1', ...data } });
const remove = (keyResultId: string, status: CycleStatus = 'running'): ObjectiveCommand => ({ type: 'RemoveKeyResult', data: { objectiveId: OBJ, cycle: cycle(status), keyResultId } });

const draft = lazy(() => history(define()));
const graded = lazy(() => history(...runningSteps(), [{ type: 'GradeObjective', data: { objectiveId: OBJ, cycle: cycle('grading') } }, on(101)]));
const fourRunning = lazy(() => history(...runningSteps(), [addKr('kr-4', milestone, undefined, 'running'), on(30, { reason: 'new regulation' })]));

/** Every refusal of the key result rules says, in words, what was asked and why not. */
describe('key result refusals name what was asked', () => {
  const cases: [string, () => ObjectiveEvent[], ObjectiveCommand, Partial<CommandContext>, { code: string; category: RejectionCategory; field: string; says: string }][] = [
    ['adding outside planning and running', draft, add({}, 'grading'), on(0), { code: 'OKR.CYCLE_WRONG_STATUS', category: 'precondition', field: 'cycle.status', says: 'you can add key results only while it is planning or running' }],
    ['adding once graded', graded, add({}, 'running'), on(102, { reason: 'x' }), { code: 'OKR.OBJECTIVE_GRADED', category: 'precondition', field: 'objectiveId', says: 'you cannot add key results any more' }],
    ['adding with a malformed id', draft, add({ keyResultId: ' kr-4' }), on(0), { code: 'OKR.KEY_RESULT_ID_INVALID', category: 'invalid', field: 'keyResultId', says: 'The key result id must be a non-empty id' }],
    ['adding without a title', draft, add({ title: ' ' }), on(0), { code: 'OKR.KEY_RESULT_TITLE_INVALID', category: 'invalid', field: 'title', says: 'The key result must not be empty' }],
    ['adding mid-cycle without a reason', running, add({}, 'running'), on(30), { code: 'OKR.REASON_REQUIRED', category: 'invalid', field: 'reason', says: 'A reason is required to add a key result while the cycle runs.' }],
    ['changing outside planning and running', running, redefine({ title: 'x' }, 'grading'), on(100), { code: 'OKR.CYCLE_WRONG_STATUS', category: 'precondition', field: 'cycle.status', says: 'you can change key results only while it is planning or running' }],
    ['changing once graded', graded, redefine({ title: 'x' }), on(102), { code: 'OKR.OBJECTIVE_GRADED', category: 'precondition', field: 'objectiveId', says: 'you cannot change its key results any more' }],
    ['retitling with a blank title', running, redefine({ title: '' }), on(30), { code: 'OKR.KEY_RESULT_TITLE_INVALID', category: 'invalid', field: 'title', says: 'The key result must not be empty' }],
    [
      'moving goalposts mid-cycle without a reason',
      running,
      redefine({ measure: { ...increase, start: 35, target: 50 } }),
      on(30),
      { code: 'OKR.REASON_REQUIRED', category: 'invalid', field: 'reason', says: 'A reason is required to move a goalpost (start, target) while the cycle runs.' },
    ],
    ['removing outside planning and running', running, remove('kr-1', 'grading'), on(100), { code: 'OKR.CYCLE_WRONG_STATUS', category: 'precondition', field: 'cycle.status', says: 'you can remove key results only while it is planning or running' }],
    ['removing once graded', graded, remove('kr-1'), on(102, { reason: 'x' }), { code: 'OKR.OBJECTIVE_GRADED', category: 'precondition', field: 'objectiveId', says: 'you cannot remove key results any more' }],
    ['removing mid-cycle without a reason', fourRunning, remove('kr-4'), on(31), { code: 'OKR.REASON_REQUIRED', category: 'invalid', field: 'reason', says: 'A reason is required to remove a key result while the cycle runs.' }],
  ];

  it.each(cases)('%s', (_, given, command, context, { code, category, field, says }) => {
    spec.given(given()).when(command, context).thenRejects(code, { category, field, message: expect.stringContaining(says) as unknown as string });
  });
});
