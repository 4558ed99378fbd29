import { Inject, Injectable } from '@nestjs/common';
import { loadStream, readTenantStream, type Decider, type DomainEvent, type EventSchemaRegistry, type EventStore, type LoadedStream, type StoredEvent } from '@leerzone/kernel';
import { EVENT_SCHEMAS, EVENT_STORE } from '@leerzone/nest-platform';

/**
 * Reads streams for the caller's tenant, through the process's schema registry (older event
 * shapes arrive as the current ones): for history and time travel, and for commands that
 * need another aggregate's state. Another tenant's stream does not exist for the caller.
 */
@Injectable()
export class TenantStreams {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(EVENT_SCHEMAS) private readonly schemas: EventSchemaRegistry,
  ) {}

  /** A tenant-scoped id falls back to the tenant's own legacy global stream (`readTenantStream`). */
  async read(streamId: string, tenantId: string): Promise<StoredEvent[] | null> {
    const { events } = await readTenantStream(this.store, streamId, tenantId);
    return events.length > 0 ? events.map((event) => this.schemas.upcast(event)) : null;
  }

  /** An aggregate's state, folded with its decider; the initial state when the stream is absent or another tenant's. */
  load<Event extends DomainEvent, State>(decider: Pick<Decider<unknown, Event, State>, 'evolve' | 'initialState'>, streamId: string, tenantId: string): Promise<LoadedStream<Event, State>> {
    return loadStream(this.store, decider, streamId, tenantId, this.schemas);
  }
}
