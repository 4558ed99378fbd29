/** Calendar periods in UTC, for series per month and per quarter. */

export const PERIOD_KINDS = ['month', 'quarter'] as const;
export type PeriodKind = (typeof PERIOD_KINDS)[number];

const DAY_MS = 86_400_000;

/** `2026-03` for an instant or a day in March 2026. */
export const monthOf = (instantOrDay: string): string => instantOrDay.slice(0, 7);

/** `2026-Q1` for an instant or a day in January–March 2026. */
export const quarterOf = (instantOrDay: string): string => `${instantOrDay.slice(0, 4)}-Q${Math.floor((Number(instantOrDay.slice(5, 7)) - 1) / 3) + 1}`;

export const periodOf = (kind: PeriodKind, instantOrDay: string): string => (kind === 'month' ? monthOf(instantOrDay) : quarterOf(instantOrDay));

/** The first instant after the period (`2026-03` → 2026-04-01T00:00:00.000Z). */
export function periodEnd(period: string): string {
  const year = Number(period.slice(0, 4));
  const month = period.includes('Q') ? Number(period.slice(6)) * 3 : Number(period.slice(5, 7));
  return new Date(Date.UTC(year, month, 1)).toISOString();
}

/** Every period from the one holding `from` to the one holding `to`, in order. */
export function periodsBetween(kind: PeriodKind, from: string, to: string): string[] {
  const periods: string[] = [];
  let period = periodOf(kind, from);
  const last = periodOf(kind, to);
  while (period <= last && periods.length < 1200) {
    periods.push(period);
    period = periodOf(kind, periodEnd(period));
  }
  return periods;
}

/** Whole and fractional days from `from` to `to`. */
export const daysBetween = (from: string, to: string): number => (Date.parse(to) - Date.parse(from)) / DAY_MS;

/** The instant `days` after `from`. */
export const addDays = (from: string, days: number): string => new Date(Date.parse(from) + days * DAY_MS).toISOString();

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

export const round = (value: number, places = 3): number => {
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
};
