import type { CommandContext, Decider, DomainEvent, Rejection } from '@leerzone/kernel';

/** An aggregate's state with the version of the stream it was folded from. */
export interface Versioned<State> {
  readonly state: State;
  readonly version: number;
}

/**
 * Wraps a decider so application checks (who may do this, If-Match) run inside `decide`.
 * The kernel re-decides after losing a race for the stream, so these checks are re-run
 * against exactly the state the append is made on: a removed member or a newer version
 * can never slip in between check and append.
 */
export function guardedDecider<Command, Event extends DomainEvent, State>(
  decider: Decider<Command, Event, State>,
  check: (current: Versioned<State>, ctx: CommandContext) => Rejection | null,
): Decider<Command, Event, Versioned<State>> {
  return {
    initialState: { state: decider.initialState, version: 0 },
    decide: (command, current, ctx) => check(current, ctx) ?? decider.decide(command, current.state, ctx),
    // One event, one stream position: the count of folded events is the stream version.
    evolve: (current, event) => ({ state: decider.evolve(current.state, event), version: current.version + 1 }),
  };
}
