import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import {
  AppendSignal,
  ConcurrencyConflictError,
  DuplicateEventIdError,
  EventStoreClosedError,
  EventStoreError,
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

/**
 * SQLite's answers that say the store cannot write now — the disk is full, the file or its
 * directory went read-only, an I/O error, the lock held past the busy timeout — not that the
 * append was wrong. They become `EVENT_STORE.UNAVAILABLE` (answered 503: try again later);
 * nothing of the append is on disk (it was rolled back).
 */
const UNAVAILABLE = /^SQLITE_(FULL|READONLY|IOERR|CANTOPEN|BUSY|LOCKED|NOMEM|PROTOCOL)/;

export const storeUnavailable = (error: unknown): unknown => {
  const code = (error as { code?: unknown }).code;
  if (typeof code !== 'string' || !UNAVAILABLE.test(code)) return error;
  return new EventStoreError('EVENT_STORE.UNAVAILABLE', `The event store cannot write right now (${code}); nothing of this append was written. Try again shortly.`, undefined, { cause: code });
};

export interface SqliteEventStoreOptions {
  /** A file path, or `:memory:` for a throw-away store. */
  readonly filename: string;
  /** How often an idle subscription looks for appends made by other processes. Default 200 ms. */
  readonly pollIntervalMs?: number;
  readonly clock?: () => Date;
  /**
   * Group commit: appends that arrive together (in one turn of the event loop) share one
   * durable transaction, at most this many appends per transaction. Each is still checked
   * against its own expected version in a savepoint of its own, and each promise settles
   * only after the shared COMMIT returned (WAL fsynced, synchronous=FULL). Default 256;
   * 1 turns grouping off (one transaction per append).
   */
  readonly maxAppendsPerCommit?: number;
  /** A transaction is closed once its appends hold this many events (the group goes on in the next one). Default 10 000. */
  readonly maxEventsPerCommit?: number;
  /** Called after each durable commit with how many appends and events it held (metrics, tests). */
  readonly onCommit?: (commit: { readonly appends: number; readonly events: number }) => void;
}

interface PendingAppend {
  readonly streamId: string;
  readonly events: readonly NewEvent[];
  readonly expectedVersion: ExpectedVersion;
  readonly resolve: (result: AppendResult) => void;
  readonly reject: (error: unknown) => void;
}

type Outcome = { readonly result: AppendResult } | { readonly error: unknown };

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

// Reads of many events fetch rows as arrays (better-sqlite3's raw mode): about 1.2 µs an event
// less than a keyed object per row, on every catch-up, relay and rebuild (docs/performance.md).
// The columns are named, never `*`, so their order cannot change under the decoder.
const EVENT_COLUMNS =
  'global_position, event_id, stream_id, stream_position, type, schema_version, tenant_id, occurred_at, recorded_at, actor, reason, correlation_id, causation_id, traceparent, data, metadata, hash';
type EventTuple = [number, string, string, number, string, number, string, string, string, string, string | null, string, string, string | null, string, string, string];

const tupleToStored = (row: EventTuple): StoredEvent => {
  const event: { -readonly [K in keyof StoredEvent]: StoredEvent[K] } = {
    eventId: row[1],
    type: row[4],
    schemaVersion: row[5],
    tenantId: row[6],
    occurredAt: row[7],
    actor: JSON.parse(row[9]),
  } as StoredEvent;
  if (row[10] !== null) event.reason = row[10];
  event.correlationId = row[11];
  event.causationId = row[12];
  if (row[13] !== null) event.traceparent = row[13];
  event.data = JSON.parse(row[14]);
  event.metadata = JSON.parse(row[15]);
  event.streamId = row[2];
  event.streamPosition = row[3];
  event.globalPosition = row[0];
  event.recordedAt = row[8];
  event.hash = row[16];
  return event;
};

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

const positiveInteger = (field: string, value: number): number => {
  if (!Number.isInteger(value) || value < 1) throw new InvalidArgumentError(field, `${field} must be a positive integer; got ${value}.`);
  return value;
};

const withResolvers = (): { promise: Promise<void>; resolve: () => void } => {
  let resolve!: () => void;
  const promise = new Promise<void>((r) => (resolve = r));
  return { promise, resolve };
};

/**
 * The embedded event store. WAL lets readers run beside the writer; `synchronous=FULL`
 * makes every acknowledged append durable against power loss, not only against a
 * process crash (see docs/architecture.md, "Durability").
 *
 * Group commit: `append` queues its batch and the queue is written at the next turn of the
 * event loop, so appends made while the previous commit was on disk (many commands in
 * flight) share one IMMEDIATE transaction and one fsync. Each append runs in a savepoint
 * of its own inside it: its version check, tenant check and idempotency look-up see the
 * appends before it in the group, and one that fails is rolled back to its savepoint and
 * rejected alone. Every promise settles after the COMMIT returned; if the COMMIT itself
 * fails, all of the group is rejected and none of it is on disk.
 */
export class SqliteEventStore implements EventStore {
  private readonly db: Database.Database;
  private readonly signal: AppendSignal;
  private readonly clock: () => Date;
  private readonly pollIntervalMs: number;
  private readonly maxAppendsPerCommit: number;
  private readonly maxEventsPerCommit: number;
  private readonly onCommit: SqliteEventStoreOptions['onCommit'];
  private readonly subscriptions = new Set<Subscription>();
  private closed = false;
  private readonly statements;
  private readonly appendOne;
  private readonly appendGroup;
  private queue: PendingAppend[] = [];
  private flushScheduled = false;
  private drained: { promise: Promise<void>; resolve: () => void } | undefined;

  constructor(options: SqliteEventStoreOptions) {
    if (options.filename !== ':memory:') mkdirSync(dirname(options.filename), { recursive: true });
    this.db = new Database(options.filename);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 10000');
    this.db.exec(SCHEMA);
    this.clock = options.clock ?? (() => new Date());
    this.pollIntervalMs = options.pollIntervalMs ?? 200;
    this.maxAppendsPerCommit = positiveInteger('maxAppendsPerCommit', options.maxAppendsPerCommit ?? 256);
    this.maxEventsPerCommit = positiveInteger('maxEventsPerCommit', options.maxEventsPerCommit ?? 10_000);
    this.onCommit = options.onCommit;
    const key = options.filename === ':memory:' ? `:memory:${Math.random()}` : options.filename;
    this.signal = signals.get(key) ?? new AppendSignal();
    signals.set(key, this.signal);

    this.statements = {
      streamHead: this.db.prepare<[string], Pick<EventRow, 'stream_position' | 'tenant_id' | 'hash'>>(
        'SELECT stream_position, tenant_id, hash FROM events WHERE stream_id = ? ORDER BY stream_position DESC LIMIT 1',
      ),
      idKnown: this.db.prepare<[string], { one: number }>('SELECT 1 AS one FROM events WHERE event_id = ?'),
      byEventId: this.db.prepare<[string], EventRow>('SELECT * FROM events WHERE event_id = ?'),
      insert: this.db.prepare<unknown[]>(
        `INSERT INTO events (event_id, stream_id, stream_position, type, schema_version, tenant_id, occurred_at, recorded_at,
           actor, reason, correlation_id, causation_id, traceparent, data, metadata, hash)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ),
      readStream: this.db
        .prepare<[string, number, number], EventTuple>(
          `SELECT ${EVENT_COLUMNS} FROM events WHERE stream_id = ? AND stream_position >= ? ORDER BY stream_position LIMIT ?`,
        )
        .raw(true),
      readAll: this.db
        .prepare<[number, number], EventTuple>(`SELECT ${EVENT_COLUMNS} FROM events WHERE global_position > ? ORDER BY global_position LIMIT ?`)
        .raw(true),
      head: this.db.prepare<[], { head: number | null }>('SELECT MAX(global_position) AS head FROM events'),
    };

    // Called inside appendGroup, better-sqlite3 runs it as a savepoint: a throw rolls back
    // this append only.
    this.appendOne = this.db.transaction((pending: PendingAppend): AppendResult => this.write(pending.streamId, pending.events, pending.expectedVersion));
    // IMMEDIATE takes the write lock before any version is read, so two writers (also in
    // two processes) cannot both see the same version.
    this.appendGroup = this.db.transaction((group: readonly PendingAppend[]): Outcome[] => {
      // Alone in its transaction an append needs no savepoint: a throw rolls all of it back.
      if (group.length === 1) return [{ result: this.write(group[0]!.streamId, group[0]!.events, group[0]!.expectedVersion) }];
      return group.map((pending) => {
        try {
          return { result: this.appendOne(pending) };
        } catch (error) {
          // SQLite rolled the whole transaction back (I/O error, disk full): the group fails as one.
          if (!this.db.inTransaction) throw error;
          return { error };
        }
      });
    });
  }

  private write(streamId: string, events: readonly NewEvent[], expectedVersion: ExpectedVersion): AppendResult {
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
    const stored = new Array<StoredEvent>(events.length);
    for (let index = 0; index < events.length; index++) {
      const event = events[index]!;
      const streamPosition = version + index + 1;
      const hash = eventHash(previousHash, streamId, streamPosition, event);
      previousHash = hash;
      const metadata = event.metadata ?? {};
      const globalPosition = this.insertEvent(event.eventId, [
        event.eventId,
        streamId,
        streamPosition,
        event.type,
        event.schemaVersion,
        event.tenantId,
        event.occurredAt,
        recordedAt,
        JSON.stringify(event.actor),
        event.reason ?? null,
        event.correlationId,
        event.causationId,
        event.traceparent ?? null,
        JSON.stringify(event.data),
        JSON.stringify(metadata),
        hash,
      ]);
      stored[index] = {
        eventId: event.eventId,
        type: event.type,
        schemaVersion: event.schemaVersion,
        tenantId: event.tenantId,
        occurredAt: event.occurredAt,
        actor: event.actor,
        ...(event.reason !== undefined ? { reason: event.reason } : {}),
        correlationId: event.correlationId,
        causationId: event.causationId,
        ...(event.traceparent !== undefined ? { traceparent: event.traceparent } : {}),
        data: event.data,
        metadata,
        streamId,
        streamPosition,
        globalPosition,
        recordedAt,
        hash,
      };
    }
    return { nextExpectedVersion: version + events.length, lastGlobalPosition: stored[stored.length - 1]!.globalPosition, written: true, events: stored };
  }

  /**
   * The stored batch if exactly these ids were appended to this stream before; throws on a
   * partial match. Only the first id is looked up on the common path: a batch whose first
   * id is new but that reuses a later one fails on the UNIQUE index instead.
   */
  private findAppended(streamId: string, events: readonly NewEvent[]): AppendResult | undefined {
    if (this.statements.idKnown.get(events[0]!.eventId) === undefined) return undefined;
    const rows = events.map((event) => this.statements.byEventId.get(event.eventId));
    const sameBatch =
      rows.every((row) => row !== undefined && row.stream_id === streamId) &&
      rows.every((row, i) => i === 0 || row!.stream_position === rows[i - 1]!.stream_position + 1);
    if (!sameBatch) throw new DuplicateEventIdError(events[rows.findIndex((row) => row !== undefined)]!.eventId);
    const stored = rows.map((row) => toStored(row!));
    const version = this.statements.streamHead.get(streamId)!.stream_position;
    return { nextExpectedVersion: version, lastGlobalPosition: stored[stored.length - 1]!.globalPosition, written: false, events: stored };
  }

  private insertEvent(eventId: string, row: unknown[]): number {
    try {
      return Number(this.statements.insert.run(row).lastInsertRowid);
    } catch (error) {
      if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE' && String((error as Error).message).includes('events.event_id')) {
        throw new DuplicateEventIdError(eventId);
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
    return new Promise<AppendResult>((resolve, reject) => {
      this.queue.push({ streamId, events, expectedVersion: options.expectedVersion, resolve, reject });
      if (!this.flushScheduled) {
        this.flushScheduled = true;
        // setImmediate, not a microtask: the commands whose earlier appends were just
        // acknowledged get to make their next ones before the queue is taken.
        setImmediate(() => this.flush());
      }
    });
  }

  /** Writes the queue in groups, one durable transaction each, then settles their promises. */
  private flush(): void {
    this.flushScheduled = false;
    let written = false;
    while (this.queue.length > 0) {
      const group = this.takeGroup();
      let outcomes: Outcome[];
      try {
        outcomes = this.appendGroup.immediate(group);
      } catch (error) {
        // BEGIN or COMMIT failed (busy past the timeout, disk full, I/O error), or the one append of
        // a group of one was refused: nothing of the group is on disk.
        for (const pending of group) pending.reject(storeUnavailable(error));
        continue;
      }
      this.onCommit?.({ appends: group.length, events: group.reduce((n, pending) => n + pending.events.length, 0) });
      group.forEach((pending, i) => {
        const outcome = outcomes[i]!;
        if ('result' in outcome) {
          written ||= outcome.result.written;
          pending.resolve(outcome.result);
        } else {
          pending.reject(storeUnavailable(outcome.error));
        }
      });
    }
    if (written) this.signal.notify();
    this.drained?.resolve();
    this.drained = undefined;
  }

  private takeGroup(): PendingAppend[] {
    let count = 0;
    let events = 0;
    while (count < this.queue.length && count < this.maxAppendsPerCommit && (count === 0 || events + this.queue[count]!.events.length <= this.maxEventsPerCommit)) {
      events += this.queue[count]!.events.length;
      count++;
    }
    return this.queue.splice(0, count);
  }

  async readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]> {
    this.assertOpen();
    assertStreamId(streamId);
    const { fromPosition, maxCount } = normaliseReadStream(options);
    const rows = this.statements.readStream.all(streamId, fromPosition, Math.min(maxCount, Number.MAX_SAFE_INTEGER));
    if (rows.length === 0 && !this.statements.streamHead.get(streamId)) throw new StreamNotFoundError(streamId);
    return rows.map(tupleToStored);
  }

  async readAll(options?: ReadAllOptions): Promise<StoredEvent[]> {
    this.assertOpen();
    const { after, limit } = normaliseReadAll(options);
    return this.statements.readAll.all(after, limit).map(tupleToStored);
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
    // Appends accepted before close are written and settled, never dropped.
    if (this.flushScheduled) {
      this.drained ??= withResolvers();
      await this.drained.promise;
    }
    this.db.close();
  }
}
