import type { StoredEvent } from '@leerzone/kernel';
import { StoredEventFactory } from '@leerzone/messaging/testing';

/**
 * Builds one producing service's events with the envelope its store gives them (stream and
 * global positions of that service's own store), as its relay publishes them.
 */
export class SourceEvents {
  private readonly factory: StoredEventFactory;

  constructor(
    readonly source: 'governance' | 'okr' | 'assessment' | 'failure-learning',
    tenantId = 'acme',
  ) {
    this.factory = new StoredEventFactory({ tenantId });
  }

  /** `occurredAt` defaults to the instant in the data's `…At` field the caller names, else a fixed one. */
  event(streamId: string, type: string, data: Record<string, unknown>, occurredAt = '2026-03-01T10:00:00.000Z', overrides: Partial<StoredEvent> = {}): StoredEvent {
    return this.factory.next(streamId, { type, occurredAt, data, ...overrides });
  }
}
