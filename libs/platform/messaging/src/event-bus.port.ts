import type { EventSchemaRegistry, StoredEvent } from '@leerzone/kernel';

/**
 * Integration events between services. Each service publishes the events of its own
 * store on one topic (`leerzone.<service>.events`); other services subscribe with a
 * consumer group and receive batches. Event-style only: there is no request-reply.
 */
export interface EventBus {
  /**
   * Resolves once the bus has durably accepted every event (Kafka: acknowledged by all
   * in-sync replicas). Events of one stream keep their order: the partition key is
   * tenant + stream id.
   */
  publish(source: string, events: readonly StoredEvent[]): Promise<void>;
  /**
   * Optional: does a publish's CPU work now (encoding the messages) and returns the send,
   * which behaves as `publish(source, events)` and may be called again after a failure.
   * The relay prepares the next batch while the broker acknowledges the current one, so
   * the encoding runs in the wait instead of after it (docs/performance.md, Kafka relay).
   */
  prepare?(source: string, events: readonly StoredEvent[]): () => Promise<void>;
  /** Joins `group` on the topics of `sources`; resolves once the subscription is running. */
  subscribe(options: BusSubscribeOptions): Promise<BusSubscription>;
  /** Reads the dead-letter topics of `sources` (operators, replay tools, tests). */
  subscribeDeadLetters(options: DeadLetterSubscribeOptions): Promise<BusSubscription>;
  /** Stops every subscription of this bus (draining and committing) and disconnects. */
  close(): Promise<void>;
}

/** Where a message sits on the bus. Offsets are decimal strings (Kafka offsets are 64-bit). */
export interface BusPosition {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
}

export interface Delivery {
  /** The full envelope, upcast to the schema version the subscriber knows. */
  readonly event: StoredEvent;
  /** The service that published it. */
  readonly source: string;
  readonly position: BusPosition;
  /**
   * W3C traceparent to continue for work done for this delivery (a projection update, a
   * follow-up command): the consumer's `process` span where the adapter traces (Kafka).
   * Absent otherwise; continue `event.traceparent` then.
   */
  readonly traceparent?: string;
}

/**
 * Receives the next deliveries of one partition, in order. Must be idempotent: a
 * delivery can arrive again after a crash, a rebalance or a relay restart (see Inbox).
 * When it throws, the deliveries are retried one by one; one that keeps failing is
 * dead-lettered and the partition goes on.
 */
export type BatchHandler = (deliveries: readonly Delivery[]) => Promise<void> | void;

export interface RetryPolicy {
  /** Handler attempts per message before it is dead-lettered. */
  readonly maxAttempts: number;
  readonly initialBackoffMs: number;
  readonly maxBackoffMs: number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = { maxAttempts: 5, initialBackoffMs: 200, maxBackoffMs: 10_000 };

export interface BusSubscribeOptions {
  /** Consumer group: instances of one service share its partitions. */
  readonly group: string;
  /** Services whose events to receive. */
  readonly sources: readonly string[];
  readonly handle: BatchHandler;
  readonly retry?: Partial<RetryPolicy>;
  /** Event types this subscriber understands; any other type is dead-lettered. Default: all. */
  readonly knownTypes?: readonly string[];
  /** Upcasts older schema versions; a version newer than the registry knows is dead-lettered. */
  readonly schemas?: EventSchemaRegistry;
  /** Checks an event's data (e.g. a zod schema per type); throwing dead-letters the event. */
  readonly validate?: (event: StoredEvent) => void;
  /** Where a group without committed positions starts. Default `earliest`: everything still retained. */
  readonly startFrom?: 'earliest' | 'latest';
  /** At most this many deliveries per handler call. Default 500. */
  readonly maxBatchSize?: number;
}

/** A message that was given up on, with where it came from and why. */
export interface DeadLetter {
  readonly origin: BusPosition;
  readonly source: string;
  /** The consumer group that gave up. */
  readonly group: string;
  readonly error: { readonly code: string; readonly message: string };
  /** Handler attempts made; 0 when the message was refused before the handler ran. */
  readonly attempts: number;
  readonly deadLetteredAt: string;
  /** The event, when the message could be decoded. */
  readonly event?: StoredEvent;
  /** The original message body as text (for malformed messages, the only copy). */
  readonly payload: string;
  /** Where the dead letter itself sits. */
  readonly position: BusPosition;
}

export interface DeadLetterSubscribeOptions {
  readonly group: string;
  readonly sources: readonly string[];
  /** Retried with backoff until it succeeds: a dead letter is never dropped. */
  readonly handle: (letters: readonly DeadLetter[]) => Promise<void> | void;
  readonly retry?: Partial<Omit<RetryPolicy, 'maxAttempts'>>;
  readonly startFrom?: 'earliest' | 'latest';
}

export interface BusSubscription {
  /** Resolves once this member has joined its group and holds its partitions. */
  readonly ready: Promise<void>;
  /** Finishes the delivery in hand, commits what was handled, leaves the group. */
  stop(): Promise<void>;
}
