import type { NewEvent } from '../envelope/event-envelope';
import { InvalidArgumentError } from './errors';
import type { ExpectedVersion, ReadAllOptions, ReadStreamOptions } from './event-store.port';

// Shared by every adapter so all of them reject bad input with the same codes and fields.

// `@` too: user ids (EntityId) may be e-mail-like, and some streams are named after a person.
export const STREAM_ID_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._:@-]{0,199}$/;
export const STREAM_ID_RULE = 'A stream id is 1-200 characters of letters, digits and . _ : @ - and starts with a letter or digit.';
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;
export const MAX_READ_BATCH = 10_000;

export function assertStreamId(streamId: unknown): asserts streamId is string {
  if (typeof streamId !== 'string' || !STREAM_ID_PATTERN.test(streamId)) {
    throw new InvalidArgumentError('streamId', STREAM_ID_RULE);
  }
}

const assertNonNegativeInteger = (field: string, value: unknown): void => {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw new InvalidArgumentError(field, `${field} must be a non-negative integer, got ${String(value)}.`);
  }
};

const assertPositiveInteger = (field: string, value: unknown, max = Number.MAX_SAFE_INTEGER): void => {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1 || value > max) {
    throw new InvalidArgumentError(field, `${field} must be an integer from 1 to ${max}, got ${String(value)}.`);
  }
};

export function assertAppend(streamId: unknown, events: readonly NewEvent[], expectedVersion: ExpectedVersion): void {
  assertStreamId(streamId);
  if (expectedVersion !== 'any') assertNonNegativeInteger('expectedVersion', expectedVersion);
  if (!Array.isArray(events) || events.length === 0) {
    throw new InvalidArgumentError('events', 'An append needs at least one event.');
  }
  const ids = new Set<string>();
  events.forEach((event, index) => {
    const at = (field: string) => `events[${index}].${field}`;
    if (typeof event.eventId !== 'string' || event.eventId.length === 0) throw new InvalidArgumentError(at('eventId'), 'Every event needs an id.');
    if (ids.has(event.eventId)) throw new InvalidArgumentError(at('eventId'), `Event id ${event.eventId} appears twice in one batch.`);
    ids.add(event.eventId);
    if (typeof event.type !== 'string' || event.type.length === 0) throw new InvalidArgumentError(at('type'), 'Every event needs a type.');
    assertPositiveInteger(at('schemaVersion'), event.schemaVersion);
    if (typeof event.tenantId !== 'string' || event.tenantId.length === 0) throw new InvalidArgumentError(at('tenantId'), 'Every event belongs to a tenant.');
    if (typeof event.occurredAt !== 'string' || !ISO_INSTANT.test(event.occurredAt)) {
      throw new InvalidArgumentError(at('occurredAt'), 'occurredAt must be an ISO-8601 instant in UTC.');
    }
    if (!event.actor || typeof event.actor.id !== 'string' || event.actor.id.length === 0) throw new InvalidArgumentError(at('actor'), 'Every event records who caused it.');
    if (typeof event.correlationId !== 'string' || event.correlationId.length === 0) throw new InvalidArgumentError(at('correlationId'), 'Every event needs a correlation id.');
    if (typeof event.causationId !== 'string' || event.causationId.length === 0) throw new InvalidArgumentError(at('causationId'), 'Every event needs a causation id.');
    if (event.data === undefined) throw new InvalidArgumentError(at('data'), 'Event data must be JSON.');
  });
  if (events.some((event) => event.tenantId !== events[0]!.tenantId)) {
    throw new InvalidArgumentError('events', 'All events of one append belong to one tenant.');
  }
}

export function normaliseReadStream(options: ReadStreamOptions = {}): { fromPosition: number; maxCount: number } {
  const fromPosition = options.fromPosition ?? 1;
  assertPositiveInteger('fromPosition', fromPosition);
  const maxCount = options.maxCount ?? Number.MAX_SAFE_INTEGER;
  assertPositiveInteger('maxCount', maxCount);
  return { fromPosition, maxCount };
}

export function normaliseReadAll(options: ReadAllOptions = {}): { after: number; limit: number } {
  const after = options.after ?? 0;
  assertNonNegativeInteger('after', after);
  const limit = options.limit ?? 500;
  assertPositiveInteger('limit', limit, MAX_READ_BATCH);
  return { after, limit };
}
