import type { StoredEvent } from '@leerzone/kernel';

/**
 * Makes a consumer's effects idempotent. Every delivery can come again (a crash before
 * the commit, a rebalance, the relay resending its last batch after a restart), but the
 * events of one stream always arrive in stream order, because the partition key is
 * tenant + stream. So a consumer only needs the last stream position it applied per
 * stream: an event at or below it is a repeat. That is one number per stream, not one
 * row per event, and it catches repeats with a new Kafka offset (relay resends) that a
 * per-partition offset would miss.
 *
 * Adapters keep the positions in the same transaction as the effect (see
 * `SqliteInbox` in @leerzone/messaging-sqlite); this one is for in-memory read models,
 * which are rebuilt at start anyway.
 */
export interface Inbox {
  /** Applies `effect` to the events not applied before, then records them; returns those events. */
  handle(consumer: string, events: readonly StoredEvent[], effect: (fresh: readonly StoredEvent[]) => Promise<void> | void): Promise<readonly StoredEvent[]>;
}

/** The events of `events` past the given per-stream positions, and the positions after them. */
export function freshEvents(
  events: readonly StoredEvent[],
  appliedPosition: (streamId: string) => number,
): { fresh: StoredEvent[]; positions: Map<string, number> } {
  const positions = new Map<string, number>();
  const fresh: StoredEvent[] = [];
  for (const event of events) {
    const applied = positions.get(event.streamId) ?? appliedPosition(event.streamId);
    if (event.streamPosition <= applied) continue;
    fresh.push(event);
    positions.set(event.streamId, event.streamPosition);
  }
  return { fresh, positions };
}

export class InMemoryInbox implements Inbox {
  private readonly applied = new Map<string, Map<string, number>>();

  async handle(consumer: string, events: readonly StoredEvent[], effect: (fresh: readonly StoredEvent[]) => Promise<void> | void): Promise<readonly StoredEvent[]> {
    const streams = this.applied.get(consumer) ?? new Map<string, number>();
    this.applied.set(consumer, streams);
    const { fresh, positions } = freshEvents(events, (streamId) => streams.get(streamId) ?? 0);
    if (fresh.length > 0) await effect(fresh);
    positions.forEach((position, streamId) => streams.set(streamId, position));
    return fresh;
  }
}
