import type { Actor } from '@leerzone/kernel';

/**
 * The part of a StoredEvent the time-travel functions need. StoredEvents (already upcast by
 * the service) fit it as they are; `occurredAt` is the moment the fact happened.
 */
export interface HistoricalEvent {
  readonly type: string;
  readonly data: unknown;
  readonly occurredAt: string;
  readonly actor?: Actor;
  readonly reason?: string;
  readonly streamPosition?: number;
  readonly eventId?: string;
}

/**
 * The events that had happened by `asOf` (inclusive), in stream order. Filtering on
 * occurredAt rather than cutting the stream at the first later event keeps a state that
 * is faithful to "what had happened by then" even when writers' clocks differ slightly.
 */
export function eventsAsOf<E extends HistoricalEvent>(events: readonly E[], asOf: Date): E[] {
  const limit = asOf.getTime();
  if (Number.isNaN(limit)) throw new RangeError('asOf is not a valid date.');
  return events.filter((event) => new Date(event.occurredAt).getTime() <= limit);
}

export function foldAs<E extends { readonly type: string }, S>(
  events: readonly HistoricalEvent[],
  isKnown: (event: { readonly type: string }) => boolean,
  aggregate: string,
  initial: S,
  evolve: (state: S, event: E) => S,
): S {
  return events.reduce((state, event) => {
    if (!isKnown(event)) throw new Error(`${event.type} is not a ${aggregate} event; was the wrong stream passed in?`);
    return evolve(state, { type: event.type, data: event.data } as unknown as E);
  }, initial);
}
