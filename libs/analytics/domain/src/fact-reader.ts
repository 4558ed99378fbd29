/**
 * The small reading kit every "facts" reader of analytics uses: analytics reads other
 * services' published events by its own description of them (their events docs), checks
 * only the fields it uses, and refuses — never guesses — when one is missing or odd.
 */

export type FactErrorCode = 'ANALYTICS.UNSUPPORTED_EVENT_VERSION' | 'ANALYTICS.INVALID_EVENT';

/** An event analytics should understand but cannot: wrong version or shape. Dead-lettered, never guessed at. */
export class FactError extends Error {
  readonly code: FactErrorCode;
  constructor(
    code: FactErrorCode,
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = 'FactError';
    this.code = code;
  }
}

/** The envelope fields a reader needs. */
export interface PublishedEvent {
  readonly type: string;
  readonly schemaVersion: number;
  readonly data: unknown;
}

/** Where an event sits in its producer's history: enough to cite it and link to it. */
export interface EventRef {
  readonly eventId: string;
  readonly streamId: string;
  readonly streamPosition: number;
}

/** The audit API's history of the event's stream, from the event on. */
export const historyLink = (ref: EventRef): string => `/api/audit/streams/${encodeURIComponent(ref.streamId)}/events?fromPosition=${ref.streamPosition}`;

export function checkVersion(event: PublishedEvent, versions: readonly number[]): void {
  if (!versions.includes(event.schemaVersion)) {
    throw new FactError('ANALYTICS.UNSUPPORTED_EVENT_VERSION', 'schemaVersion', `${event.type} version ${event.schemaVersion} is not understood here (version ${versions.join(' or ')} is).`);
  }
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Field accessors over an event's data (or a nested object of it), each naming `data.<path>` when it refuses. */
export class Fields {
  private readonly data: Record<string, unknown>;
  constructor(
    private readonly type: string,
    data: unknown,
    private readonly path = 'data',
  ) {
    this.data = isRecord(data) ? data : {};
  }

  private fail(field: string, why: string): never {
    throw new FactError('ANALYTICS.INVALID_EVENT', `${this.path}.${field}`, `${this.type} needs ${field} ${why}.`);
  }

  has(field: string): boolean {
    return this.data[field] !== undefined && this.data[field] !== null;
  }

  text(field: string): string {
    const value = this.data[field];
    if (typeof value !== 'string' || value.length === 0) this.fail(field, 'as a non-empty string');
    return value;
  }

  optionalText(field: string): string | null {
    return this.data[field] === null || this.data[field] === undefined ? null : this.text(field);
  }

  /** An id analytics uses as a key inside a document: no dots, no leading `$`. */
  key(field: string): string {
    const value = this.text(field);
    if (value.includes('.') || value.startsWith('$')) this.fail(field, 'without dots or a leading "$" (it is used as a field name)');
    return value;
  }

  /** A canonical ISO-8601 instant (`toISOString()`), the form every service writes. */
  instant(field: string): string {
    const value = this.text(field);
    const time = Date.parse(value);
    if (Number.isNaN(time) || new Date(time).toISOString() !== value) this.fail(field, 'as an ISO-8601 UTC instant');
    return value;
  }

  day(field: string): string {
    const value = this.text(field);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) this.fail(field, 'as a date YYYY-MM-DD');
    return value;
  }

  number(field: string): number {
    const value = this.data[field];
    if (typeof value !== 'number' || !Number.isFinite(value)) this.fail(field, 'as a number');
    return value;
  }

  numberIn(field: string, min: number, max: number): number {
    const value = this.number(field);
    if (value < min || value > max) this.fail(field, `between ${min} and ${max} (not ${value})`);
    return value;
  }

  /** A whole number, at least `min` (a count, a threshold). */
  integer(field: string, min = 0): number {
    const value = this.number(field);
    if (!Number.isInteger(value) || value < min) this.fail(field, `as a whole number of at least ${min} (not ${value})`);
    return value;
  }

  boolean(field: string): boolean {
    const value = this.data[field];
    if (typeof value !== 'boolean') this.fail(field, 'as true or false');
    return value;
  }

  oneOf<T extends string>(field: string, values: readonly T[]): T {
    const value = this.text(field);
    if (!(values as readonly string[]).includes(value)) this.fail(field, `as one of ${values.join(', ')} (not "${value}")`);
    return value as T;
  }

  object(field: string): Fields {
    if (!isRecord(this.data[field])) this.fail(field, 'as an object');
    return new Fields(this.type, this.data[field], `${this.path}.${field}`);
  }

  optionalObject(field: string): Fields | null {
    return this.data[field] === null || this.data[field] === undefined ? null : this.object(field);
  }

  array(field: string): unknown[] {
    const value = this.data[field];
    if (!Array.isArray(value)) this.fail(field, 'as a list');
    return value;
  }
}
