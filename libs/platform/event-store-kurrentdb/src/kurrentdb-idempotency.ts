import { DuplicateEventIdError, type AppendResult, type NewEvent, type StoredEvent } from '@leerzone/kernel';

/**
 * The rule every adapter follows, applied to the events KurrentDB can show us cheaply:
 * if exactly this batch is already on this stream, in order, the append is done
 * (`written: false`); if only some of its ids are, it is refused.
 *
 * `candidates` are the stored events where an earlier copy of the batch can be: the
 * slot its expected version points at and, for `'any'`, the stream's tail. KurrentDB
 * keeps no index of event ids across streams, so an id reused on another stream, or far
 * back in the same stream, is not found here (see docs/event-stores.md).
 */
export function findAppendedBatch(streamId: string, events: readonly NewEvent[], candidates: readonly StoredEvent[], version: number): AppendResult | undefined {
  const byId = new Map(candidates.map((event) => [event.eventId, event]));
  const found = events.map((event) => byId.get(event.eventId));
  if (found.every((event) => event === undefined)) return undefined;
  const sameBatch =
    found.every((event) => event !== undefined && event.streamId === streamId) &&
    found.every((event, i) => i === 0 || event!.streamPosition === found[i - 1]!.streamPosition + 1);
  if (!sameBatch) throw new DuplicateEventIdError(events[found.findIndex((event) => event !== undefined)]!.eventId);
  const stored = found as StoredEvent[];
  return { nextExpectedVersion: version, lastGlobalPosition: stored[stored.length - 1]!.globalPosition, written: false, events: stored };
}
