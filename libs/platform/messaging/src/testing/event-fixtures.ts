import type { NewEvent, StoredEvent } from '@leerzone/kernel';

let sequence = 0;
const uniqueId = (): string => `${Date.now().toString(36)}-${(sequence++).toString(36).padStart(6, '0')}-${Math.random().toString(36).slice(2, 10)}`;

/**
 * Builds stored events the way a store would number them: stream positions per stream,
 * one global position across all of them. Lets bus tests run without a store.
 */
export class StoredEventFactory {
  private globalPosition = 0;
  private readonly streamPositions = new Map<string, number>();

  constructor(private readonly defaults: Partial<NewEvent> = {}) {}

  next(streamId: string, overrides: Partial<StoredEvent> = {}): StoredEvent {
    const streamPosition = (this.streamPositions.get(streamId) ?? 0) + 1;
    this.streamPositions.set(streamId, streamPosition);
    this.globalPosition++;
    return {
      eventId: uniqueId(),
      type: 'ThingHappened',
      schemaVersion: 1,
      tenantId: 'tenant-a',
      occurredAt: '2026-03-01T10:00:00.000Z',
      actor: { id: 'user-1', kind: 'user' },
      reason: 'because the team asked',
      correlationId: `corr-${this.globalPosition}`,
      causationId: `cause-${this.globalPosition}`,
      traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
      data: { streamId, n: streamPosition, text: 'ünïcødé ✓' },
      metadata: { origin: 'fixture' },
      ...this.defaults,
      streamId,
      streamPosition,
      globalPosition: this.globalPosition,
      recordedAt: '2026-03-01T10:00:00.123Z',
      hash: streamPosition.toString(16).padStart(64, '0'),
      ...overrides,
    };
  }

  /** `perStream` events for each stream, interleaved: s1#1, s2#1, …, s1#2, s2#2, … */
  interleaved(streamIds: readonly string[], perStream: number): StoredEvent[] {
    const events: StoredEvent[] = [];
    for (let n = 0; n < perStream; n++) for (const streamId of streamIds) events.push(this.next(streamId));
    return events;
  }
}
