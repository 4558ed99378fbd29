import type { NewEvent, StoredEvent } from '../envelope/event-envelope';
import {
  ConcurrencyConflictError,
  DuplicateEventIdError,
  EventStoreClosedError,
  InvalidArgumentError,
  StreamNotFoundError,
} from '../event-store/errors';
import type { AppendResult, EventStore, ExpectedVersion, ReadAllOptions, ReadStreamOptions, SubscribeOptions, Subscription } from '../event-store/event-store.port';
import { assertAppend, assertStreamId, normaliseReadAll, normaliseReadStream } from '../event-store/validation';
import { GENESIS_HASH, eventHashInput } from '../integrity/event-hash';
import { AppendSignal } from '../subscription/append-signal';
import { startCatchUpSubscription } from '../subscription/catch-up-subscription';
import { sha256Hex } from './sha256';

/**
 * What in-memory stores share: the events and the signal of new ones. Stores opened over
 * the same storage see each other's writes, and a store closed and opened again keeps
 * everything — as a file or a server would.
 */
export class InMemoryEventStorage {
  readonly events: StoredEvent[] = [];
  readonly streams = new Map<string, StoredEvent[]>();
  readonly byEventId = new Map<string, StoredEvent>();
  readonly signal = new AppendSignal();
}

export interface InMemoryEventStoreOptions {
  /** Share one storage between stores (two writers, close and reopen); a fresh one by default. */
  readonly storage?: InMemoryEventStorage;
  /** The store's clock for recorded-at; the wall clock by default. */
  readonly clock?: () => Date;
  readonly pollIntervalMs?: number;
}

/**
 * The event store in memory, for tests of everything built on the port: it passes the same
 * contract suite as the real adapters (expected versions, idempotent appends, one tenant per
 * stream, the hash chain, catch-up subscriptions), without durability beyond the process.
 */
export class InMemoryEventStore implements EventStore {
  private readonly storage: InMemoryEventStorage;
  private readonly clock: () => Date;
  private readonly pollIntervalMs: number;
  private readonly subscriptions = new Set<Subscription>();
  private closed = false;

  constructor(options: InMemoryEventStoreOptions = {}) {
    this.storage = options.storage ?? new InMemoryEventStorage();
    this.clock = options.clock ?? (() => new Date());
    this.pollIntervalMs = options.pollIntervalMs ?? 50;
  }

  /** Every stored event in global order (read-only; tests inspect it). */
  get events(): readonly StoredEvent[] {
    return this.storage.events;
  }

  // Synchronous from the check of the expected version to the write: two appends to one
  // stream cannot interleave, as the real stores guarantee with a transaction or a lock.
  async append(streamId: string, events: readonly NewEvent[], options: { expectedVersion: ExpectedVersion }): Promise<AppendResult> {
    this.assertOpen();
    assertAppend(streamId, events, options.expectedVersion);
    const previous = this.findAppended(streamId, events);
    if (previous) return previous;
    const stream = this.storage.streams.get(streamId) ?? [];
    const version = stream.length;
    if (options.expectedVersion !== 'any' && options.expectedVersion !== version) throw new ConcurrencyConflictError(streamId, options.expectedVersion, version);
    if (stream.length > 0 && stream[0]!.tenantId !== events[0]!.tenantId) throw new InvalidArgumentError('tenantId', `Stream ${streamId} belongs to another tenant.`);
    const reused = events.find((event) => this.storage.byEventId.has(event.eventId));
    if (reused) throw new DuplicateEventIdError(reused.eventId);

    const recordedAt = this.clock().toISOString();
    let previousHash = stream[stream.length - 1]?.hash ?? GENESIS_HASH;
    const stored = events.map((event, i): StoredEvent => {
      const streamPosition = version + i + 1;
      const hash = sha256Hex(eventHashInput(previousHash, streamId, streamPosition, event));
      previousHash = hash;
      return { ...event, metadata: event.metadata ?? {}, streamId, streamPosition, globalPosition: this.storage.events.length + i + 1, recordedAt, hash };
    });
    this.storage.events.push(...stored);
    this.storage.streams.set(streamId, [...stream, ...stored]);
    for (const event of stored) this.storage.byEventId.set(event.eventId, event);
    this.storage.signal.notify();
    return { nextExpectedVersion: version + events.length, lastGlobalPosition: stored[stored.length - 1]!.globalPosition, written: true, events: stored };
  }

  /** The stored batch if exactly these ids were appended to this stream before; throws on a partial match. */
  private findAppended(streamId: string, events: readonly NewEvent[]): AppendResult | undefined {
    if (!this.storage.byEventId.has(events[0]!.eventId)) return undefined;
    const found = events.map((event) => this.storage.byEventId.get(event.eventId));
    const sameBatch = found.every((event, i) => event !== undefined && event.streamId === streamId && (i === 0 || event.streamPosition === found[i - 1]!.streamPosition + 1));
    if (!sameBatch) throw new DuplicateEventIdError(events[found.findIndex((event) => event !== undefined)]!.eventId);
    const stored = found as StoredEvent[];
    return { nextExpectedVersion: this.storage.streams.get(streamId)!.length, lastGlobalPosition: stored[stored.length - 1]!.globalPosition, written: false, events: stored };
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]> {
    this.assertOpen();
    assertStreamId(streamId);
    const { fromPosition, maxCount } = normaliseReadStream(options);
    const stream = this.storage.streams.get(streamId);
    if (!stream) throw new StreamNotFoundError(streamId);
    return stream.slice(fromPosition - 1, Math.min(stream.length, fromPosition - 1 + maxCount));
  }

  async readAll(options?: ReadAllOptions): Promise<StoredEvent[]> {
    this.assertOpen();
    const { after, limit } = normaliseReadAll(options);
    return this.storage.events.slice(after, after + limit);
  }

  async streamVersion(streamId: string): Promise<number> {
    this.assertOpen();
    return this.storage.streams.get(streamId)?.length ?? 0;
  }

  async headPosition(): Promise<number> {
    this.assertOpen();
    return this.storage.events.length;
  }

  subscribe(options: SubscribeOptions): Subscription {
    this.assertOpen();
    const subscription = startCatchUpSubscription(
      { readAll: (o) => this.readAll(o), headPosition: () => this.headPosition(), signal: this.storage.signal, pollIntervalMs: this.pollIntervalMs },
      options,
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.all([...this.subscriptions].map((subscription) => subscription.stop()));
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreClosedError();
  }
}
