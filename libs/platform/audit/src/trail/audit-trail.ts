import { LeerzoneError, StreamNotFoundError, type DomainEvent, type EventSchemaRegistry, type EventStore, type StoredEvent } from '@leerzone/kernel';
import type { Page } from '@leerzone/projection-store';
import type { AuditIndex, AuditIndexEntry, PageOptions } from './audit-index';
import type { AuditRegistry, AuditedAggregate } from './audit-registry';
import type { ReadContext, ReadRecorder } from './read-recorder';
import { diffJson, toPlainJson, type StateChange } from './state-diff';

export class AuditQueryError extends LeerzoneError {
  constructor(
    readonly status: 400 | 404 | 422,
    code: string,
    message: string,
    field?: string,
  ) {
    super(code, message, field);
  }
}

/** Which clock "as of" means: when the store recorded the event (default), or when the caller says it happened. */
export type Timeline = 'recorded' | 'occurred';

export interface StreamHistory {
  readonly streamId: string;
  readonly aggregate?: string;
  readonly confidential: boolean;
  readonly events: readonly StoredEvent[];
  /** Pass as `fromPosition` for the next page; absent on the last page. */
  readonly nextFromPosition?: number;
}

export interface StateAsOf {
  readonly streamId: string;
  readonly aggregate: string;
  readonly at: string;
  readonly timeline: Timeline;
  /** The stream version the state reflects; 0 when the stream had no events yet. */
  readonly version: number;
  readonly lastEvent?: Pick<StoredEvent, 'eventId' | 'type' | 'occurredAt' | 'recordedAt' | 'streamPosition'>;
  readonly state: unknown;
}

export interface StateDiff {
  readonly streamId: string;
  readonly aggregate: string;
  readonly timeline: Timeline;
  readonly from: { readonly at: string; readonly version: number };
  readonly to: { readonly at: string; readonly version: number };
  readonly changes: readonly StateChange[];
  /** The events that made the difference: versions (from, to]. */
  readonly events: readonly StoredEvent[];
}

export interface EventPage {
  readonly items: readonly StoredEvent[];
  readonly next?: string;
  /** The index had every event up to this global position when the query ran. */
  readonly indexedUpTo: number;
}

const timestampOf = (event: StoredEvent, timeline: Timeline) => (timeline === 'recorded' ? event.recordedAt : event.occurredAt);

/**
 * The audit trail's queries. Every query is confined to the caller's tenant: a stream of
 * another tenant is reported exactly like one that does not exist. Reads that return
 * events or state of a confidential stream are recorded before the answer leaves.
 */
export class AuditTrail {
  constructor(
    private readonly store: EventStore,
    private readonly index: AuditIndex,
    private readonly registry: AuditRegistry,
    private readonly recorder: ReadRecorder,
    /** The process's registry: used for aggregates that bring none of their own. */
    private readonly schemas?: EventSchemaRegistry,
  ) {}

  async history(context: ReadContext, streamId: string, options: { readonly fromPosition: number; readonly limit: number }): Promise<StreamHistory> {
    const events = await this.readOwnStream(context.tenantId, streamId, options.fromPosition, options.limit + 1);
    const page = events.slice(0, options.limit);
    const aggregate = this.registry.resolve(streamId);
    await this.recordIfConfidential(context, 'history', [streamId], { streamId, fromPosition: options.fromPosition, limit: options.limit });
    return {
      streamId,
      ...(aggregate ? { aggregate: aggregate.name } : {}),
      confidential: aggregate?.confidential === true,
      events: page,
      ...(events.length > options.limit ? { nextFromPosition: page[page.length - 1]!.streamPosition + 1 } : {}),
    };
  }

  async stateAt(context: ReadContext, streamId: string, at: string, timeline: Timeline): Promise<StateAsOf> {
    const aggregate = this.stateModel(streamId);
    const events = await this.readOwnStream(context.tenantId, streamId, 1, Number.MAX_SAFE_INTEGER);
    await this.recordIfConfidential(context, 'state', [streamId], { streamId, at, timeline });
    const upTo = this.prefixUpTo(events, at, timeline);
    const last = upTo[upTo.length - 1];
    return {
      streamId,
      aggregate: aggregate.name,
      at,
      timeline,
      version: last?.streamPosition ?? 0,
      ...(last ? { lastEvent: { eventId: last.eventId, type: last.type, occurredAt: last.occurredAt, recordedAt: last.recordedAt, streamPosition: last.streamPosition } } : {}),
      state: this.fold(aggregate, upTo),
    };
  }

