import type { CommandContext, SealedValue } from '@leerzone/kernel';
import { isRejection } from '@leerzone/kernel';
import { testContext } from '@leerzone/kernel/testing';
import type { CycleFacts, CycleStatus } from '../cycle/cycle.model';
import type { CheckInOnKeyResult, ObjectiveCommand } from './objective.commands';
import { objectiveDecider } from './objective.decider';
import type { ObjectiveEvent } from './objective.events';
import { DEFAULT_STATUS_THRESHOLDS } from './progress';

/**
 * Shared givens for the objective specs. The cycle runs 100 days, 2026-01-01 to 2026-04-10
 * inclusive, so every tenth day is a tenth of the expected line: DAY(50) is halfway.
 */
export const OBJ = 'obj-1';
export const TEAM = 'team-a';
export const ANNA = 'user-anna';
export const cycle = (status: CycleStatus = 'running', cycleId = 'cycle-q1'): CycleFacts => ({ cycleId, status, startsOn: '2026-01-01', endsOn: '2026-04-10' });
export const DAY = (n: number): Date => new Date(Date.UTC(2026, 0, 1) + n * 24 * 60 * 60 * 1000);
export const on = (day: number, extra: Partial<CommandContext> = {}): Partial<CommandContext> => ({ actor: { id: ANNA, kind: 'user' }, now: DAY(day), ...extra });

export const sealed = (data: string, subject = ANNA): SealedValue => ({ $sealed: { subject, keyId: `key-${subject}`, alg: 'A256GCM', iv: 'aXY=', data, tag: 'dGFn' } });

export const increase = { kind: 'numeric', start: 40, target: 60, unit: 'NPS', direction: 'increase-to' } as const;
export const decrease = { kind: 'numeric', start: 20, target: 10, unit: 'days', direction: 'decrease-to' } as const;
export const milestone = { kind: 'milestone' } as const;
export const ordinal = { kind: 'ordinal', levels: { commit: 'Pilot in one district', target: 'Three districts', stretch: 'Whole city' } } as const;

/**
 * A fixture built on first use and kept for the rest of the file. Build histories and states with it, not at module
 * or describe level: a refused step then fails the tests that use it instead of the whole file at collection.
 */
export function lazy<T>(build: () => T): () => T {
  let built: { value: T } | undefined;
  return () => (built ??= { value: build() }).value;
}

export type Step = ObjectiveCommand | readonly [ObjectiveCommand, Partial<CommandContext>];

/** Runs commands through the decider and returns every event they produced; a refusal fails the fixture loudly. */
export function history(...steps: readonly Step[]): ObjectiveEvent[] {
  const events: ObjectiveEvent[] = [];
  for (const step of steps) {
    const [command, extra] = Array.isArray(step) ? (step as readonly [ObjectiveCommand, Partial<CommandContext>]) : [step as ObjectiveCommand, on(0)];
    const state = events.reduce(objectiveDecider.evolve, objectiveDecider.initialState);
    const decision = objectiveDecider.decide(command, state, testContext(extra));
    if (isRejection(decision)) throw new Error(`Fixture step ${command.type} was refused: ${decision.code} ${decision.message}`);
    events.push(...decision);
  }
  return events;
}

export const define = (commitment: 'committed' | 'aspirational' = 'committed', status: CycleStatus = 'planning'): ObjectiveCommand => ({
  type: 'DefineObjective',
  data: { objectiveId: OBJ, cycle: cycle(status), level: 'team', owner: { kind: 'team', id: TEAM }, title: 'Clients feel heard', commitment },
});
export const addKr = (keyResultId: string, measure: unknown = increase, weight?: number, status: CycleStatus = 'planning'): ObjectiveCommand => ({
  type: 'AddKeyResult',
  data: { objectiveId: OBJ, cycle: cycle(status), keyResultId, title: `Key result ${keyResultId}`, measure, ...(weight === undefined ? {} : { weight }) },
});
export const commit = (status: CycleStatus = 'planning'): ObjectiveCommand => ({ type: 'CommitObjectiveToCycle', data: { objectiveId: OBJ, cycle: cycle(status) } });

export const checkIn = (checkInId: string, keyResultId: string, value: unknown, confidence = 7, extra: Partial<CheckInOnKeyResult['data']> = {}): CheckInOnKeyResult => ({
  type: 'CheckInOnKeyResult',
  data: { objectiveId: OBJ, cycle: cycle('running'), checkInId, keyResultId, value, confidence, thresholds: DEFAULT_STATUS_THRESHOLDS, actorRelation: 'member', ...extra },
});

/** A committed team objective (committed in planning): kr-1 increase 40→60 NPS, kr-2 decrease 20→10 days, kr-3 milestone. */
export const runningSteps = (commitment: 'committed' | 'aspirational' = 'committed'): Step[] => [
  define(commitment),
  addKr('kr-1', increase),
  addKr('kr-2', decrease),
  addKr('kr-3', milestone),
  commit(),
];
export const running = (commitment: 'committed' | 'aspirational' = 'committed'): ObjectiveEvent[] => history(...runningSteps(commitment));

/** The decision itself, for specs that check part of an event. */
export const decide = (given: readonly ObjectiveEvent[], command: ObjectiveCommand, extra: Partial<CommandContext> = on(0)) =>
  objectiveDecider.decide(command, given.reduce(objectiveDecider.evolve, objectiveDecider.initialState), testContext(extra));
