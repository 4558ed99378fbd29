import { MS_PER_DAY, startOfIsoDate, wholeDaysBetween } from '@leerzone/kernel';
import type { ReflectionState } from './reflection.state';

export interface ReflectionSchedule {
  /** YYYY-MM-DD of the next reflection moment on the cadence. */
  readonly nextOn: string;
  /** Today is that day or later. */
  readonly due: boolean;
  /** Whole days past the moment; 0 while not overdue. */
  readonly daysOverdue: number;
  /** Where the next review's window starts: the last review's start, or null for the first. */
  readonly reportsSince: string | null;
}

/**
 * The next moment on the team's fixed cadence after its last review: moments fall on
 * startsOn + k × everyWeeks weeks; a review on any day covers the moments up to that day.
 */
export function reflectionSchedule(state: ReflectionState, now: Date): ReflectionSchedule | null {
  if (!state.cadence) return null;
  const start = startOfIsoDate(state.cadence.startsOn).getTime();
  const period = state.cadence.everyWeeks * 7 * MS_PER_DAY;
  const last = state.reviews.at(-1);
  let next = start;
  if (last) {
    const lastDay = startOfIsoDate(last.startedAt.slice(0, 10)).getTime();
    if (lastDay >= start) next = start + (Math.floor((lastDay - start) / period) + 1) * period;
  }
  const today = startOfIsoDate(now.toISOString().slice(0, 10)).getTime();
  return {
    nextOn: new Date(next).toISOString().slice(0, 10),
    due: today >= next,
    daysOverdue: today > next ? wholeDaysBetween(new Date(next), new Date(today)) : 0,
    reportsSince: last?.startedAt ?? null,
  };
}