  async diff(context: ReadContext, streamId: string, from: string, to: string, timeline: Timeline): Promise<StateDiff> {
    if (!(from < to)) throw new AuditQueryError(400, 'AUDIT.INVALID_RANGE', '`from` must be earlier than `to`.', 'from');
    const aggregate = this.stateModel(streamId);
    const events = await this.readOwnStream(context.tenantId, streamId, 1, Number.MAX_SAFE_INTEGER);
    await this.recordIfConfidential(context, 'diff', [streamId], { streamId, from, to, timeline });
    const before = this.prefixUpTo(events, from, timeline);
    const after = this.prefixUpTo(events, to, timeline);
    return {
      streamId,
      aggregate: aggregate.name,
      timeline,
      from: { at: from, version: before.length },
      to: { at: to, version: after.length },
      changes: diffJson(this.fold(aggregate, before), this.fold(aggregate, after)),
      events: after.slice(before.length),
    };
  }

  async byActor(context: ReadContext, actorId: string, range: { readonly from?: string; readonly to?: string }, page: PageOptions): Promise<EventPage> {
    if (range.from && range.to && !(range.from < range.to)) throw new AuditQueryError(400, 'AUDIT.INVALID_RANGE', '`from` must be earlier than `to`.', 'from');
    const indexedUpTo = await this.catchUpIndex();
    const found = await this.index.byActor(context.tenantId, actorId, range, page);
    return this.hydrate(context, found, indexedUpTo, 'actor', { actorId, ...(range.from ? { from: range.from } : {}), ...(range.to ? { to: range.to } : {}) });
  }

  async byCorrelation(context: ReadContext, correlationId: string, page: PageOptions): Promise<EventPage> {
    const indexedUpTo = await this.catchUpIndex();
    const found = await this.index.byCorrelation(context.tenantId, correlationId, page);
    return this.hydrate(context, found, indexedUpTo, 'correlation', { correlationId });
  }

  /** Waits briefly for the index to reach the store's head, so a query right after a write sees it. */
  private async catchUpIndex(): Promise<number> {
    const head = await this.store.headPosition();
    await this.index.waitForPosition(head, 2_000).catch(() => undefined);
    return (await this.index.status()).position;
  }

  private async hydrate(context: ReadContext, page: Page<AuditIndexEntry>, indexedUpTo: number, query: string, parameters: Record<string, string>): Promise<EventPage> {
    const items: StoredEvent[] = [];
    for (const entry of page.items) {
      const [event] = await this.store.readStream(entry.streamId, { fromPosition: entry.streamPosition, maxCount: 1 }).catch(() => [] as StoredEvent[]);
      // The payload comes from the store; an index entry without its event (store replaced) is left out.
      if (event && event.eventId === entry._id && event.tenantId === context.tenantId) items.push(event);
    }
    await this.recordIfConfidential(context, query, items.map((event) => event.streamId), parameters);
    return { items, ...(page.next ? { next: page.next } : {}), indexedUpTo };
  }

  private async readOwnStream(tenantId: string, streamId: string, fromPosition: number, maxCount: number): Promise<StoredEvent[]> {
    const notFound = () => new AuditQueryError(404, 'AUDIT.STREAM_NOT_FOUND', `There is no stream ${streamId}.`, 'streamId');
    try {
      const events = await this.store.readStream(streamId, { fromPosition, maxCount });
      const owner = events[0]?.tenantId ?? (await this.store.readStream(streamId, { maxCount: 1 }))[0]?.tenantId;
      if (owner !== tenantId) throw notFound();
      return events;
    } catch (error) {
      if (error instanceof StreamNotFoundError) throw notFound();
      throw error;
    }
  }

  private async recordIfConfidential(context: ReadContext, query: string, streamIds: readonly string[], parameters: Record<string, string | number>): Promise<void> {
    const confidential = streamIds.filter((streamId) => this.registry.isConfidential(streamId));
    await this.recorder.record(context, query, confidential, parameters);
  }

  private stateModel(streamId: string): AuditedAggregate & { evolve: NonNullable<AuditedAggregate['evolve']> } {
    const aggregate = this.registry.resolve(streamId);
    if (!aggregate?.evolve) {
      throw new AuditQueryError(422, 'AUDIT.NO_STATE_MODEL', `No service registered how to fold ${streamId} into state; its history is available.`, 'streamId');
    }
    return aggregate as AuditedAggregate & { evolve: NonNullable<AuditedAggregate['evolve']> };
  }

  /** Events up to the first one after `at`: a prefix, so the state is one the aggregate really had. */
  private prefixUpTo(events: readonly StoredEvent[], at: string, timeline: Timeline): StoredEvent[] {
    const end = events.findIndex((event) => timestampOf(event, timeline) > at);
    return end < 0 ? [...events] : events.slice(0, end);
  }

  private fold(aggregate: AuditedAggregate & { evolve: NonNullable<AuditedAggregate['evolve']> }, events: readonly StoredEvent[]): unknown {
    const state = events.reduce((s, stored) => {
      const schemas = aggregate.schemas ?? this.schemas;
      const event = schemas ? schemas.upcast(stored) : stored;
      return aggregate.evolve(s, { type: event.type, data: event.data } as DomainEvent);
    }, aggregate.initialState);
    return aggregate.toJson ? aggregate.toJson(state) : toPlainJson(state);
  }
}
