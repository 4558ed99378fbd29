import { Inject, Injectable, Logger } from '@nestjs/common';
import { reject, type CommandContext, type Decider, type DomainEvent, type EventSchemaRegistry, type Rejection, type StoredEvent } from '@leerzone/kernel';
import { CommandExecutor, EVENT_SCHEMAS, ProblemException, ProjectionsHost } from '@leerzone/nest-platform';
import { preconditionFailed, VERSION_MISMATCH, type ExpectedVersions } from './if-match';
import { guardedDecider, type Versioned } from './versioned-decider';

export interface RunOptions<Command, State> {
  readonly ifMatch?: ExpectedVersions | undefined;
  /** Application checks on the current state (existence, who may do this); run before If-Match and the domain. */
  readonly guard?: (current: Versioned<State>, ctx: CommandContext) => Rejection | null;
  /**
   * Builds the command from the freshly loaded state, once per attempt: for commands that
   * need facts chosen by the state (the unit a team is in, a read model's answer). The
   * stream is read once per attempt, and lookup, guard and decision see the same version.
   * Replaces the `command` argument's value when given.
   */
  readonly lookup?: (state: State) => Promise<Command | Rejection>;
  /** The command's name in traces when `lookup` builds it. */
  readonly commandType?: string;
}

export interface EventSummary {
  readonly eventId: string;
  readonly type: string;
  readonly streamPosition: number;
  readonly globalPosition: number;
  readonly occurredAt: string;
}

export interface CommandResult<Event extends DomainEvent, State> {
  readonly streamId: string;
  /** The stream version after the command: the new ETag. */
  readonly version: number;
  readonly events: readonly StoredEvent<Event['type'], Event['data']>[];
  readonly state: State;
  /** False when the read models did not catch up in time; the write itself succeeded. */
  readonly settled: boolean;
}

export const summarise = (events: readonly StoredEvent[]): EventSummary[] =>
  events.map((e) => ({ eventId: e.eventId, type: e.type, streamPosition: e.streamPosition, globalPosition: e.globalPosition, occurredAt: e.occurredAt }));

function versionCheck(expected: ExpectedVersions | undefined, version: number, streamId: string): Rejection | null {
  if (expected === undefined) return null;
  if (expected.any ? version > 0 : expected.versions.includes(version)) return null;
  const wanted = expected.any ? 'to exist' : `at version ${expected.versions.join(' or ')}`;
  return reject('precondition', VERSION_MISMATCH, `If-Match expected ${streamId} ${wanted}, but it is at version ${version}: someone changed it since you read it. Read it again and retry.`, {
    field: 'If-Match',
    details: { streamId, currentVersion: version, expected: expected.any ? '*' : expected.versions },
  });
}

/**
 * Runs a command the way every Leerzone endpoint does: (lookup) → application guard →
 * If-Match → domain decision → append (the kernel re-runs all of it after a lost race) →
 * wait for the read models to include the new events, so a GET right after sees the change.
 * Events are written at the schema versions of the process's registry (`EVENT_SCHEMAS`),
 * and older stored shapes are upcast on load.
 */
@Injectable()
export class ServiceCommands {
  private readonly logger = new Logger('ServiceCommands');

  constructor(
    private readonly executor: CommandExecutor,
    private readonly projections: ProjectionsHost,
    @Inject(EVENT_SCHEMAS) private readonly schemas: EventSchemaRegistry,
  ) {}

  async run<Command, Event extends DomainEvent, State>(
    decider: Decider<Command, Event, State>,
    streamId: string,
    command: Command | null,
    ctx: CommandContext,
    options: RunOptions<Command, State> = {},
  ): Promise<CommandResult<Event, State>> {
    const guarded = guardedDecider(decider, (current, context) => options.guard?.(current, context) ?? versionCheck(options.ifMatch, current.version, streamId));
    const lookup = options.lookup;
    const source = lookup ? (current: Versioned<State>) => lookup(current.state) : command;
    if (source === null) throw new Error(`ServiceCommands.run(${streamId}): give a command or a lookup.`);
    let executed;
    try {
      executed = await this.executor.execute(guarded, streamId, source, ctx, { schemas: this.schemas, ...(options.commandType ? { commandType: options.commandType } : {}) });
    } catch (error) {
      if (error instanceof ProblemException && error.problem.code === VERSION_MISMATCH) {
        throw preconditionFailed(error.problem.detail, error.problem['details'] as Record<string, unknown> | undefined);
      }
      throw error;
    }
    const last = executed.events[executed.events.length - 1];
    let settled = true;
    if (last) {
      try {
        await this.projections.settle(last.globalPosition);
      } catch (error) {
        // The events are stored; only the read models lag. Say so instead of failing the write.
        settled = false;
        this.logger.warn(`Read models did not reach ${last.globalPosition}: ${error instanceof Error ? error.message : String(error)}`);
      }
    }
    // A tenant's aggregate may live in its legacy global stream; the events say where they went.
    return { streamId: executed.events[0]?.streamId ?? streamId, version: executed.state.version, events: executed.events, state: executed.state.state, settled };
  }
}
