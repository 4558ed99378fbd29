import { describe, expect, it } from '@jest/globals';
import type { CommandContext, RejectionCategory } from '@leerzone/kernel';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import type { CycleStatus } from '../cycle/cycle.model';
import type { ObjectiveCommand } from './objective.commands';
import { objectiveDecider } from './objective.decider';
import type { ObjectiveEvent } from './objective.events';
import { addKr, commit, cycle, decide, define, history, OBJ, on, running, runningSteps } from './objective.fixtures';
import { MAX_OBJECTIVE_DESCRIPTION_LENGTH, MAX_OBJECTIVE_TITLE_LENGTH } from './objective.model';

const spec = DeciderSpecification.for(objectiveDecider);
const base = define() as Extract<ObjectiveCommand, { type: 'DefineObjective' }>;
const defineWith = (data: object): ObjectiveCommand => ({ ...base, data: { ...base.data, ...data } });
const revise = (data: object, status: CycleStatus = 'running', objectiveId = OBJ): ObjectiveCommand => ({ type: 'ReviseObjective', data: { objectiveId, cycle: cycle(status), ...data } });
const grade: ObjectiveCommand = { type: 'GradeObjective', data: { objectiveId: OBJ, cycle: cycle('grading') } };

describe('defining an objective: each level has its owner', () => {
  it('organisation and unit objectives are owned by a unit, team objectives by a team', () => {
    for (const level of ['organisation', 'unit'] as const) {
      expect(decide([], defineWith({ level, owner: { kind: 'unit', id: 'unit-care' } }))).toMatchObject([{ type: 'ObjectiveDefined', data: { level, owner: { kind: 'unit', id: 'unit-care' } } }]);
      spec.given([]).when(defineWith({ level, owner: { kind: 'team', id: 'team-a' } })).thenRejects('OKR.OWNER_INVALID', { field: 'owner.kind', category: 'invalid' });
    }
    spec.given([]).when(defineWith({ owner: undefined })).thenRejects('OKR.OWNER_INVALID', { field: 'owner.kind' });
    spec.given([]).when(defineWith({ owner: { kind: 'team' } })).thenRejects('OKR.OWNER_INVALID', { field: 'owner.id', category: 'invalid' });
  });

  it('keeps only the owner kind and id it was given', () => {
    const [event] = decide([], defineWith({ owner: { kind: 'team', id: 'team-a', name: 'A-team' } })) as ObjectiveEvent[];
    expect((event!.data as { owner: object }).owner).toEqual({ kind: 'team', id: 'team-a' });
  });
});

