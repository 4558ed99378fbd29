import type { CommandContext, DomainEvent, NewEvent, StoredEvent } from '../envelope/event-envelope';
import { isoInstant } from '../envelope/event-envelope';
import type { Decider, Rejection } from '../decider/decider';
import { isRejection, reject } from '../decider/decider';
import { ConcurrencyConflictError } from '../event-store/errors';
import { readTenantStream } from '../event-store/tenant-stream-id';
import type { EventStore } from '../event-store/event-store.port';
import { EventSchemaRegistry } from '../upcasting/event-schema-registry';

export interface CommandHandlerDeps {
  readonly store: EventStore;
  /** Generates event ids (UUIDv7 in production; deterministic in tests). */
  readonly newId: () => string;
  readonly schemas?: EventSchemaRegistry;
  /** How often a command is re-decided after losing a race for the stream. Default 3. */
  readonly maxRetries?: number;
}

export type CommandOutcome<Event extends DomainEvent, State> =
  | { readonly ok: true; readonly events: readonly StoredEvent<Event['type'], Event['data']>[]; readonly state: State; readonly version: number }
  | { readonly ok: false; readonly rejection: Rejection };

export interface LoadedStream<Event extends DomainEvent, State> {
  readonly state: State;
  readonly version: number;
  readonly events: readonly StoredEvent<Event['type'], Event['data']>[];
  /**
   * The stream that holds the aggregate: the id asked for, or the legacy global stream a
   * tenant-scoped id was found under (see `readTenantStream`). Commands append here.
   */
  readonly streamId: string;
}

/**
 * Reads a stream, upcasts its events and folds them into state. A missing stream — or one of
 * another tenant — is the initial state. A tenant-scoped id falls back to the tenant's own
 * legacy global stream.
 */
export async function loadStream<Event extends DomainEvent, State>(
  store: EventStore,
  decider: Pick<Decider<unknown, Event, State>, 'evolve' | 'initialState'>,
  streamId: string,
  tenantId: string,
  schemas: EventSchemaRegistry = new EventSchemaRegistry(),
): Promise<LoadedStream<Event, State>> {
  // A stream of another tenant is indistinguishable from no stream at all.
  const read = await readTenantStream(store, streamId, tenantId);
  const events = read.events.map((event) => schemas.upcast(event)) as StoredEvent<Event['type'], Event['data']>[];
  const state = events.reduce((s, e) => decider.evolve(s, { type: e.type, data: e.data } as Event), decider.initialState);
  return { state, version: events.length === 0 ? 0 : events[events.length - 1]!.streamPosition, events, streamId: read.streamId };
}

/**
 * A command that needs facts from elsewhere (another stream, a read model) chosen by the
 * current state: looked up once per attempt, after the stream is loaded, so the lookup and
 * the decision always see the same version of the stream (and the stream is read once).
 */
export type CommandLookup<Command, State> = (state: State) => Promise<Command | Rejection>;

/**
 * Load → decide → append with the expected version. When another writer got there
 * first, re-read and decide again (the decision may now differ); after `maxRetries`
 * lost races the command is refused as a conflict.
 */
export async function handleCommand<Command, Event extends DomainEvent, State>(
  deps: CommandHandlerDeps,
  decider: Decider<Command, Event, State>,
  streamId: string,
  command: Command | CommandLookup<Command, State>,
  context: CommandContext,
): Promise<CommandOutcome<Event, State>> {
  const schemas = deps.schemas ?? new EventSchemaRegistry();
  const maxRetries = deps.maxRetries ?? 3;
  for (let attempt = 0; ; attempt++) {
    const loaded = await loadStream(deps.store, decider, streamId, context.tenantId, schemas);
    const resolved = typeof command === 'function' ? await (command as CommandLookup<Command, State>)(loaded.state) : command;
    if (isRejection(resolved)) return { ok: false, rejection: resolved };
    const decision = decider.decide(resolved, loaded.state, context);
    if (isRejection(decision)) return { ok: false, rejection: decision };
    if (decision.length === 0) return { ok: true, events: [], state: loaded.state, version: loaded.version };
    // Only an apparently new stream can belong to another tenant; existing ones were checked on load.
    if (loaded.version === 0 && (await deps.store.streamVersion(loaded.streamId)) > 0) {
      // The id is taken in another tenant: refuse without revealing anything about it.
      return { ok: false, rejection: reject('conflict', 'STREAM.ID_TAKEN', 'This id is already in use; choose another.', { field: 'id' }) };
    }
    const newEvents = decision.map((event) => toNewEvent(event, context, deps.newId(), schemas));
    try {
      const result = await deps.store.append(loaded.streamId, newEvents, { expectedVersion: loaded.version });
      const events = result.events as readonly StoredEvent<Event['type'], Event['data']>[];
      const state = decision.reduce(decider.evolve, loaded.state);
      return { ok: true, events, state, version: result.nextExpectedVersion };
    } catch (error) {
      if (!(error instanceof ConcurrencyConflictError)) throw error;
      if (attempt >= maxRetries) {
        return {
          ok: false,
          rejection: reject('conflict', 'STREAM.CONCURRENT_MODIFICATION', `Someone else changed ${streamId} at the same time; try again.`, {
            details: { streamId, expectedVersion: error.expectedVersion, actualVersion: error.actualVersion },
          }),
        };
      }
    }
  }
}

export function toNewEvent<Event extends DomainEvent>(
  event: Event,
  context: CommandContext,
  eventId: string,
  schemas: EventSchemaRegistry,
): NewEvent<Event['type'], Event['data']> {
  return {
    eventId,
    type: event.type,
    schemaVersion: schemas.currentVersion(event.type),
    tenantId: context.tenantId,
    occurredAt: isoInstant(context.now),
    actor: context.actor,
    ...(context.reason !== undefined ? { reason: context.reason } : {}),
    correlationId: context.correlationId,
    causationId: context.causationId,
    ...(context.traceparent !== undefined ? { traceparent: context.traceparent } : {}),
    data: event.data,
    metadata: {},
  };
}
