import type { Rejection } from '@leerzone/kernel';
import { MS_PER_DAY, reject, startOfIsoDate } from '@leerzone/kernel';

/** A cycle moves forward only: planning → running → grading → closed. */
export const CYCLE_STATUSES = ['planning', 'running', 'grading', 'closed'] as const;
export type CycleStatus = (typeof CYCLE_STATUSES)[number];

/** A cycle is a calendar quarter unless its dates say otherwise. */
export const DEFAULT_CYCLE_MONTHS = 3;
export const MAX_CYCLE_NAME_LENGTH = 120;

/**
 * What an objective needs to know about its cycle. The service reads it from the cycle's
 * stream (`cycleFacts(state)`) and passes it in with every objective command that
 * depends on the cycle's phase or dates; the objective decider never reads it itself.
 */
export interface CycleFacts {
  readonly cycleId: string;
  readonly status: CycleStatus;
  /** First day of the cycle (ISO date). */
  readonly startsOn: string;
  /** Last day of the cycle, inclusive (ISO date). */
  readonly endsOn: string;
}

/** The cycle runs from midnight UTC of its first day to midnight UTC after its last day. */
export function cycleWindow(cycle: Pick<CycleFacts, 'startsOn' | 'endsOn'>): { readonly start: Date; readonly end: Date } {
  return { start: startOfIsoDate(cycle.startsOn), end: new Date(startOfIsoDate(cycle.endsOn).getTime() + MS_PER_DAY) };
}

/** How far through its cycle `moment` is, from 0 (first instant) to 1 (end of the last day), clamped. */
export function elapsedFraction(cycle: Pick<CycleFacts, 'startsOn' | 'endsOn'>, moment: Date): number {
  const { start, end } = cycleWindow(cycle);
  const fraction = (moment.getTime() - start.getTime()) / (end.getTime() - start.getTime());
  return Math.min(1, Math.max(0, fraction));
}

/** Refuses what may happen only in some phases of a cycle, naming the phase it is in. */
export function refuseUnlessStatus(cycleId: string | null, status: CycleStatus, allowed: readonly CycleStatus[], what: string, field: string): Rejection | null {
  if (allowed.includes(status)) return null;
  return reject('precondition', 'OKR.CYCLE_WRONG_STATUS', `Cycle ${cycleId} is ${status}; you can ${what} only while it is ${allowed.join(' or ')}.`, {
    field,
    details: { status, allowed },
  });
}