describe('defining an objective: bad input names its field and records nothing', () => {
  it('the objective id', () => {
    spec.given([]).when(defineWith({ objectiveId: '' })).thenRejects('OKR.OBJECTIVE_ID_INVALID', { field: 'objectiveId', category: 'invalid' });
    spec.given([]).when(defineWith({ objectiveId: ' obj-1' })).thenRejects('OKR.OBJECTIVE_ID_INVALID', { field: 'objectiveId' });
  });

  it('an objective id already taken is a conflict on objectiveId', () => {
    spec.given(history(define())).when(define()).thenRejects('OKR.OBJECTIVE_ALREADY_EXISTS', { field: 'objectiveId', category: 'conflict' });
  });

  it('the title: not empty, at most 200 characters, trimmed', () => {
    spec.given([]).when(defineWith({ title: 'x'.repeat(MAX_OBJECTIVE_TITLE_LENGTH + 1) })).thenRejects('OKR.OBJECTIVE_TITLE_INVALID', { field: 'title', category: 'invalid' });
    expect(decide([], defineWith({ title: ` ${'x'.repeat(MAX_OBJECTIVE_TITLE_LENGTH)} ` }))).toMatchObject([{ data: { title: 'x'.repeat(MAX_OBJECTIVE_TITLE_LENGTH) } }]);
  });

  it('the description: optional, blank is none, at most 4000 characters', () => {
    spec
      .given([])
      .when(defineWith({ description: 'x'.repeat(MAX_OBJECTIVE_DESCRIPTION_LENGTH + 1) }))
      .thenRejects('OKR.OBJECTIVE_DESCRIPTION_INVALID', { field: 'description', category: 'invalid', details: { max: MAX_OBJECTIVE_DESCRIPTION_LENGTH } });
    spec.given([]).when(defineWith({ description: 42 })).thenRejects('OKR.OBJECTIVE_DESCRIPTION_INVALID', { field: 'description' });
    expect(decide([], defineWith({ description: '  ' }))).toMatchObject([{ data: { description: null } }]);
    expect(decide([], defineWith({ description: ' Measured by the survey ' }))).toMatchObject([{ data: { description: 'Measured by the survey' } }]);
  });

  it('the level and the commitment', () => {
    spec.given([]).when(defineWith({ level: undefined })).thenRejects('OKR.LEVEL_INVALID', { field: 'level', category: 'invalid' });
    spec.given([]).when(defineWith({ commitment: undefined })).thenRejects('OKR.COMMITMENT_INVALID', { field: 'commitment', category: 'invalid' });
  });

  it('the cycle: present, with an id, and open for changes', () => {
    spec.given([]).when(defineWith({ cycle: undefined })).thenRejects('OKR.CYCLE_ID_INVALID', { field: 'cycle.cycleId', category: 'invalid' });
    spec.given([]).when(defineWith({ cycle: { ...cycle(), cycleId: '' } })).thenRejects('OKR.CYCLE_ID_INVALID', { field: 'cycle.cycleId' });
    spec.given([]).when(defineWith({ cycle: cycle('closed') })).thenRejects('OKR.CYCLE_WRONG_STATUS', { field: 'cycle.status', details: { status: 'closed', allowed: ['planning', 'running'] } });
    expect(decide([], defineWith({ cycle: cycle('running') }))).toMatchObject([{ type: 'ObjectiveDefined', data: { cycleId: 'cycle-q1' } }]);
  });
});

describe('revising an objective', () => {
  it('needs the objective, its cycle open, and no grade yet', () => {
    spec.given([]).when(revise({ title: 'New' })).thenRejects('OKR.OBJECTIVE_NOT_FOUND', { field: 'objectiveId', category: 'not-found' });
    spec.given(running()).when(revise({ title: 'New' }, 'grading')).thenRejects('OKR.CYCLE_WRONG_STATUS', { field: 'cycle.status' });
    const graded = history(...runningSteps(), [grade, on(101)]);
    // A graded objective whose cycle were somehow open again still refuses: the grade is final.
    spec.given(graded).when(revise({ title: 'New' }, 'running'), on(102)).thenRejects('OKR.OBJECTIVE_GRADED', { field: 'objectiveId', category: 'precondition' });
  });

  it('a new description alone is a revision; leaving it out keeps the old one; null clears it', () => {
    const described = history(defineWith({ description: 'Measured by the survey' }));
    expect(decide(described, revise({ description: 'Measured twice a year' }, 'planning'))).toEqual([
      {
        type: 'ObjectiveRevised',
        data: {
          objectiveId: OBJ,
          previous: { title: 'Clients feel heard', description: 'Measured by the survey', commitment: 'committed' },
          title: 'Clients feel heard',
          description: 'Measured twice a year',
          commitment: 'committed',
          revisedBy: 'user-anna',
          revisedAt: '2026-01-01T00:00:00.000Z',
          reason: null,
        },
      },
    ]);
    expect(decide(described, revise({ title: 'Every client feels heard' }, 'planning'))).toMatchObject([{ data: { title: 'Every client feels heard', description: 'Measured by the survey' } }]);
    expect(decide(described, revise({ description: null }, 'planning'))).toMatchObject([{ data: { description: null, previous: { description: 'Measured by the survey' } } }]);
    spec.given(described).when(revise({ description: 'Measured by the survey' }, 'planning')).thenNothingHappens();
  });

  it('refuses a bad description or commitment, naming the field', () => {
    spec.given(running()).when(revise({ description: 'x'.repeat(MAX_OBJECTIVE_DESCRIPTION_LENGTH + 1) })).thenRejects('OKR.OBJECTIVE_DESCRIPTION_INVALID', { field: 'description' });
    spec.given(running()).when(revise({ commitment: 'maybe' })).thenRejects('OKR.COMMITMENT_INVALID', { field: 'commitment', category: 'invalid' });
  });

  it('changing the commitment needs a reason only once committed and while the cycle runs', () => {
    const draft = history(define(), addKr('kr-1'));
    expect(decide(draft, revise({ commitment: 'aspirational' }, 'running'))).toMatchObject([{ type: 'ObjectiveRevised', data: { commitment: 'aspirational', reason: null } }]);
    expect(decide(running(), revise({ commitment: 'aspirational' }, 'planning'))).toMatchObject([{ type: 'ObjectiveRevised', data: { commitment: 'aspirational', reason: null } }]);
    // The reason is kept when given even where it is not required.
    expect(decide(running(), revise({ title: 'Every client feels heard' }), on(30, { reason: ' clearer ' }))).toMatchObject([{ data: { reason: 'clearer' } }]);
    spec.given(running()).when(revise({ title: 'Every client feels heard' }), on(30, { reason: 'x'.repeat(2001) })).thenRejects('OKR.REASON_TOO_LONG', { field: 'reason' });
  });
});

