import { Inject, Injectable } from '@nestjs/common';
import { handleCommand, type CommandContext, type CommandLookup, type Decider, type DomainEvent, type EventStore, type StoredEvent, EventSchemaRegistry } from '@leerzone/kernel';
import { commandTypeOf, instrumentEventStore, withCommandSpan } from '@leerzone/observability';
import { ProblemException } from '../problem-details/problem';
import { EVENT_SCHEMAS, EVENT_STORE, NEW_ID } from '../tokens';

export interface Executed<Event extends DomainEvent, State> {
  readonly events: readonly StoredEvent<Event['type'], Event['data']>[];
  readonly state: State;
  readonly version: number;
}

/**
 * Runs a command through its decider against the event store. A rejection becomes a
 * problem-details response; nothing is written in that case.
 *
 * Traced: a `command <Type>` span (child of the HTTP request's span) around load, decide
 * and append, with the append as a database client span; the events carry the command
 * span's traceparent, so the relay and consumers continue the same trace.
 */
@Injectable()
export class CommandExecutor {
  private readonly store: EventStore;

  constructor(
    @Inject(EVENT_STORE) store: EventStore,
    @Inject(NEW_ID) private readonly newId: () => string,
    @Inject(EVENT_SCHEMAS) private readonly schemas: EventSchemaRegistry,
  ) {
    this.store = instrumentEventStore(store);
  }

  async execute<Command, Event extends DomainEvent, State>(
    decider: Decider<Command, Event, State>,
    streamId: string,
    command: Command | CommandLookup<Command, State>,
    context: CommandContext,
    options: { readonly schemas?: EventSchemaRegistry; readonly commandType?: string } = {},
  ): Promise<Executed<Event, State>> {
    const schemas = options.schemas ?? this.schemas;
    const span = { commandType: options.commandType ?? commandTypeOf(command), streamId, tenantId: context.tenantId, ...(context.traceparent ? { traceparent: context.traceparent } : {}) };
    const outcome = await withCommandSpan(span, (traceparent) =>
      handleCommand(
        { store: this.store, newId: this.newId, schemas },
        decider,
        streamId,
        command,
        traceparent ? { ...context, traceparent } : context,
      ),
    );
    if (!outcome.ok) throw ProblemException.fromRejection(outcome.rejection);
    return outcome;
  }
}
