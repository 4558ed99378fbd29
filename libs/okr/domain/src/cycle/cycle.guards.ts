import type { CommandContext, Decision, Rejection } from '@leerzone/kernel';
import { reject } from '@leerzone/kernel';
import type { CycleEvent } from './cycle.events';
import type { CycleStatus } from './cycle.model';
import { refuseUnlessStatus } from './cycle.model';
import type { CycleState } from './cycle.state';

export type CycleRule<Command> = (command: Command, state: CycleState, ctx: CommandContext) => Decision<CycleEvent>;

export function requireCycle(state: CycleState, cycleId: string): Rejection | null {
  if (!state.exists || state.cycleId !== cycleId) return reject('not-found', 'OKR.CYCLE_NOT_FOUND', `Cycle ${cycleId} does not exist.`, { field: 'cycleId' });
  return null;
}

export const requireStatus = (state: CycleState, allowed: readonly CycleStatus[], what: string): Rejection | null =>
  refuseUnlessStatus(state.cycleId, state.status, allowed, what, 'cycleId');