describe('committing an objective to its cycle', () => {
  it('needs the objective and its cycle open', () => {
    spec.given([]).when(commit()).thenRejects('OKR.OBJECTIVE_NOT_FOUND', { field: 'objectiveId', category: 'not-found' });
    const three = history(define(), addKr('kr-1'), addKr('kr-2'), addKr('kr-3'));
    spec.given(three).when(commit('grading')).thenRejects('OKR.CYCLE_WRONG_STATUS', { field: 'cycle.status' });
  });

  it('commits once: a second commit is no event', () => {
    spec.given(running()).when(commit()).thenNothingHappens();
  });

  it('counts only active key results', () => {
    const removeKr: ObjectiveCommand = { type: 'RemoveKeyResult', data: { objectiveId: OBJ, cycle: cycle('planning'), keyResultId: 'kr-2' } };
    const given = history(define(), addKr('kr-1'), addKr('kr-2'), addKr('kr-3'), removeKr);
    spec.given(given).when(commit()).thenRejects('OKR.TOO_FEW_KEY_RESULTS', { details: { count: 2, min: 3, max: 5 } });
    const four = history(define(), addKr('kr-1'), addKr('kr-2'), addKr('kr-3'), removeKr, addKr('kr-4'));
    expect(decide(four, commit())).toMatchObject([{ type: 'ObjectiveCommittedToCycle', data: { keyResultIds: ['kr-1', 'kr-3', 'kr-4'] } }]);
  });

  it('refuses none, saying how many to add', () => {
    const rejection = spec.given(history(define())).when(commit()).thenRejects('OKR.TOO_FEW_KEY_RESULTS', { field: 'keyResults', category: 'precondition', details: { count: 0, min: 3, max: 5 } });
    expect(rejection.message).toContain('add 3 more');
  });

  it('refuses six (CarryObjectiveForward does not count the key results of its source), saying how many to remove', () => {
    const six: ObjectiveEvent[] = [
      ...history(define()),
      ...Array.from({ length: 6 }, (_, i): ObjectiveEvent => ({
        type: 'KeyResultAdded',
        data: { objectiveId: OBJ, keyResultId: `kr-${i + 1}`, definition: { title: `Key result ${i + 1}`, measure: { kind: 'milestone' }, weight: 1 }, whileRunning: false, addedBy: 'user-anna', addedAt: '2026-01-01T00:00:00.000Z', reason: null },
      })),
    ];
    const rejection = spec.given(six).when(commit()).thenRejects('OKR.TOO_MANY_KEY_RESULTS', { field: 'keyResults', category: 'precondition', details: { count: 6, min: 3, max: 5 } });
    expect(rejection.message).toContain('remove 1');
    expect(rejection.message).toContain('it has 6, so remove 1.');
  });
});

