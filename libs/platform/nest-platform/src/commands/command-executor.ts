import { Inject, Injectable } from '@nestjs/common';
import { handleCommand, type CommandContext, type Decider, type DomainEvent, type EventStore, type StoredEvent, EventSchemaRegistry } from '@leerzone/kernel';
import { ProblemException } from '../problem-details/problem';
import { EVENT_STORE, NEW_ID } from '../tokens';

export interface Executed<Event extends DomainEvent, State> {
  readonly events: readonly StoredEvent<Event['type'], Event['data']>[];
  readonly state: State;
  readonly version: number;
}

/**
 * Runs a command through its decider against the event store. A rejection becomes a
 * problem-details response; nothing is written in that case.
 */
@Injectable()
export class CommandExecutor {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(NEW_ID) private readonly newId: () => string,
  ) {}

  async execute<Command, Event extends DomainEvent, State>(
    decider: Decider<Command, Event, State>,
    streamId: string,
    command: Command,
    context: CommandContext,
    schemas?: EventSchemaRegistry,
  ): Promise<Executed<Event, State>> {
    const outcome = await handleCommand({ store: this.store, newId: this.newId, ...(schemas ? { schemas } : {}) }, decider, streamId, command, context);
    if (!outcome.ok) throw ProblemException.fromRejection(outcome.rejection);
    return outcome;
  }
}
