import {
  BACKWARDS,
  END,
  FORWARDS,
  KurrentDBClient,
  StreamNotFoundError as KurrentStreamNotFoundError,
  WrongExpectedVersionError,
  jsonEvent,
  streamNameFilter,
  type AllStreamSubscription,
  type Filter,
  type JSONType,
  type ResolvedEvent,
} from '@kurrent/kurrentdb-client';
import {
  AppendSignal,
  ConcurrencyConflictError,
  EventStoreClosedError,
  GENESIS_HASH,
  InvalidArgumentError,
  StreamNotFoundError,
  assertAppend,
  assertStreamId,
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
import { eventHash } from '@leerzone/event-hash';
import { findAppendedBatch } from './kurrentdb-idempotency';
import {
  DEFAULT_NAMESPACE,
  assertNamespace,
  expectedStateFor,
  normaliseConnectionString,
  readFromPosition,
  streamPrefix,
  toEnvelopeMetadata,
  toKurrentEventId,
  toStoredEvent,
  toStreamName,
  type RecordedLike,
} from './kurrentdb-mapping';

export interface KurrentDbEventStoreOptions {
  /** `kurrentdb://host:2113?tls=false` (or `esdb://…`), as the official client reads it. */
  readonly connectionString: string;
  /**
   * A client built by the caller instead, e.g. with a bearer-token credentials provider
   * (which a connection string cannot carry). The store disposes it on close.
   */
  readonly client?: KurrentDBClient;
  /** Streams of this store are named `<namespace>:<streamId>`; `$all` reads see only these. Default `leerzone`. */
  readonly namespace?: string;
  /** Fallback poll of idle subscriptions when no live notification arrives. Default 1000 ms. */
  readonly pollIntervalMs?: number;
  readonly clock?: () => Date;
}

/** An `'any'` append re-reads and retries this often when other writers keep moving the stream. */
const ANY_ATTEMPTS = 20;
const MAX_WAKE_UP_RETRY_MS = 30_000;


/**
 * The event store on KurrentDB (formerly EventStoreDB), through the official gRPC client.
 *
 * Every append names the exact revision it expects, also for `'any'`: the hash chain and
 * the stream positions in the envelope are computed from the stream's last event, so a
 * write that lands after someone else's would be wrong. On a revision mismatch an `'any'`
 * append re-reads and tries again; a numbered one reports the conflict.
 *
 * `$all` is a single log that only ever shows committed events in log order, so a
 * catch-up reader cannot skip past a slower writer here: KurrentDB orders the writes.
 */
export class KurrentDbEventStore implements EventStore {
  private readonly signal = new AppendSignal();
  private readonly subscriptions = new Set<Subscription>();
  private readonly filter: Filter;
  private readonly clock: () => Date;
  private readonly pollIntervalMs: number;
  private wakeUps: AllStreamSubscription | undefined;
  private wakeUpRetryMs = 100;
  private wakeUpTimer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;

  private constructor(
    private readonly client: KurrentDBClient,
    private readonly namespace: string,
    options: KurrentDbEventStoreOptions,
  ) {
    this.filter = streamNameFilter({ prefixes: [streamPrefix(namespace)] });
    this.clock = options.clock ?? (() => new Date());
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
  }

  /** Connects and makes one read, so an unreachable server fails here and not at the first append. */
  static async open(options: KurrentDbEventStoreOptions): Promise<KurrentDbEventStore> {
    const namespace = options.namespace ?? DEFAULT_NAMESPACE;
    assertNamespace(namespace);
    const client = options.client ?? KurrentDBClient.connectionString(normaliseConnectionString(options.connectionString));
    const store = new KurrentDbEventStore(client, namespace, options);
    try {
      await store.headPosition();
    } catch (error) {
      await client.dispose().catch(() => undefined);
      throw error;
    }
    return store;
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreClosedError();
  }

  private stored(resolved: ResolvedEvent | { event?: unknown }): StoredEvent | undefined {
    return resolved.event ? toStoredEvent(this.namespace, resolved.event as RecordedLike) : undefined;
  }

  private async collect(iterable: AsyncIterable<ResolvedEvent>): Promise<StoredEvent[]> {
    const events: StoredEvent[] = [];
    for await (const resolved of iterable) {
      const event = this.stored(resolved);
      if (event) events.push(event);
    }
    return events;
  }

  /** Up to `count` events from `fromPosition` (1-based); [] when the stream does not exist. */
  private async readForward(streamName: string, fromPosition: number, count: number): Promise<StoredEvent[]> {
    try {
      return await this.collect(
        this.client.readStream(streamName, { direction: FORWARDS, fromRevision: BigInt(fromPosition - 1), maxCount: count, requiresLeader: true }),
      );
    } catch (error) {
      if (error instanceof KurrentStreamNotFoundError) return [];
      throw error;
    }
  }

  /** The last `count` events, newest first; [] when the stream does not exist. */
  private async readTail(streamName: string, count: number): Promise<StoredEvent[]> {
    try {
      return await this.collect(this.client.readStream(streamName, { direction: BACKWARDS, fromRevision: END, maxCount: count, requiresLeader: true }));
    } catch (error) {
      if (error instanceof KurrentStreamNotFoundError) return [];
      throw error;
    }
  }

  async append(streamId: string, events: readonly NewEvent[], options: { expectedVersion: ExpectedVersion }): Promise<AppendResult> {
    this.assertOpen();
    const expected = options.expectedVersion;
    assertAppend(streamId, events, expected);
    const streamName = toStreamName(this.namespace, streamId);
    for (let attempt = 1; ; attempt++) {
      const tail = await this.readTail(streamName, expected === 'any' ? events.length : 1);
      const head = tail[0];
      const version = head?.streamPosition ?? 0;
      const candidates = [...tail];
      if (expected !== 'any' && expected < version) candidates.push(...(await this.readForward(streamName, expected + 1, events.length)));
      const before = findAppendedBatch(streamId, events, candidates, version);
      if (before) return before;
      if (expected !== 'any' && expected !== version) throw new ConcurrencyConflictError(streamId, expected, version);
      if (head && head.tenantId !== events[0]!.tenantId) throw new InvalidArgumentError('tenantId', `Stream ${streamId} belongs to another tenant.`);

      const recordedAt = this.clock().toISOString();
      let previousHash = head?.hash ?? GENESIS_HASH;
      const data = events.map((event, index) => {
        const streamPosition = version + index + 1;
        const hash = eventHash(previousHash, streamId, streamPosition, event);
        previousHash = hash;
        return jsonEvent({
          id: toKurrentEventId(event.eventId),
          type: event.type,
          data: event.data as JSONType,
          metadata: toEnvelopeMetadata(event, streamPosition, recordedAt, hash) as unknown as JSONType,
        });
      });
      let moved: boolean;
      try {
        // `success: false` instead of an exception when the connection string says throwOnAppendFailure=false.
        moved = !(await this.client.appendToStream(streamName, data, { streamState: expectedStateFor(version) })).success;
      } catch (error) {
        if (!(error instanceof WrongExpectedVersionError)) throw error;
        moved = true;
      }
      if (moved) {
        // Someone appended in between: decide again on what the stream holds now.
        if (expected !== 'any' || attempt < ANY_ATTEMPTS) continue;
        throw new ConcurrencyConflictError(streamId, version, await this.streamVersion(streamId));
      }
      // The client reports one position per append; read the batch back for each event's own.
      const written = await this.readForward(streamName, version + 1, events.length);
      if (written.length !== events.length || written.some((event, i) => event.eventId !== events[i]!.eventId)) {
        throw new Error(`KurrentDB acknowledged the append to ${streamName} but reading it back did not return the batch.`);
      }
      this.signal.notify();
      return { nextExpectedVersion: version + events.length, lastGlobalPosition: written[written.length - 1]!.globalPosition, written: true, events: written };
    }
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]> {
    this.assertOpen();
    assertStreamId(streamId);
    const { fromPosition, maxCount } = normaliseReadStream(options);
    const streamName = toStreamName(this.namespace, streamId);
    try {
      return await this.collect(this.client.readStream(streamName, { direction: FORWARDS, fromRevision: BigInt(fromPosition - 1), maxCount }));
    } catch (error) {
      if (error instanceof KurrentStreamNotFoundError) throw new StreamNotFoundError(streamId);
      throw error;
    }
  }

  async readAll(options?: ReadAllOptions): Promise<StoredEvent[]> {
    this.assertOpen();
    const { after, limit } = normaliseReadAll(options);
    const events: StoredEvent[] = [];
    // Reads from a position include the event at it: ask for one more and drop it.
    const iterable = this.client.readAll({ direction: FORWARDS, fromPosition: readFromPosition(after), maxCount: after === 0 ? limit : limit + 1, filter: this.filter });
    for await (const resolved of iterable) {
      const event = this.stored(resolved);
      if (!event || event.globalPosition <= after) continue;
      events.push(event);
      if (events.length === limit) break;
    }
    return events;
  }

  async streamVersion(streamId: string): Promise<number> {
    this.assertOpen();
    assertStreamId(streamId);
    const [head] = await this.readTail(toStreamName(this.namespace, streamId), 1);
    return head?.streamPosition ?? 0;
  }

  async headPosition(): Promise<number> {
    this.assertOpen();
    for await (const resolved of this.client.readAll({ direction: BACKWARDS, fromPosition: END, maxCount: 1, filter: this.filter })) {
      const event = this.stored(resolved);
      if (event) return event.globalPosition;
    }
    return 0;
  }

  subscribe(options: SubscribeOptions): Subscription {
    this.assertOpen();
    this.startWakeUps();
    const subscription = startCatchUpSubscription(
      { readAll: (o) => this.readAll(o), headPosition: () => this.headPosition(), signal: this.signal, pollIntervalMs: this.pollIntervalMs },
      options,
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  /**
   * A live KurrentDB subscription to `$all` (filtered to our namespace, from the end)
   * whose only job is to wake the catch-up loops when another process appends. Delivery
   * itself stays with the shared loop, which reads in batches and checkpoints by position.
   */
  private startWakeUps(): void {
    if (this.wakeUps || this.wakeUpTimer || this.closed) return;
    const subscription = this.client.subscribeToAll({ fromPosition: END, filter: this.filter });
    this.wakeUps = subscription;
    const restart = () => {
      if (this.wakeUps !== subscription) return;
      this.wakeUps = undefined;
      if (this.closed) return;
      const delay = this.wakeUpRetryMs;
      this.wakeUpRetryMs = Math.min(delay * 2, MAX_WAKE_UP_RETRY_MS);
      this.wakeUpTimer = setTimeout(() => {
        this.wakeUpTimer = undefined;
        this.startWakeUps();
        // Whatever was appended while the subscription was down is found by the next read.
        this.signal.notify();
      }, delay);
      this.wakeUpTimer.unref();
    };
    subscription.on('data', () => {
      this.wakeUpRetryMs = 100;
      this.signal.notify();
    });
    subscription.on('error', restart);
    subscription.on('close', restart);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    this.closed = true;
    if (this.wakeUpTimer) clearTimeout(this.wakeUpTimer);
    const wakeUps = this.wakeUps;
    this.wakeUps = undefined;
    await wakeUps?.unsubscribe().catch(() => undefined);
    await this.client.dispose();
  }
}