describe('every refusal of defining, revising or committing says in words what it refuses', () => {
  const graded = (): ObjectiveEvent[] => history(...runningSteps(), [grade, on(101)]);
  const table: readonly (readonly [string, () => ObjectiveEvent[], ObjectiveCommand, Partial<CommandContext>, string, string, RejectionCategory, string])[] = [
    ['an objective id', () => [], defineWith({ objectiveId: '' }), on(0), 'OKR.OBJECTIVE_ID_INVALID', 'objectiveId', 'invalid', 'The objective id must be a non-empty id'],
    ['a level', () => [], defineWith({ level: 'galaxy' }), on(0), 'OKR.LEVEL_INVALID', 'level', 'invalid', 'The level must be one of organisation, unit, team (got "galaxy")'],
    ["a team's id as owner", () => [], defineWith({ owner: { kind: 'team' } }), on(0), 'OKR.OWNER_INVALID', 'owner.id', 'invalid', "The owning team's id must be"],
    ["a unit's id as owner", () => [], defineWith({ level: 'unit', owner: { kind: 'unit', id: ' unit-care' } }), on(0), 'OKR.OWNER_INVALID', 'owner.id', 'invalid', "The owning unit's id must be"],
    ['a title', () => [], defineWith({ title: ' ' }), on(0), 'OKR.OBJECTIVE_TITLE_INVALID', 'title', 'invalid', 'The objective must not be empty.'],
    ['a description', () => [], defineWith({ description: 'x'.repeat(MAX_OBJECTIVE_DESCRIPTION_LENGTH + 1) }), on(0), 'OKR.OBJECTIVE_DESCRIPTION_INVALID', 'description', 'invalid', `The description may be at most ${MAX_OBJECTIVE_DESCRIPTION_LENGTH} characters`],
    ['a commitment', () => [], defineWith({ commitment: 'maybe' }), on(0), 'OKR.COMMITMENT_INVALID', 'commitment', 'invalid', 'The commitment must be one of committed, aspirational (got "maybe")'],
    ['a cycle id', () => [], defineWith({ cycle: { ...cycle(), cycleId: '' } }), on(0), 'OKR.CYCLE_ID_INVALID', 'cycle.cycleId', 'invalid', 'The cycle id must be a non-empty id'],
    ['defining in a closed cycle', () => [], defineWith({ cycle: cycle('closed') }), on(0), 'OKR.CYCLE_WRONG_STATUS', 'cycle.status', 'precondition', 'you can define objectives only while it is planning or running'],
    ['revising in a grading cycle', running, revise({ title: 'New' }, 'grading'), on(30), 'OKR.CYCLE_WRONG_STATUS', 'cycle.status', 'precondition', 'you can revise an objective only while it is planning or running'],
    ['revising a graded objective', graded, revise({ title: 'New' }, 'running'), on(102), 'OKR.OBJECTIVE_GRADED', 'objectiveId', 'precondition', 'you cannot revise it any more'],
    ['lowering the commitment mid-cycle without a reason', running, revise({ commitment: 'aspirational' }), on(30), 'OKR.REASON_REQUIRED', 'reason', 'invalid', 'A reason is required to change the commitment while the cycle runs.'],
    ['committing in a grading cycle', () => history(define(), addKr('kr-1'), addKr('kr-2'), addKr('kr-3')), commit('grading'), on(0), 'OKR.CYCLE_WRONG_STATUS', 'cycle.status', 'precondition', 'you can commit an objective to it only while it is planning or running'],
  ];

  it.each(table)('%s', (_, given, command, context, code, field, category, fragment) => {
    spec.given(given()).when(command, context).thenRejects(code, { category, field, message: expect.stringContaining(fragment) as never });
  });
});
