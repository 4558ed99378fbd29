import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
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

export interface SqliteEventStoreOptions {
  /** A file path, or `:memory:` for a throw-away store. */
  readonly filename: string;
  /** How often an idle subscription looks for appends made by other processes. Default 200 ms. */
  readonly pollIntervalMs?: number;
  readonly clock?: () => Date;
}

interface EventRow {
  global_position: number;
  event_id: string;
  stream_id: string;
  stream_position: number;
  type: string;
  schema_version: number;
  tenant_id: string;
  occurred_at: string;
  recorded_at: string;
  actor: string;
  reason: string | null;
  correlation_id: string;
  causation_id: string;
  traceparent: string | null;
  data: string;
  metadata: string;
  hash: string;
}

const SCHEMA = `
  CREATE TABLE IF NOT EXISTS events (
    global_position INTEGER PRIMARY KEY AUTOINCREMENT,
    event_id        TEXT    NOT NULL UNIQUE,
    stream_id       TEXT    NOT NULL,
    stream_position INTEGER NOT NULL,
    type            TEXT    NOT NULL,
    schema_version  INTEGER NOT NULL,
    tenant_id       TEXT    NOT NULL,
    occurred_at     TEXT    NOT NULL,
    recorded_at     TEXT    NOT NULL,
    actor           TEXT    NOT NULL,
    reason          TEXT,
    correlation_id  TEXT    NOT NULL,
    causation_id    TEXT    NOT NULL,
    traceparent     TEXT,
    data            TEXT    NOT NULL,
    metadata        TEXT    NOT NULL,
    hash            TEXT    NOT NULL,
    UNIQUE (stream_id, stream_position)
  );
  CREATE INDEX IF NOT EXISTS events_by_correlation ON events (correlation_id);
  CREATE INDEX IF NOT EXISTS events_by_tenant_actor ON events (tenant_id, actor, occurred_at);
`;

// One signal per database file, so connections of one process wake each other at once.
const signals = new Map<string, AppendSignal>();

const toStored = (row: EventRow): StoredEvent => ({
  eventId: row.event_id,
  type: row.type,
  schemaVersion: row.schema_version,
  tenantId: row.tenant_id,
  occurredAt: row.occurred_at,
  actor: JSON.parse(row.actor),
  ...(row.reason !== null ? { reason: row.reason } : {}),
  correlationId: row.correlation_id,
  causationId: row.causation_id,
  ...(row.traceparent !== null ? { traceparent: row.traceparent } : {}),
  data: JSON.parse(row.data),
  metadata: JSON.parse(row.metadata),
  streamId: row.stream_id,
  streamPosition: row.stream_position,
  globalPosition: row.global_position,
  recordedAt: row.recorded_at,
  hash: row.hash,
});


