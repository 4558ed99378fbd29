import type { CommandContext, DomainEvent } from '../envelope/event-envelope';

/** Why a command was refused. Errors are values at the domain edge. */
export interface Rejection {
  readonly kind: 'rejection';
  /** Stable, dotted code such as `TEAM.ALREADY_EXISTS`. */
  readonly code: string;
  /** A sentence a person understands. */
  readonly message: string;
  /** The offending field of the command, when there is one. */
  readonly field?: string;
  /** How an adapter should classify the refusal (maps onto HTTP status). */
  readonly category: RejectionCategory;
  readonly details?: Readonly<Record<string, unknown>>;
}

export type RejectionCategory = 'invalid' | 'not-found' | 'conflict' | 'forbidden' | 'precondition';

export const reject = (
  category: RejectionCategory,
  code: string,
  message: string,
  extra: { field?: string; details?: Record<string, unknown> } = {},
): Rejection => ({ kind: 'rejection', category, code, message, ...extra });

export const isRejection = (value: unknown): value is Rejection =>
  typeof value === 'object' && value !== null && (value as { kind?: unknown }).kind === 'rejection';

/** The outcome of `decide`: the events to record, or a refusal. */
export type Decision<Event extends DomainEvent> = readonly Event[] | Rejection;

/**
 * A pure decision model (Jérémie Chassaing's decider pattern): no clock, no I/O; the
 * context carries the time and the actor.
 */
export interface Decider<Command, Event extends DomainEvent, State> {
  readonly initialState: State;
  decide(command: Command, state: State, context: CommandContext): Decision<Event>;
  evolve(state: State, event: Event): State;
}

export const fold = <Event extends DomainEvent, State>(
  decider: Pick<Decider<unknown, Event, State>, 'evolve' | 'initialState'>,
  events: readonly Event[],
): State => events.reduce(decider.evolve, decider.initialState);

/** Compile-time exhaustiveness for `switch (event.type)`. */
export const assertNever = (value: never): never => {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
};
