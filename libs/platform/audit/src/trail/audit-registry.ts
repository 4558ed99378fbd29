import { LeerzoneError, type DomainEvent, type EventSchemaRegistry } from '@leerzone/kernel';

/**
 * What the audit API knows about one kind of aggregate, found by its stream-id prefix:
 * how to fold its events into state (for "as of" and diffs) and whether reading it is
 * itself an auditable act.
 */
export interface AuditedAggregate<State = unknown, Event extends DomainEvent = DomainEvent> {
  /** Streams whose id starts with this belong here: `team-`. The longest matching prefix wins. */
  readonly streamPrefix: string;
  /** Shown to auditors: `governance.team`. */
  readonly name: string;
  /** With `evolve`, enables state-as-of and diff. Usually the decider's own pair. */
  readonly initialState?: State;
  readonly evolve?: (state: State, event: Event) => State;
  /** Upcasts stored events before `evolve` sees them (history shows them as recorded). */
  readonly schemas?: EventSchemaRegistry;
  /** Reads of these streams through the audit API are recorded as `AuditRecordRead` events. */
  readonly confidential?: boolean;
  /** State as JSON for the API; default: Maps become objects, Sets arrays, Dates ISO strings. */
  readonly toJson?: (state: State) => unknown;
}

/** Any aggregate's registration: state and event types differ per aggregate, and the registry only passes them through. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyAuditedAggregate = AuditedAggregate<any, any>;

export class AuditRegistryError extends LeerzoneError {
  declare readonly field: string;
  constructor(field: string, message: string) {
    super('AUDIT.INVALID_REGISTRATION', message, field);
  }
}

const PREFIX = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,99}$/;

/** Aggregates by stream prefix. Services register theirs (`AuditModule.forFeature`); the audit API looks them up. */
export class AuditRegistry {
  private readonly byPrefix = new Map<string, AuditedAggregate>();

  register(...aggregates: readonly AnyAuditedAggregate[]): this {
    for (const aggregate of aggregates as readonly AuditedAggregate[]) {
      if (typeof aggregate.streamPrefix !== 'string' || !PREFIX.test(aggregate.streamPrefix)) {
        throw new AuditRegistryError('streamPrefix', `A stream prefix is 1-100 letters, digits and . _ : -; got "${String(aggregate.streamPrefix)}".`);
      }
      if (aggregate.evolve !== undefined && !('initialState' in aggregate)) {
        throw new AuditRegistryError('evolve', `${aggregate.name}: evolve needs an initialState.`);
      }
      const existing = this.byPrefix.get(aggregate.streamPrefix);
      if (existing && existing !== aggregate) throw new AuditRegistryError('streamPrefix', `${aggregate.streamPrefix} is already registered by ${existing.name}.`);
      this.byPrefix.set(aggregate.streamPrefix, aggregate);
    }
    return this;
  }

  resolve(streamId: string): AuditedAggregate | undefined {
    let found: AuditedAggregate | undefined;
    for (const [prefix, aggregate] of this.byPrefix) {
      if (streamId.startsWith(prefix) && (!found || prefix.length > found.streamPrefix.length)) found = aggregate;
    }
    return found;
  }

  isConfidential(streamId: string): boolean {
    return this.resolve(streamId)?.confidential === true;
  }

  list(): AuditedAggregate[] {
    return [...this.byPrefix.values()];
  }
}
