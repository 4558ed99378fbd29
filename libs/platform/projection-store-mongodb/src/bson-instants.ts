/**
 * Instants are stored as BSON dates, so analysts reading MongoDB directly can compare,
 * sort and bucket them with date operators. The port speaks JSON-like values, where an
 * instant is the string `Date.prototype.toISOString()` writes (`2026-03-01T09:30:00.000Z`);
 * the adapter turns exactly that form into a BSON date on the way in — in documents,
 * updates and filters alike, so comparisons keep their meaning — and back into the same
 * string on the way out. The round trip is exact: a string is converted only when
 * `new Date(s).toISOString() === s`, so every other string (a day like `2026-03-01`, a month,
 * an instant with an offset or without milliseconds, a name) stays a string.
 *
 * Not converted: `_id` values (ids stay strings) and `$regex` operands. A `prefix` filter
 * on an instant field therefore matches nothing on MongoDB; query instants with ranges.
 */

const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/;

/** The date a canonical ISO-8601 instant string stands for; undefined for any other string. */
export function canonicalInstant(value: string): Date | undefined {
  if (!INSTANT.test(value)) return undefined;
  const date = new Date(value);
  return !Number.isNaN(date.getTime()) && date.toISOString() === value ? date : undefined;
}

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date) && !(value instanceof RegExp);

const UNTOUCHED_KEYS = new Set(['_id', '$regex', '$options']);

/** A document, update, filter or operation as it is sent to MongoDB: instant strings become dates. */
export function toStored<T>(value: T): T {
  if (typeof value === 'string') return (canonicalInstant(value) ?? value) as T;
  if (Array.isArray(value)) return value.map((item) => toStored(item)) as T;
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[key] = UNTOUCHED_KEYS.has(key) ? inner : toStored(inner);
    return out as T;
  }
  return value;
}

/** A document as MongoDB returns it, back in the port's terms: dates become ISO-8601 strings. */
export function fromStored<T>(value: T): T {
  if (value instanceof Date) return value.toISOString() as T;
  if (Array.isArray(value)) return value.map((item) => fromStored(item)) as T;
  if (isPlainObject(value)) {
    const out: Record<string, unknown> = {};
    for (const [key, inner] of Object.entries(value)) out[key] = fromStored(inner);
    return out as T;
  }
  return value;
}