/**
 * The embedded event store. WAL lets readers run beside the writer; `synchronous=FULL`
 * makes every acknowledged append durable against power loss, not only against a
 * process crash (see docs/architecture.md, "Durability").
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly signal: AppendSignal;
  private readonly clock: () => Date;
  private readonly pollIntervalMs: number;
  private readonly subscriptions = new Set<Subscription>();
  private closed = false;
  private readonly statements;
  private readonly appendTransaction;

  constructor(options: SqliteEventStoreOptions) {
    if (options.filename !== ':memory:') mkdirSync(dirname(options.filename), { recursive: true });
    this.db = new Database(options.filename);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 10000');
    this.db.exec(SCHEMA);
    this.clock = options.clock ?? (() => new Date());
    this.pollIntervalMs = options.pollIntervalMs ?? 200;
    const key = options.filename === ':memory:' ? `:memory:${Math.random()}` : options.filename;
    this.signal = signals.get(key) ?? new AppendSignal();
    signals.set(key, this.signal);

    this.statements = {
      streamHead: this.db.prepare<[string], Pick<EventRow, 'stream_position' | 'tenant_id' | 'hash'>>(
        'SELECT stream_position, tenant_id, hash FROM events WHERE stream_id = ? ORDER BY stream_position DESC LIMIT 1',
      ),
      byEventId: this.db.prepare<[string], EventRow>('SELECT * FROM events WHERE event_id = ?'),
      insert: this.db.prepare(
        `INSERT INTO events (event_id, stream_id, stream_position, type, schema_version, tenant_id, occurred_at, recorded_at,
           actor, reason, correlation_id, causation_id, traceparent, data, metadata, hash)
         VALUES (@eventId, @streamId, @streamPosition, @type, @schemaVersion, @tenantId, @occurredAt, @recordedAt,
           @actor, @reason, @correlationId, @causationId, @traceparent, @data, @metadata, @hash)`,
      ),
      readStream: this.db.prepare<[string, number, number], EventRow>(
        'SELECT * FROM events WHERE stream_id = ? AND stream_position >= ? ORDER BY stream_position LIMIT ?',
      ),
      readAll: this.db.prepare<[number, number], EventRow>('SELECT * FROM events WHERE global_position > ? ORDER BY global_position LIMIT ?'),
      head: this.db.prepare<[], { head: number | null }>('SELECT MAX(global_position) AS head FROM events'),
    };

    // IMMEDIATE takes the write lock before the version is read, so two writers (also in
    // two processes) cannot both see the same version.
    this.appendTransaction = this.db.transaction((streamId: string, events: readonly NewEvent[], expectedVersion: ExpectedVersion): AppendResult => {
      const previous = this.findAppended(streamId, events);
      if (previous) return previous;
      const head = this.statements.streamHead.get(streamId);
      const version = head?.stream_position ?? 0;
      if (expectedVersion !== 'any' && expectedVersion !== version) throw new ConcurrencyConflictError(streamId, expectedVersion, version);
      if (head && head.tenant_id !== events[0]!.tenantId) {
        throw new InvalidArgumentError('tenantId', `Stream ${streamId} belongs to another tenant.`);
      }
      const recordedAt = this.clock().toISOString();
      let previousHash = head?.hash ?? GENESIS_HASH;
      const stored: StoredEvent[] = events.map((event, index) => {
        const streamPosition = version + index + 1;
        const hash = eventHash(previousHash, streamId, streamPosition, event);
        previousHash = hash;
        const info = this.insertEvent({
          eventId: event.eventId,
          streamId,
          streamPosition,
          type: event.type,
          schemaVersion: event.schemaVersion,
          tenantId: event.tenantId,
          occurredAt: event.occurredAt,
          recordedAt,
          actor: JSON.stringify(event.actor),
          reason: event.reason ?? null,
          correlationId: event.correlationId,
          causationId: event.causationId,
          traceparent: event.traceparent ?? null,
          data: JSON.stringify(event.data),
          metadata: JSON.stringify(event.metadata ?? {}),
          hash,
        });
        return { ...event, metadata: event.metadata ?? {}, streamId, streamPosition, globalPosition: Number(info.lastInsertRowid), recordedAt, hash };
      });
      return { nextExpectedVersion: version + events.length, lastGlobalPosition: stored[stored.length - 1]!.globalPosition, written: true, events: stored };
    });
  }

  /**
   * The stored batch if exactly these ids were appended to this stream before; throws on a
   * partial match. Only the first id is looked up on the common path: a batch whose first
   * id is new but that reuses a later one fails on the UNIQUE index instead.
   */
  private findAppended(streamId: string, events: readonly NewEvent[]): AppendResult | undefined {
    if (this.statements.byEventId.get(events[0]!.eventId) === undefined) return undefined;
    const rows = events.map((event) => this.statements.byEventId.get(event.eventId));
    const sameBatch =
      rows.every((row) => row !== undefined && row.stream_id === streamId) &&
      rows.every((row, i) => i === 0 || row!.stream_position === rows[i - 1]!.stream_position + 1);
    if (!sameBatch) throw new DuplicateEventIdError(events[rows.findIndex((row) => row !== undefined)]!.eventId);
    const stored = rows.map((row) => toStored(row!));
    const version = this.statements.streamHead.get(streamId)!.stream_position;
    return { nextExpectedVersion: version, lastGlobalPosition: stored[stored.length - 1]!.globalPosition, written: false, events: stored };
  }

  private insertEvent(row: Record<string, unknown>): Database.RunResult {
    try {
      return this.statements.insert.run(row);
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' && String((error as Error).message).includes('events.event_id')) {
        throw new DuplicateEventIdError(String(row['eventId']));
      }
      throw error;
    }
  }

  private assertOpen(): void {
    if (this.closed) throw new EventStoreClosedError();
  }

  async append(streamId: string, events: readonly NewEvent[], options: { expectedVersion: ExpectedVersion }): Promise<AppendResult> {
    this.assertOpen();
    assertAppend(streamId, events, options.expectedVersion);
    const result = this.appendTransaction.immediate(streamId, events, options.expectedVersion);
    if (result.written) this.signal.notify();
    return result;
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]> {
    this.assertOpen();
    assertStreamId(streamId);
    const { fromPosition, maxCount } = normaliseReadStream(options);
    const rows = this.statements.readStream.all(streamId, fromPosition, Math.min(maxCount, Number.MAX_SAFE_INTEGER));
    if (rows.length === 0 && !this.statements.streamHead.get(streamId)) throw new StreamNotFoundError(streamId);
    return rows.map(toStored);
  }

  async readAll(options?: ReadAllOptions): Promise<StoredEvent[]> {
    this.assertOpen();
    const { after, limit } = normaliseReadAll(options);
    return this.statements.readAll.all(after, limit).map(toStored);
  }

  async streamVersion(streamId: string): Promise<number> {
    this.assertOpen();
    assertStreamId(streamId);
    return this.statements.streamHead.get(streamId)?.stream_position ?? 0;
  }

  async headPosition(): Promise<number> {
    this.assertOpen();
    return this.statements.head.get()?.head ?? 0;
  }

  subscribe(options: SubscribeOptions): Subscription {
    this.assertOpen();
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
    this.db.close();
  }
}
