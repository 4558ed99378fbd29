import {
  AppendSignal,
  ConcurrencyConflictError,
  StreamNotFoundError,
  assertAppend,
  normaliseReadAll,
  normaliseReadStream,
  startCatchUpSubscription,
  type AppendResult,
  type EventStore,
  type ExpectedVersion,
  type NewEvent,
  type ReadAllOptions,
  type ReadStreamOptions,
  type StoredEvent,
  type SubscribeOptions,
  type Subscription,
} from '@leerzone/kernel';

/**
 * A minimal event store in memory for projection tests: ordering, expected versions and
 * the kernel's catch-up subscription, no durability and no hash chain.
 */
export class InMemoryEventStore implements EventStore {
  readonly events: StoredEvent[] = [];
  private readonly versions = new Map<string, number>();
  private readonly signal = new AppendSignal();
  private readonly subscriptions = new Set<Subscription>();

  async append(streamId: string, events: readonly NewEvent[], options: { expectedVersion: ExpectedVersion }): Promise<AppendResult> {
    assertAppend(streamId, events, options.expectedVersion);
    const version = await this.streamVersion(streamId);
    if (options.expectedVersion !== 'any' && options.expectedVersion !== version) throw new ConcurrencyConflictError(streamId, options.expectedVersion, version);
    const recordedAt = new Date().toISOString();
    const stored = events.map((event, i) => ({
      ...event,
      streamId,
      streamPosition: version + i + 1,
      globalPosition: this.events.length + i + 1,
      recordedAt,
      hash: '',
    }));
    this.events.push(...stored);
    this.versions.set(streamId, version + events.length);
    this.signal.notify();
    return { nextExpectedVersion: version + events.length, lastGlobalPosition: stored[stored.length - 1]!.globalPosition, written: true, events: stored };
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]> {
    const { fromPosition, maxCount } = normaliseReadStream(options);
    const stream = this.events.filter((event) => event.streamId === streamId);
    if (stream.length === 0) throw new StreamNotFoundError(streamId);
    return stream.filter((event) => event.streamPosition >= fromPosition).slice(0, maxCount);
  }

  async readAll(options?: ReadAllOptions): Promise<StoredEvent[]> {
    const { after, limit } = normaliseReadAll(options);
    return this.events.slice(after, after + limit);
  }

  async streamVersion(streamId: string): Promise<number> {
    return this.versions.get(streamId) ?? 0;
  }

  async headPosition(): Promise<number> {
    return this.events.length;
  }

  subscribe(options: SubscribeOptions): Subscription {
    const subscription = startCatchUpSubscription({ readAll: (o) => this.readAll(o), headPosition: () => this.headPosition(), signal: this.signal, pollIntervalMs: 50 }, options);
    this.subscriptions.add(subscription);
    return subscription;
  }

  async close(): Promise<void> {
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
  }
}
