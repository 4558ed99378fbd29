import type { EventSchemaRegistry, StoredEvent } from '@leerzone/kernel';
import type { BatchHandler, RetryPolicy } from '@leerzone/messaging';

/**
 * A consumer group a service runs over the bus. `handle` must be idempotent: every delivery
 * can come again (see `Inbox`, `SqliteInbox`, or `BusProjection` for ready-made ways).
 */
export interface BusConsumer {
  /** Consumer group: every instance of the service joins it and they share the partitions. Read after `prepare()`. */
  readonly group: string;
  /** Services whose events to receive. */
  readonly sources: readonly string[];
  readonly handle: BatchHandler;
  /** Event types this consumer understands; any other is dead-lettered. Default: all (ignore what you do not handle). */
  readonly knownTypes?: readonly string[];
  readonly schemas?: EventSchemaRegistry;
  readonly validate?: (event: StoredEvent) => void;
  readonly retry?: Partial<RetryPolicy>;
  readonly maxBatchSize?: number;
  /** Runs before the group is joined (e.g. preparing the read model); retried with the subscription until it succeeds. */
  prepare?(): Promise<void>;
}
