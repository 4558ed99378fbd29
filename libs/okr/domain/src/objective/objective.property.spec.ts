import { beforeEach, describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { isRejection, type CommandContext } from '@leerzone/kernel';
import { testContext } from '@leerzone/kernel/testing';
import type { CycleStatus } from '../cycle/cycle.model';
import type { ObjectiveCommand } from './objective.commands';
import { objectiveDecider } from './objective.decider';
import type { ObjectiveEvent } from './objective.events';
import { MAX_KEY_RESULTS, MIN_KEY_RESULTS } from './objective.model';
import type { ObjectiveState } from './objective.state';
import { ANNA, checkIn, cycle, decrease, DAY, increase, milestone, OBJ, ordinal, TEAM } from './objective.fixtures';


/**
 * Random command sequences on one objective, through the real decider: whatever is accepted
 * or refused, in any order and any cycle status, the invariants below hold after every step.
 */
const statuses = fc.oneof({ arbitrary: fc.constant<CycleStatus>('running'), weight: 3 }, fc.constantFrom<CycleStatus>('planning', 'grading', 'closed'));
const krId = fc.oneof({ arbitrary: fc.constantFrom('kr-1', 'kr-2', 'kr-3'), weight: 3 }, { arbitrary: fc.constantFrom('kr-4', 'kr-5', 'kr-6', 'kr-7'), weight: 1 });
const measure = fc.oneof({ arbitrary: fc.constantFrom<unknown>(increase, decrease, milestone, ordinal), weight: 3 }, { arbitrary: fc.anything(), weight: 1 });
const value = fc.oneof({ arbitrary: fc.integer({ min: -10, max: 100 }), weight: 4 }, { arbitrary: fc.boolean(), weight: 2 }, { arbitrary: fc.constantFrom<unknown>('commit', 'target', 'stretch'), weight: 1 }, { arbitrary: fc.anything(), weight: 1 });

const command: fc.Arbitrary<ObjectiveCommand> = fc.oneof(
  fc.record({ commitment: fc.constantFrom<unknown>('committed', 'aspirational', 'maybe'), status: statuses }).map(
    ({ commitment, status }) =>
      ({ type: 'DefineObjective', data: { objectiveId: OBJ, cycle: cycle(status), level: 'team', owner: { kind: 'team', id: TEAM }, title: 'Clients feel heard', commitment } }) as ObjectiveCommand,
  ),
  fc.record({ id: krId, measure, status: statuses, weight: fc.option(fc.integer({ min: -1, max: 101 }), { nil: undefined }) }).map(
    ({ id, measure: m, status, weight }) =>
      ({ type: 'AddKeyResult', data: { objectiveId: OBJ, cycle: cycle(status), keyResultId: id, title: `Key result ${id}`, measure: m, ...(weight === undefined ? {} : { weight }) } }) as ObjectiveCommand,
  ),
  {
    arbitrary: fc.record({ id: krId, measure, status: statuses }).map(({ id, measure: m, status }) => ({ type: 'RedefineKeyResult', data: { objectiveId: OBJ, cycle: cycle(status), keyResultId: id, measure: m } }) as ObjectiveCommand),
    weight: 2,
  },
  fc.record({ id: krId, status: statuses }).map(({ id, status }) => ({ type: 'RemoveKeyResult', data: { objectiveId: OBJ, cycle: cycle(status), keyResultId: id } }) as ObjectiveCommand),
  statuses.map((status) => ({ type: 'CommitObjectiveToCycle', data: { objectiveId: OBJ, cycle: cycle(status) } }) as ObjectiveCommand),
  {
    arbitrary: fc.record({ n: fc.nat(5), id: krId, value, confidence: fc.integer({ min: -1, max: 11 }) }).map(({ n, id, value: v, confidence }) => checkIn(`ci-${n}`, id, v, confidence) as ObjectiveCommand),
    weight: 4,
  },
  fc.oneof({ arbitrary: fc.constant<CycleStatus>('grading'), weight: 3 }, statuses).map((status) => ({ type: 'GradeObjective', data: { objectiveId: OBJ, cycle: cycle(status) } }) as ObjectiveCommand),
  fc.constantFrom<unknown>('committed', 'aspirational').map((commitment) => ({ type: 'ReviseObjective', data: { objectiveId: OBJ, cycle: cycle('running'), commitment } }) as ObjectiveCommand),
);
const planned = (c: ObjectiveCommand) => ({ command: c, day: 0 });
/** Where a sequence starts: nothing, a draft, a draft with 3 key results, or a committed objective. */
const start = fc.constantFrom(0, 1, 4, 5, 5, 5, 5, 5).map((length) =>
  [
    define(),
    addKr('kr-1', increase),
    addKr('kr-2', decrease),
    addKr('kr-3', milestone),
    { type: 'CommitObjectiveToCycle', data: { objectiveId: OBJ, cycle: cycle('planning') } } as ObjectiveCommand,
  ]
    .slice(0, length)
    .map(planned),
);
const define = (): ObjectiveCommand => ({ type: 'DefineObjective', data: { objectiveId: OBJ, cycle: cycle('planning'), level: 'team', owner: { kind: 'team', id: TEAM }, title: 'Clients feel heard', commitment: 'committed' } });
const addKr = (id: string, m: unknown): ObjectiveCommand => ({ type: 'AddKeyResult', data: { objectiveId: OBJ, cycle: cycle('planning'), keyResultId: id, title: `Key result ${id}`, measure: m } });
const step = fc.record({ command, day: fc.integer({ min: -5, max: 120 }), reason: fc.oneof({ arbitrary: fc.constant('the plan changed'), weight: 3 }, fc.constant(' '), fc.constant(undefined)) });

const sequences = fc.tuple(start, fc.array(step, { maxLength: 40, size: 'medium' })).map(([prefix, rest]) => [...prefix, ...rest]);

/** What the runs of one property reached, so it cannot pass by never getting anywhere. */
type Reach = { committed: number; graded: number; checkedIn: number; goalpostMoved: number; runs: number };
let reached: Reach;
beforeEach(() => {
  reached = { committed: 0, graded: 0, checkedIn: 0, goalpostMoved: 0, runs: 0 };
});
/** Each property runs 100 sequences; each state it speaks about shows up in about 1 in 7 to 2 in 3 of them, so more than 1 in 50 is a safe floor. */
const expectReached = (...states: readonly (keyof Omit<Reach, 'runs'>)[]) => {
  expect(reached.runs).toBeGreaterThanOrEqual(100);
  for (const name of states) expect({ [name]: reached[name] > reached.runs / 50 }).toEqual({ [name]: true });
};

const liveKeyResults = (state: ObjectiveState) => [...state.keyResults.values()].filter((kr) => !kr.removed);

function run(steps: readonly { command: ObjectiveCommand; day: number; reason?: string }[], check: (state: ObjectiveState, previous: ObjectiveState, events: readonly ObjectiveEvent[], command: ObjectiveCommand) => void): void {
  let state = objectiveDecider.initialState;
  reached.runs++;
  const seen = new Set<string>();
  for (const { command: c, day, reason } of steps) {
    const context: CommandContext = testContext({ actor: { id: ANNA, kind: 'user' }, now: DAY(day), ...(reason === undefined ? {} : { reason }) });
    const decision = objectiveDecider.decide(c, state, context);
    // The decider is a function: the same command on the same state decides the same.
    expect(objectiveDecider.decide(c, state, context)).toEqual(decision);
    const events = isRejection(decision) ? [] : decision;
    const previous = state;
    state = events.reduce(objectiveDecider.evolve, state);
    check(state, previous, events, c);
    for (const event of events) {
      if (event.type === 'ObjectiveCommittedToCycle') seen.add('committed');
      if (event.type === 'ObjectiveGraded') seen.add('graded');
      if (event.type === 'KeyResultCheckedIn') seen.add('checkedIn');
      if (event.type === 'KeyResultGoalpostMoved') seen.add('goalpostMoved');
    }
  }
  for (const key of seen) reached[key as keyof typeof reached]++;
}

describe('objective decider under random command sequences', () => {
  it('a committed objective never has fewer than 3 or more than 5 key results', () => {
    fc.assert(
      fc.property(sequences, (steps) =>
        run(steps, (state) => {
          if (state.committedAt !== null) {
            const count = liveKeyResults(state).length;
            expect(count).toBeGreaterThanOrEqual(MIN_KEY_RESULTS);
            expect(count).toBeLessThanOrEqual(MAX_KEY_RESULTS);
          }
        }),
      ),
      { numRuns: 100 },
    );
    expectReached('committed');
  }, 60_000);

  it('a goalpost never moves silently: while the cycle runs, a committed key result’s measure or weight changes only with a recorded move and its reason', () => {
    fc.assert(
      fc.property(sequences, (steps) =>
        run(steps, (state, previous, events, c) => {
          if (previous.committedAt === null || !('cycle' in c.data) || c.data.cycle.status !== 'running') return;
          for (const kr of liveKeyResults(state)) {
            const before = previous.keyResults.get(kr.keyResultId);
            if (before === undefined) continue;
            const moved = JSON.stringify(before.definition.measure) !== JSON.stringify(kr.definition.measure) || before.definition.weight !== kr.definition.weight;
            if (!moved) continue;
            expect(kr.original).toEqual(before.original);
            const move = events.find((e) => e.type === 'KeyResultGoalpostMoved');
            expect(move).toBeDefined();
            expect(kr.moves).toHaveLength(before.moves.length + 1);
            expect(kr.moves[kr.moves.length - 1]!.reason.trim()).not.toBe('');
          }
        }),
      ),
      { numRuns: 100 },
    );
    expectReached('committed', 'goalpostMoved');
  }, 60_000);

  it('a grade is a score between 0 and 1, given only to a committed objective, and every check-in id is used once', () => {
    fc.assert(
      fc.property(sequences, (steps) =>
        run(steps, (state, _previous, events) => {
          if (state.grade !== null) {
            expect(state.committedAt).not.toBeNull();
            expect(state.grade.score).toBeGreaterThanOrEqual(0);
            expect(state.grade.score).toBeLessThanOrEqual(1);
          }
          const checkIns = liveKeyResults(state).flatMap((kr) => kr.checkIns.map((c) => c.checkInId));
          expect(new Set(checkIns).size).toBe(checkIns.length);
          if (events.some((e) => e.type === 'KeyResultCheckedIn')) expect(state.committedAt).not.toBeNull();
        }),
      ),
      { numRuns: 100 },
    );
    expectReached('committed', 'graded', 'checkedIn');
  }, 60_000);
});
