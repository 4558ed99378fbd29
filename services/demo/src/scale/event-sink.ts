import {
  EventSchemaRegistry,
  isRejection,
  toNewEvent,
  type CommandContext,
  type Decider,
  type DomainEvent,
  type EventStore,
  type NewEvent,
} from '@leerzone/kernel';

interface Stream {
  state: unknown;
  version: number;
  readonly decider: Decider<unknown, DomainEvent, unknown>;
}

/** Thrown when a decider refuses a planned command: a bug in the generator, never skipped. */
export class ScaleCommandRefused extends Error {
  constructor(
    readonly streamId: string,
    readonly commandType: string,
    readonly code: string,
    message: string,
  ) {
    super(`${commandType} on ${streamId} was refused (${code}): ${message}`);
  }
}

export interface SinkCounts {
  events: number;
  appends: number;
  readonly byType: Record<string, number>;
}

/**
 * What `handleCommand` does for one command, without reading the stream back: the state of
 * every stream lives here, so a command is decided against it, folded, and its events queued
 * for the store with the version the fold expects. The store's group commit writes many
 * streams' appends in one transaction, which is where the speed comes from — the events are
 * exactly the decider's, in the envelope `toNewEvent` gives a command's events.
 */
export class EventSink {
  private readonly streams = new Map<string, Stream>();
  private pending: Promise<unknown>[] = [];
  readonly counts: SinkCounts = { events: 0, appends: 0, byType: {} };

  constructor(
    private readonly store: EventStore,
    private readonly schemas: EventSchemaRegistry,
    private readonly newId: () => string,
    /** Appends in flight before the sink waits for the store: bounds memory, keeps groups full. */
    private readonly inFlight = 4_096,
  ) {}

  state<S>(streamId: string): S | undefined {
    return this.streams.get(streamId)?.state as S | undefined;
  }

  /** Decide, fold, queue. Returns the events decided. */
  async run<C, E extends DomainEvent, S>(decider: Decider<C, E, S>, streamId: string, command: C, context: CommandContext): Promise<readonly E[]> {
    let stream = this.streams.get(streamId);
    if (!stream) {
      stream = { state: decider.initialState, version: 0, decider: decider as unknown as Decider<unknown, DomainEvent, unknown> };
      this.streams.set(streamId, stream);
    }
    const decision = decider.decide(command, stream.state as S, context);
    if (isRejection(decision)) throw new ScaleCommandRefused(streamId, (command as { type: string }).type, decision.code, decision.message);
    if (decision.length === 0) return decision;
    stream.state = decision.reduce(decider.evolve, stream.state as S);
    const events: NewEvent[] = decision.map((event) => toNewEvent(event, context, this.newId(), this.schemas));
    const expectedVersion = stream.version;
    stream.version += events.length;
    this.counts.appends++;
    this.counts.events += events.length;
    for (const event of events) this.counts.byType[event.type] = (this.counts.byType[event.type] ?? 0) + 1;
    this.pending.push(this.store.append(streamId, events, { expectedVersion }));
    if (this.pending.length >= this.inFlight) await this.flush();
    return decision;
  }

  /** A stream whose history is done (a graded objective, a closed round): its state is no longer kept. */
  forget(streamId: string): void {
    this.streams.delete(streamId);
  }

  async flush(): Promise<void> {
    const pending = this.pending;
    this.pending = [];
    await Promise.all(pending);
  }

  get liveStreams(): number {
    return this.streams.size;
  }
}
