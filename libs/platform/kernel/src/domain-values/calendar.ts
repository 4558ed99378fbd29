/**
 * Calendar arithmetic in UTC. The domain never reads a clock: every "now" is passed in.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;

/** A calendar date `YYYY-MM-DD` that exists (no 2026-02-30). */
export function isIsoDate(value: unknown): value is string {
  if (typeof value !== 'string') return false;
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // setUTCFullYear rather than Date.UTC, which reads the years 0-99 as 1900-1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** Parses an ISO-8601 instant with an explicit zone; null when it is not one. */
export function parseInstant(value: unknown): Date | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value;
  if (typeof value !== 'string' || !ISO_INSTANT.test(value)) return null;
  // Date would move a day that does not exist (30 February) into the next month.
  if (!isIsoDate(value.slice(0, 10))) return null;
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

/** Same day-of-month `months` later, clamped to the month's end (31 Jan + 1 month = 28/29 Feb). */
export function addMonths(date: Date, months: number): Date {
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const result = new Date(date.getTime());
  result.setUTCFullYear(year, month, Math.min(date.getUTCDate(), lastDay));
  return result;
}

/** Whole calendar months from `from` to `to` (0 when `to` is before `from + 1 month`). */
export function wholeMonthsBetween(from: Date, to: Date): number {
  if (to.getTime() < from.getTime()) return 0;
  let months = (to.getUTCFullYear() - from.getUTCFullYear()) * 12 + (to.getUTCMonth() - from.getUTCMonth());
  while (months > 0 && addMonths(from, months).getTime() > to.getTime()) months--;
  return months;
}

export const MS_PER_DAY = 24 * 60 * 60 * 1000;

export function wholeDaysBetween(from: Date, to: Date): number {
  return Math.max(0, Math.floor((to.getTime() - from.getTime()) / MS_PER_DAY));
}

/** Midnight UTC at the start of an ISO date. */
export const startOfIsoDate = (isoDate: string): Date => new Date(`${isoDate}T00:00:00.000Z`);

/** The calendar period (UTC) an instant falls in, as a comparable key. */
export function periodKey(period: 'month' | 'quarter' | 'year', date: Date): string {
  const year = date.getUTCFullYear();
  const month = date.getUTCMonth();
  if (period === 'year') return `${year}`;
  if (period === 'quarter') return `${year}-Q${Math.floor(month / 3) + 1}`;
  return `${year}-${String(month + 1).padStart(2, '0')}`;
}
