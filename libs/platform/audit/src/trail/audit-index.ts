import type { EventStore, StoredEvent, Subscription } from '@leerzone/kernel';
import type { Document, Page, ProjectionStore, WriteOperation } from '@leerzone/projection-store';
import { projectionLag } from '@leerzone/observability';

/** One event as the index knows it: the envelope fields auditors search by, no payload. */
export interface AuditIndexEntry extends Document {
  readonly _id: string;
  readonly tenantId: string;
  readonly streamId: string;
  readonly streamPosition: number;
  readonly globalPosition: number;
  readonly type: string;
  readonly actorId: string;
  readonly actorKind: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
}

interface IndexCheckpoint extends Document {
  readonly position: number;
  readonly updatedAt: string;
}

export interface AuditIndexOptions {
  readonly eventStore: EventStore;
  readonly store: ProjectionStore;
  /** Collection prefix, so two indexes (two stores) can share one projection store. Default `audit`. */
  readonly name?: string;
  readonly batchSize?: number;
  readonly clock?: () => Date;
}

export interface PageOptions {
  readonly limit: number;
  readonly after?: string;
}

const entryOf = (event: StoredEvent): AuditIndexEntry => ({
  _id: event.eventId,
  tenantId: event.tenantId,
  streamId: event.streamId,
  streamPosition: event.streamPosition,
  globalPosition: event.globalPosition,
  type: event.type,
  actorId: event.actor.id,
  actorKind: event.actor.kind,
  correlationId: event.correlationId,
  causationId: event.causationId,
  occurredAt: event.occurredAt,
  recordedAt: event.recordedAt,
});

/**
 * Indexes every event of a store by tenant, actor, time and correlation id, in a projection
 * store (in memory in standalone, MongoDB otherwise). Only envelope fields are indexed: the
 * payload is read from the event store itself when a query returns, so the index never
 * becomes a second, unverified copy of personal data.
 *
 * Not a `@leerzone/projections` definition: those subscribe to a fixed list of event types,
 * and the audit index needs every type, including ones registered after it was built. It
 * follows the same rules: writes are idempotent upserts by event id, and the checkpoint is
 * saved after the batch's writes, so a crash replays at most one batch harmlessly.
 */
export class AuditIndex {
  private readonly entries;
  private readonly checkpoints;
  private readonly name: string;
  private readonly clock: () => Date;
  private subscription: Subscription | undefined;
  private position = 0;
  private readonly waiters = new Set<() => void>();
  private unobserve: (() => void) | undefined;

  constructor(private readonly options: AuditIndexOptions) {
    this.name = options.name ?? 'audit';
    this.entries = options.store.collection<AuditIndexEntry>(`${this.name}_events`);
    this.checkpoints = options.store.collection<IndexCheckpoint>(`${this.name}_index_checkpoint`);
    this.clock = options.clock ?? (() => new Date());
  }

  /** Resolves once everything stored when it was called is indexed; keeps following new events. */
  async start(): Promise<void> {
    await this.entries.createIndex({ keys: { tenantId: 1, actorId: 1, occurredAt: 1 } });
    await this.entries.createIndex({ keys: { tenantId: 1, correlationId: 1, globalPosition: 1 } });
    this.position = (await this.checkpoints.findOne({ _id: 'position' }))?.position ?? 0;
    this.subscription = this.options.eventStore.subscribe({
      after: this.position,
      batchSize: this.options.batchSize ?? 1_000,
      onEvents: (events) => this.index(events),
    });
    this.unobserve = projectionLag.observe(async () => [{ value: (await this.status()).lag, attributes: { 'leerzone.projection.name': `${this.name}.index` } }]);
    await this.subscription.caughtUp;
  }

  async stop(): Promise<void> {
    this.unobserve?.();
    await this.subscription?.stop();
    this.waiters.forEach((wake) => wake());
  }

  async status(): Promise<{ position: number; head: number; lag: number }> {
    const head = await this.options.eventStore.headPosition();
    return { position: this.position, head, lag: Math.max(0, head - this.position) };
  }

  /** Read-your-writes for tests and for the API right after a command: wait until `position` is indexed. */
  async waitForPosition(position: number, timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.position < position) {
      if (Date.now() > deadline) throw new Error(`The audit index did not reach position ${position} within ${timeoutMs} ms (at ${this.position}).`);
      await new Promise<void>((resolve) => {
        const wake = () => {
          this.waiters.delete(wake);
          resolve();
        };
        this.waiters.add(wake);
        setTimeout(wake, 50).unref();
      });
    }
  }

  private async index(events: readonly StoredEvent[]): Promise<void> {
    const operations: WriteOperation[] = events.map((event) => ({ replaceOne: { filter: { _id: event.eventId }, replacement: entryOf(event), upsert: true } }));
    await this.entries.bulkWrite(operations);
    const position = events[events.length - 1]!.globalPosition;
    await this.checkpoints.replaceOne({ _id: 'position' }, { _id: 'position', position, updatedAt: this.clock().toISOString() }, { upsert: true });
    this.position = position;
    this.waiters.forEach((wake) => wake());
  }

  /** One tenant's events caused by one actor, oldest first, `occurredAt` in [from, to). */
  byActor(tenantId: string, actorId: string, range: { readonly from?: string; readonly to?: string }, page: PageOptions): Promise<Page<AuditIndexEntry>> {
    const occurredAt = { ...(range.from ? { $gte: range.from } : {}), ...(range.to ? { $lt: range.to } : {}) };
    return this.entries.find(
      { tenantId, actorId, ...(Object.keys(occurredAt).length > 0 ? { occurredAt } : {}) },
      { sort: { occurredAt: 1, globalPosition: 1 }, limit: page.limit, ...(page.after ? { after: page.after } : {}) },
    );
  }

  /** One tenant's events sharing a correlation id, in global order. */
  byCorrelation(tenantId: string, correlationId: string, page: PageOptions): Promise<Page<AuditIndexEntry>> {
    return this.entries.find({ tenantId, correlationId }, { sort: { globalPosition: 1 }, limit: page.limit, ...(page.after ? { after: page.after } : {}) });
  }
}
