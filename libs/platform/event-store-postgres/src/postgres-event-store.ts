import { createHash } from 'node:crypto';
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
  eventHashInput,
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
  /**
   * Test seam: runs inside the append transaction after the rows are inserted and before
   * COMMIT, to widen the window in which a slow transaction holds global positions.
   */
  readonly beforeCommit?: () => Promise<void>;
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

interface AppendState {
  global_head: string;
  stream_version: string | null;
  stream_tenant: string | null;
  stream_hash: string | null;
  known: number;
}

const UNIQUE_VIOLATION = '23505';

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

const sha256Hex = (input: string): string => createHash('sha256').update(input).digest('hex');

/**
 * The event store on PostgreSQL.
 *
 * Global order: every append takes one transaction-scoped advisory lock per schema before
 * it reads anything, assigns global positions as MAX+1 under that lock and releases it at
 * COMMIT. PostgreSQL makes a transaction visible before it releases its locks, so the next
 * append can only assign positions after the previous one is visible (or rolled back).
 * Hence any snapshot sees a gap-free prefix 1..n of the global order: a catch-up reader
 * that has seen position n can never later find a smaller position appear, and positions
 * stay contiguous because a rolled-back append consumes none. The price is that appends
 * to one schema run one at a time; batching (many events per append) is the lever for
 * throughput, as the benchmark in docs/performance.md shows.
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
      await client.query(`BEGIN; SELECT pg_advisory_xact_lock(${appendLockKey(schema)});`);
      await client.query(schemaDdl(schema));
      await client.query('COMMIT');
    } finally {
      await client.end().catch(() => undefined);
    }
    const pool = new pg.Pool({ connectionString: options.connectionString, max: options.poolSize ?? 10, application_name: 'leerzone-event-store' });
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
    const client = await this.pool.connect();
    let broken = false;
    let result: AppendResult;
    try {
      // One round trip; the lock is a separate statement so the reads below take their
      // snapshot after it is granted and see every append that finished before.
      await client.query(`BEGIN; SELECT pg_advisory_xact_lock(${this.lockKey});`);
      result = await this.appendLocked(client, streamId, events, options.expectedVersion);
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK').catch(() => {
        broken = true;
      });
      throw await this.translate(error, streamId, events, options.expectedVersion);
    } finally {
      client.release(broken);
    }
    if (result.written) this.signal.notify();
    return result;
  }

  private async appendLocked(client: pg.PoolClient, streamId: string, events: readonly NewEvent[], expectedVersion: ExpectedVersion): Promise<AppendResult> {
    const ids = events.map((e) => e.eventId);
    const { rows } = await client.query<AppendState>(
      `SELECT (SELECT COALESCE(MAX(global_position), 0) FROM ${this.table}) AS global_head,
              h.stream_position AS stream_version, h.tenant_id AS stream_tenant, h.hash AS stream_hash,
              (SELECT COUNT(*)::int FROM ${this.table} WHERE event_id = ANY($2::text[])) AS known
         FROM (SELECT 1) AS one
         LEFT JOIN LATERAL (SELECT stream_position, tenant_id, hash FROM ${this.table}
                             WHERE stream_id = $1 ORDER BY stream_position DESC LIMIT 1) AS h ON true`,
      [streamId, ids],
    );
    const state = rows[0]!;
    const version = state.stream_version === null ? 0 : Number(state.stream_version);
    if (state.known > 0) return this.appendedBefore(client, streamId, events, version);
    if (expectedVersion !== 'any' && expectedVersion !== version) throw new ConcurrencyConflictError(streamId, expectedVersion, version);
    if (state.stream_tenant !== null && state.stream_tenant !== events[0]!.tenantId) {
      throw new InvalidArgumentError('tenantId', `Stream ${streamId} belongs to another tenant.`);
    }

    const recordedAt = this.clock().toISOString();
    const globalHead = Number(state.global_head);
    let previousHash = state.stream_hash ?? GENESIS_HASH;
    const stored: StoredEvent[] = events.map((event, index) => {
      const streamPosition = version + index + 1;
      const hash = sha256Hex(eventHashInput(previousHash, streamId, streamPosition, event));
      previousHash = hash;
      return { ...event, metadata: event.metadata ?? {}, streamId, streamPosition, globalPosition: globalHead + index + 1, recordedAt, hash };
    });
    const column = <T>(pick: (e: StoredEvent) => T): T[] => stored.map(pick);
    await client.query(
      `WITH inserted AS (
         INSERT INTO ${this.table} (global_position, event_id, stream_id, stream_position, type, schema_version, tenant_id, occurred_at,
                                    recorded_at, actor, reason, correlation_id, causation_id, traceparent, data, metadata, hash)
         SELECT u.g, u.e, $15, u.p, u.ty, u.sv, $16, u.oa, $17, u.ac::jsonb, u.re, u.co, u.ca, u.tp, u.da::json, u.md::json, u.h
           FROM unnest($1::bigint[], $2::text[], $3::bigint[], $4::text[], $5::int[], $6::text[], $7::text[], $8::text[], $9::text[],
                       $10::text[], $11::text[], $12::text[], $13::text[], $14::text[])
             AS u(g, e, p, ty, sv, oa, ac, re, co, ca, tp, da, md, h)
         RETURNING global_position)
       SELECT pg_notify($18, MAX(global_position)::text) FROM inserted`,
      [
        column((e) => e.globalPosition),
        column((e) => e.eventId),
        column((e) => e.streamPosition),
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
        streamId,
        events[0]!.tenantId,
        recordedAt,
        this.channel,
      ],
    );
    if (this.options.beforeCommit) await this.options.beforeCommit();
    return { nextExpectedVersion: version + events.length, lastGlobalPosition: stored[stored.length - 1]!.globalPosition, written: true, events: stored };
  }

  /** Same rule as every adapter: exactly this batch on this stream before → done; any other overlap → refused. */
  private async appendedBefore(client: pg.PoolClient, streamId: string, events: readonly NewEvent[], version: number): Promise<AppendResult> {
    const { rows } = await client.query<EventRow>(`SELECT * FROM ${this.table} WHERE event_id = ANY($1::text[])`, [events.map((e) => e.eventId)]);
    const byId = new Map(rows.map((row) => [row.event_id, row]));
    const inOrder = events.map((event) => byId.get(event.eventId));
    const sameBatch =
      inOrder.every((row) => row !== undefined && row.stream_id === streamId) &&
      inOrder.every((row, i) => i === 0 || Number(row!.stream_position) === Number(inOrder[i - 1]!.stream_position) + 1);
    if (!sameBatch) throw new DuplicateEventIdError(events[inOrder.findIndex((row) => row !== undefined)]!.eventId);
    const stored = inOrder.map((row) => toStored(row!));
    return { nextExpectedVersion: version, lastGlobalPosition: stored[stored.length - 1]!.globalPosition, written: false, events: stored };
  }

  /**
   * The constraints back up the lock: they only fire if something writes to the table
   * without taking it (another tool, a hand-written INSERT). Report those in our terms.
   */
  private async translate(error: unknown, streamId: string, events: readonly NewEvent[], expectedVersion: ExpectedVersion): Promise<unknown> {
    if (!(error instanceof pg.DatabaseError) || error.code !== UNIQUE_VIOLATION) return error;
    if (error.constraint === 'events_event_id_key') return new DuplicateEventIdError(events[0]!.eventId);
    if (error.constraint === 'events_stream_position_key') {
      const actual = await this.streamVersion(streamId).catch(() => -1);
      return new ConcurrencyConflictError(streamId, expectedVersion === 'any' ? -1 : expectedVersion, actual);
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
    await this.listener?.stop();
    await this.pool.end();
  }
}
