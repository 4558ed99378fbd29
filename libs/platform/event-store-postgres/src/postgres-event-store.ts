import pg from 'pg';
import {
  AppendSignal,
  ConcurrencyConflictError,
  DuplicateEventIdError,
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
import { NotificationListener } from './notification-listener';
import { DEFAULT_SCHEMA, appendLockKey, assertSchemaName, notifyChannel, quoteIdentifier, schemaDdl } from './postgres-schema';

export interface PostgresEventStoreOptions {
  /** `postgres://user:password@host:port/database` (any form `pg` accepts). */
  readonly connectionString: string;
  /** The PostgreSQL schema holding the `events` table; created on open. Default `event_store`. */
  readonly schema?: string;
  /** Connections in the pool. Default 10. */
  readonly poolSize?: number;
  /**
   * How often an idle subscription looks for new events when no notification arrives.
   * LISTEN/NOTIFY normally wakes it at once; this is the fallback. Default 1000 ms.
   */
  readonly pollIntervalMs?: number;
  /** How long `open` waits for its first connection. Default 10 000 ms. */
  readonly connectTimeoutMs?: number;
  /** Use LISTEN/NOTIFY for live subscriptions. Default true. */
  readonly listen?: boolean;
  readonly clock?: () => Date;
}

interface EventRow {
  global_position: string;
  event_id: string;
  stream_id: string;
  stream_position: string;
  type: string;
  schema_version: number;
  tenant_id: string;
  occurred_at: string;
  recorded_at: string;
  actor: StoredEvent['actor'];
  reason: string | null;
  correlation_id: string;
  causation_id: string;
  traceparent: string | null;
  data: unknown;
  metadata: Record<string, unknown>;
  hash: string;
}

interface StreamHead {
  stream_position: string;
  tenant_id: string;
  hash: string;
}

const UNIQUE_VIOLATION = '23505';
/** What `write` returns when the INSERT found one of the event ids stored already. */
const ID_EXISTS = Symbol('event id exists');
/** Bounds of one `append_many` call (the writes of one turn of the event loop beyond them go in further calls). */
const MAX_WRITES_PER_CALL = 256;
const MAX_EVENTS_PER_CALL = 10_000;

/** An append's rows, numbered and hashed, ready to be sent. */
interface PreparedWrite {
  readonly streamId: string;
  readonly version: number;
  readonly tenantId: string;
  readonly recordedAt: string;
  readonly stored: readonly Omit<StoredEvent, 'globalPosition'>[];
}
/** The first global position written, null when the stream was no longer at the version, or ID_EXISTS. */
type WriteOutcome = string | null | typeof ID_EXISTS;
interface QueuedWrite {
  readonly write: PreparedWrite;
  readonly resolve: (outcome: WriteOutcome) => void;
  readonly reject: (error: unknown) => void;
}

const isEventIdViolation = (error: unknown): boolean =>
  error instanceof pg.DatabaseError && error.code === UNIQUE_VIOLATION && error.constraint === 'events_event_id_key';

/** The per-event columns both append functions take, in their order. */
const eventColumns = (column: <T>(pick: (e: Omit<StoredEvent, 'globalPosition'>) => T) => T[]): unknown[] => [
  column((e) => e.eventId),
  column((e) => e.type),
  column((e) => e.schemaVersion),
  column((e) => e.occurredAt),
  column((e) => JSON.stringify(e.actor)),
  column((e) => e.reason ?? null),
  column((e) => e.correlationId),
  column((e) => e.causationId),
  column((e) => e.traceparent ?? null),
  column((e) => JSON.stringify(e.data)),
  column((e) => JSON.stringify(e.metadata)),
  column((e) => e.hash),
];
const INSUFFICIENT_PRIVILEGE = '42501';

const storeExists = async (client: pg.Client, schema: string): Promise<boolean> => {
  const { rows } = await client.query<{ ok: boolean }>(
    `SELECT to_regclass($1) IS NOT NULL AND to_regproc($2) IS NOT NULL AS ok`,
    [`${quoteIdentifier(schema)}.events`, `${quoteIdentifier(schema)}.append_events`],
  );
  return rows[0]?.ok === true;
};
/** An `'any'` append re-reads and retries this often when other writers keep moving its stream. */
const ANY_ATTEMPTS = 50;
/** Stream heads this store remembers from its own appends. */
const HEAD_CACHE_SIZE = 10_000;

const toStored = (row: EventRow): StoredEvent => ({
  eventId: row.event_id,
  type: row.type,
  schemaVersion: row.schema_version,
  tenantId: row.tenant_id,
  occurredAt: row.occurred_at,
  actor: row.actor,
  ...(row.reason !== null ? { reason: row.reason } : {}),
  correlationId: row.correlation_id,
  causationId: row.causation_id,
  ...(row.traceparent !== null ? { traceparent: row.traceparent } : {}),
  data: row.data,
  metadata: row.metadata,
  streamId: row.stream_id,
  streamPosition: Number(row.stream_position),
  globalPosition: Number(row.global_position),
  recordedAt: row.recorded_at,
  hash: row.hash,
});


/**
 * The event store on PostgreSQL.
 *
 * Global order: the write of every append is one transaction (one call of the
 * `append_events` function) that first takes a transaction-scoped advisory lock (one per
 * schema), then inserts with global positions MAX+1…, computed by a statement that starts
 * after the lock is granted, and releases the lock at COMMIT. PostgreSQL makes a
 * transaction visible before it releases its locks, so the next append can only number
 * its events after the previous one is visible (or rolled back). Hence any snapshot sees a gap-free prefix 1..n of the global order: a catch-up
 * reader that has seen position n never finds a smaller position appear later, and a
 * rolled-back append consumes no numbers. The price is that the writes to one schema run
 * one at a time; they hold the lock only for the server's own work (the function runs in
 * one round trip), and batching events per append is the lever for throughput
 * (docs/performance.md).
 *
 * Expected version and tenant are decided on the stream's head, read before the write;
 * the function re-checks under the lock that the stream is still at that version and
 * inserts nothing otherwise; an id that exists fails its INSERT on the unique index (the
 * call is rolled back whole). Then the append looks the ids up (exactly this batch stored
 * before: done, `written: false`; some of them: refused) or, if the stream merely moved,
 * reads and decides again.
 */
export class PostgresEventStore implements EventStore {
  private readonly signal = new AppendSignal();
  private readonly subscriptions = new Set<Subscription>();
  private readonly table: string;
  private readonly lockKey: string;
  private readonly channel: string;
  private readonly clock: () => Date;
  private readonly pollIntervalMs: number;
  private listener: NotificationListener | undefined;
  private readonly heads = new Map<string, StreamHead>();
  private queuedWrites: QueuedWrite[] = [];
  private readonly appending = new Set<Promise<void>>();
  private closed = false;

  private constructor(
    private readonly pool: pg.Pool,
    private readonly options: PostgresEventStoreOptions,
    private readonly schema: string,
  ) {
    this.table = `${quoteIdentifier(schema)}.events`;
    this.lockKey = appendLockKey(schema);
    this.channel = notifyChannel(schema);
    this.clock = options.clock ?? (() => new Date());
    this.pollIntervalMs = options.pollIntervalMs ?? 1000;
  }

  /** Connects and creates the schema and table if they do not exist yet. */
  static async open(options: PostgresEventStoreOptions): Promise<PostgresEventStore> {
    const schema = options.schema ?? DEFAULT_SCHEMA;
    assertSchemaName(schema);
    // A first connection of its own, with a timeout, so an unreachable server fails here
    // and not at the first append; the pool itself waits as long as appends queue.
    const client = new pg.Client({ connectionString: options.connectionString, connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000 });
    client.on('error', () => undefined);
    try {
      await client.connect();
      try {
        await client.query(`BEGIN; SELECT pg_advisory_xact_lock(${appendLockKey(schema)});`);
        await client.query(schemaDdl(schema));
        await client.query('COMMIT');
      } catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        // A role without DDL rights (a reader, an operator's account) may use a store that exists.
        if (!(error instanceof pg.DatabaseError && error.code === INSUFFICIENT_PRIVILEGE && (await storeExists(client, schema)))) throw error;
      }
    } finally {
      await client.end().catch(() => undefined);
    }
    const pool = new pg.Pool({
      connectionString: options.connectionString,
      max: options.poolSize ?? 10,
      application_name: 'leerzone-event-store',
      // append_events needs READ COMMITTED (a fresh snapshot per statement), whatever the server's default.
      options: '-c default_transaction_isolation=read\\ committed',
    });
    // An idle connection that the server drops must not crash the process; the next checkout reconnects.
    pool.on('error', () => undefined);
    return new PostgresEventStore(pool, options, schema);
  }

  /** Whether the LISTEN connection is up (false before the first subscription and while reconnecting). */
  isListening(): boolean {
    return this.listener?.isListening() ?? false;
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreClosedError();
  }

  async append(streamId: string, events: readonly NewEvent[], options: { expectedVersion: ExpectedVersion }): Promise<AppendResult> {
    this.assertOpen();
    assertAppend(streamId, events, options.expectedVersion);
    // close() lets appends it finds under way finish (head reads, the write, any retry) before the pool goes.
    let done!: () => void;
    const appending = new Promise<void>((resolve) => (done = resolve));
    this.appending.add(appending);
    try {
      return await this.appendChecked(streamId, events, options.expectedVersion);
    } finally {
      this.appending.delete(appending);
      done();
    }
  }

  private async appendChecked(streamId: string, events: readonly NewEvent[], expected: ExpectedVersion): Promise<AppendResult> {
    // The ids are looked up only when something is off: the write re-checks them under the
    // lock anyway, and on the common path they are new.
    for (let attempt = 1; ; attempt++) {
      // A head this store wrote itself is proposed without a read when it matches what the
      // caller expects; if another process moved the stream meanwhile, the write inserts
      // nothing and the next attempt reads.
      const cached = attempt === 1 ? this.heads.get(streamId) : undefined;
      const head = cached && (expected === 'any' || expected === Number(cached.stream_position)) ? cached : await this.streamHead(streamId);
      const version = head ? Number(head.stream_position) : 0;
      if (expected !== 'any' && expected !== version) {
        if (await this.anyKnown(events)) return this.appendedBefore(streamId, events);
        throw new ConcurrencyConflictError(streamId, expected, version);
      }
      if (head && head.tenant_id !== events[0]!.tenantId) {
        if (await this.anyKnown(events)) return this.appendedBefore(streamId, events);
        throw new InvalidArgumentError('tenantId', `Stream ${streamId} belongs to another tenant.`);
      }
      const written = await this.write(streamId, events, version, head?.hash ?? GENESIS_HASH);
      // An id exists: exactly this batch on this stream → done before; anything else → refused.
      if (written === ID_EXISTS) return this.appendedBefore(streamId, events);
      if (written) {
        this.rememberHead(streamId, written.events[written.events.length - 1]!);
        this.signal.notify();
        return written;
      }
      this.heads.delete(streamId);
      // Nothing was inserted: the stream moved since it was read (or, by another path, the ids exist).
      if (await this.anyKnown(events)) return this.appendedBefore(streamId, events);
      if (expected === 'any' && attempt >= ANY_ATTEMPTS) throw new ConcurrencyConflictError(streamId, version, await this.streamVersion(streamId));
    }
  }

  private rememberHead(streamId: string, last: StoredEvent): void {
    this.heads.delete(streamId);
    this.heads.set(streamId, { stream_position: String(last.streamPosition), tenant_id: last.tenantId, hash: last.hash });
    // Map iteration is insertion order: drop the least recently written stream.
    if (this.heads.size > HEAD_CACHE_SIZE) this.heads.delete(this.heads.keys().next().value!);
  }

  private async streamHead(streamId: string): Promise<StreamHead | undefined> {
    const { rows } = await this.pool.query<StreamHead>({
      name: `leerzone-stream-head-${this.schema}`,
      text: `SELECT stream_position, tenant_id, hash FROM ${this.table} WHERE stream_id = $1 ORDER BY stream_position DESC LIMIT 1`,
      values: [streamId],
    });
    return rows[0];
  }

  private async anyKnown(events: readonly NewEvent[]): Promise<boolean> {
    const { rows } = await this.pool.query({
      name: `leerzone-known-ids-${this.schema}`,
      text: `SELECT 1 FROM unnest($1::text[]) AS id(event_id) JOIN ${this.table} AS e ON e.event_id = id.event_id LIMIT 1`,
      values: [events.map((e) => e.eventId)],
    });
    return rows.length > 0;
  }

  /**
   * The write half of an append: positions and hashes computed here, then one round trip
   * (see postgres-schema.ts): lock, re-check, number and insert, notify; committed on
   * return, so the lock is held for the server's own work only, never across the network.
   * Writes made in the same turn of the event loop (commands in flight) go together in one
   * call of `append_many`. Returns undefined when the re-check failed.
   */
  private async write(streamId: string, events: readonly NewEvent[], version: number, headHash: string): Promise<AppendResult | typeof ID_EXISTS | undefined> {
    const recordedAt = this.clock().toISOString();
    let previousHash = headHash;
    const stored = events.map((event, index): Omit<StoredEvent, 'globalPosition'> => {
      const streamPosition = version + index + 1;
      const hash = eventHash(previousHash, streamId, streamPosition, event);
      previousHash = hash;
      return { ...event, metadata: event.metadata ?? {}, streamId, streamPosition, recordedAt, hash };
    });
    const first = await this.submit({ streamId, version, tenantId: events[0]!.tenantId, recordedAt, stored });
    if (first === ID_EXISTS) return ID_EXISTS;
    if (first === null) return undefined;
    const appended = stored.map((event, index) => ({ ...event, globalPosition: Number(first) + index }));
    return { nextExpectedVersion: version + events.length, lastGlobalPosition: appended[appended.length - 1]!.globalPosition, written: true, events: appended };
  }

  /** Queues a write for the next turn of the event loop; resolves to its first global position, null (stream moved) or ID_EXISTS. */
  private submit(write: PreparedWrite): Promise<WriteOutcome> {
    return new Promise<WriteOutcome>((resolve, reject) => {
      this.queuedWrites.push({ write, resolve, reject });
      if (this.queuedWrites.length === 1) setImmediate(() => this.flushWrites());
    });
  }

  private flushWrites(): void {
    while (this.queuedWrites.length > 0) {
      let count = 0;
      let events = 0;
      while (count < this.queuedWrites.length && count < MAX_WRITES_PER_CALL && (count === 0 || events + this.queuedWrites[count]!.write.stored.length <= MAX_EVENTS_PER_CALL)) {
        events += this.queuedWrites[count]!.write.stored.length;
        count++;
      }
      const group = this.queuedWrites.splice(0, count);
      void this.sendGroup(group).catch((error: unknown) => group.forEach((q) => q.reject(error)));
    }
  }

  private async sendGroup(group: readonly QueuedWrite[]): Promise<void> {
    if (group.length === 1) {
      await this.sendOne(group[0]!.write).then(group[0]!.resolve, group[0]!.reject);
      return;
    }
    const writes = group.map((q) => q.write);
    const events = writes.flatMap((w) => w.stored);
    const column = <T>(pick: (e: Omit<StoredEvent, 'globalPosition'>) => T): T[] => events.map(pick);
    let firsts: (string | null)[];
    try {
      const { rows } = await this.pool.query<{ firsts: (string | null)[] }>({
        name: `leerzone-append-many-${this.schema}`,
        text: `SELECT ${quoteIdentifier(this.schema)}.append_many($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19) AS firsts`,
        values: [
          this.lockKey,
          this.channel,
          writes.map((w) => w.streamId),
          writes.map((w) => w.version),
          writes.map((w) => w.tenantId),
          writes.map((w) => w.recordedAt),
          writes.map((w) => w.stored.length),
          ...eventColumns(column),
        ],
      });
      firsts = rows[0]!.firsts;
    } catch (error) {
      if (isEventIdViolation(error)) {
        // Some id exists (a retry, or two appends of one batch in this group): the call was rolled
        // back whole; each write decides on its own.
        await Promise.all(group.map((q) => this.sendOne(q.write).then(q.resolve, q.reject)));
        return;
      }
      await Promise.all(group.map(async (q) => q.reject(await this.translate(error, q.write.streamId, q.write.version))));
      return;
    }
    group.forEach((q, i) => q.resolve(firsts[i] ?? null));
  }

  /** One write alone: one call of `append_events`. */
  private async sendOne(write: PreparedWrite): Promise<WriteOutcome> {
    const column = <T>(pick: (e: Omit<StoredEvent, 'globalPosition'>) => T): T[] => write.stored.map(pick);
    const call = {
      name: `leerzone-append-${this.schema}`,
      text: `SELECT ${quoteIdentifier(this.schema)}.append_events($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18) AS first`,
      values: [this.lockKey, this.channel, write.streamId, write.version, write.tenantId, write.recordedAt, ...eventColumns(column)],
    };
    try {
      return (await this.pool.query<{ first: string | null }>(call)).rows[0]!.first;
    } catch (error) {
      if (isEventIdViolation(error)) return ID_EXISTS;
      throw await this.translate(error, write.streamId, write.version);
    }
  }

  /** Same rule as every adapter: exactly this batch on this stream before → done; any other overlap → refused. */
  private async appendedBefore(streamId: string, events: readonly NewEvent[]): Promise<AppendResult> {
    const { rows } = await this.pool.query<EventRow>(`SELECT * FROM ${this.table} WHERE event_id = ANY($1::text[])`, [events.map((e) => e.eventId)]);
    const byId = new Map(rows.map((row) => [row.event_id, row]));
    const inOrder = events.map((event) => byId.get(event.eventId));
    const sameBatch =
      inOrder.every((row) => row !== undefined && row.stream_id === streamId) &&
      inOrder.every((row, i) => i === 0 || Number(row!.stream_position) === Number(inOrder[i - 1]!.stream_position) + 1);
    if (!sameBatch) throw new DuplicateEventIdError(events[inOrder.findIndex((row) => row !== undefined)]!.eventId);
    const stored = inOrder.map((row) => toStored(row!));
    return { nextExpectedVersion: await this.streamVersion(streamId), lastGlobalPosition: stored[stored.length - 1]!.globalPosition, written: false, events: stored };
  }

  /**
   * The stream-position constraint backs up the lock: it only fires if something writes to
   * the table without taking it (another tool, a hand-written INSERT). Report it in our terms.
   */
  private async translate(error: unknown, streamId: string, version: number): Promise<unknown> {
    if (!(error instanceof pg.DatabaseError) || error.code !== UNIQUE_VIOLATION) return error;
    if (error.constraint === 'events_stream_position_key') {
      const actual = await this.streamVersion(streamId).catch(() => -1);
      return new ConcurrencyConflictError(streamId, version, actual);
    }
    return error;
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]> {
    this.assertOpen();
    assertStreamId(streamId);
    const { fromPosition, maxCount } = normaliseReadStream(options);
    const { rows } = await this.pool.query<EventRow>(
      `SELECT * FROM ${this.table} WHERE stream_id = $1 AND stream_position >= $2 ORDER BY stream_position LIMIT $3`,
      [streamId, fromPosition, maxCount],
    );
    if (rows.length === 0 && (await this.streamVersion(streamId)) === 0) throw new StreamNotFoundError(streamId);
    return rows.map(toStored);
  }

  async readAll(options?: ReadAllOptions): Promise<StoredEvent[]> {
    this.assertOpen();
    const { after, limit } = normaliseReadAll(options);
    const { rows } = await this.pool.query<EventRow>(`SELECT * FROM ${this.table} WHERE global_position > $1 ORDER BY global_position LIMIT $2`, [after, limit]);
    return rows.map(toStored);
  }

  async streamVersion(streamId: string): Promise<number> {
    this.assertOpen();
    assertStreamId(streamId);
    const { rows } = await this.pool.query<{ v: string | null }>(`SELECT MAX(stream_position) AS v FROM ${this.table} WHERE stream_id = $1`, [streamId]);
    return Number(rows[0]?.v ?? 0);
  }

  async headPosition(): Promise<number> {
    this.assertOpen();
    const { rows } = await this.pool.query<{ head: string | null }>(`SELECT MAX(global_position) AS head FROM ${this.table}`);
    return Number(rows[0]?.head ?? 0);
  }

  subscribe(options: SubscribeOptions): Subscription {
    this.assertOpen();
    if (this.options.listen !== false && !this.listener) {
      this.listener = new NotificationListener(
        { connectionString: this.options.connectionString, application_name: `leerzone-event-store-listener:${this.schema}` },
        this.channel,
        () => this.signal.notify(),
      );
      this.listener.start();
    }
    const subscription = startCatchUpSubscription(
      { readAll: (o) => this.readAll(o), headPosition: () => this.headPosition(), signal: this.signal, pollIntervalMs: this.pollIntervalMs },
      options,
    );
    this.subscriptions.add(subscription);
    return subscription;
  }

  async close(): Promise<void> {
    if (this.closed) return;
    await Promise.all([...this.subscriptions].map((s) => s.stop()));
    this.closed = true;
    // Appends already accepted are written and settled before the pool goes.
    while (this.appending.size > 0) await Promise.allSettled([...this.appending]);
    await this.listener?.stop();
    await this.pool.end();
  }
}
