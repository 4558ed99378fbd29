import type { NewEvent, StoredEvent } from '../envelope/event-envelope';

/**
 * `number`: the stream must be at exactly this version (0 = the stream must not exist).
 * `'any'`: append whatever the version.
 */
export type ExpectedVersion = number | 'any';

export interface AppendResult {
  /** The stream's version after the append: pass it as the next expected version. */
  readonly nextExpectedVersion: number;
  /** Global position of the last event of the batch. */
  readonly lastGlobalPosition: number;
  /** False when the batch had been appended before and nothing was written now. */
  readonly written: boolean;
  /** The batch as stored (positions, recorded-at, hash), also when it was stored before. */
  readonly events: readonly StoredEvent[];
}

export interface ReadStreamOptions {
  /** First stream position to return (1-based, inclusive). Default 1. */
  readonly fromPosition?: number;
  /** Maximum number of events to return. Default: all. */
  readonly maxCount?: number;
}

export interface ReadAllOptions {
  /** Return events whose global position is greater than this. Default 0 (from the start). */
  readonly after?: number;
  /** Batch size; at most 10 000. Default 500. */
  readonly limit?: number;
}

export interface SubscribeOptions {
  /** Deliver events after this global position (a checkpoint). Default 0. */
  readonly after?: number;
  readonly batchSize?: number;
  /** Called with each batch, in global order; the next batch waits for the promise. */
  readonly onEvents: (events: readonly StoredEvent[]) => Promise<void> | void;
  /** Called when reading or the handler fails; the subscription stops afterwards. */
  readonly onError?: (error: unknown) => void;
}

export interface Subscription {
  /** Resolves once every event that existed when the subscription started was delivered. */
  readonly caughtUp: Promise<void>;
  /** The last global position handed to `onEvents` and completed. */
  position(): number;
  /** Stop after the batch in flight; resolves when stopped. */
  stop(): Promise<void>;
}

/**
 * The audit trail. Every adapter (SQLite, PostgreSQL, KurrentDB) passes the same
 * contract suite, exported from `@leerzone/kernel/testing`.
 */
export interface EventStore {
  /** Atomic per call. Idempotent when the same event ids are appended to the same stream again. */
  append(streamId: string, events: readonly NewEvent[], options: { expectedVersion: ExpectedVersion }): Promise<AppendResult>;
  /** Throws `StreamNotFoundError` when the stream has no events. */
  readStream(streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]>;
  /** One batch of events in global order. */
  readAll(options?: ReadAllOptions): Promise<StoredEvent[]>;
  /** The current version of a stream; 0 when it does not exist. */
  streamVersion(streamId: string): Promise<number>;
  /** The global position of the last event in the store; 0 when empty. */
  headPosition(): Promise<number>;
  /** Catch-up subscription: history from `after`, then live events, each exactly once and in order. */
  subscribe(options: SubscribeOptions): Subscription;
  close(): Promise<void>;
}
