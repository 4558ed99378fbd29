import type { EventStore, StoredEvent, Subscription } from '@leerzone/kernel';
import { InterruptibleSleeper, backoffDelay, type BackoffPolicy } from './backoff';
import type { CheckpointStore } from './checkpoint-store.port';
import { InvalidMessagingArgumentError, errorMessage } from './errors';
import type { EventBus } from './event-bus.port';
import { consoleMessagingLogger, type MessagingLogger } from './messaging-logger';
import { assertServiceName } from './topic-naming';

export interface EventRelayOptions {
  /** Names the checkpoint; one per (store, bus) pair, e.g. `governance->kafka`. */
  readonly name: string;
  /** The service whose store this is; its events go to that service's topic. */
  readonly source: string;
  readonly store: EventStore;
  readonly bus: Pick<EventBus, 'publish' | 'prepare'>;
  readonly checkpoints: CheckpointStore;
  /** Events per publish (one producer request). Default 500. */
  readonly batchSize?: number;
  /** Waits between failed publishes while the bus is unreachable. Default 200 ms doubling to 10 s. */
  readonly backoff?: BackoffPolicy;
  /** Events that stay private to the service. They still advance the checkpoint. */
  readonly filter?: (event: StoredEvent) => boolean;
  readonly logger?: MessagingLogger;
}

export interface RelayStatus {
  readonly running: boolean;
  /** Global position of the last event the bus acknowledged and the checkpoint holds. */
  readonly checkpoint: number;
  /** Set while publishing fails (broker down); cleared by the next success. */
  readonly failingSince?: string;
  readonly lastError?: string;
}

class RelayStopped extends Error {}

/**
 * Forwards a service's event store to its topic. The store is the outbox: an event
 * acknowledged to a caller is in the store, and the relay publishes everything after
 * its checkpoint, so the event reaches the bus even if the process died between the
 * append and the publish.
 *
 * - At-least-once: the checkpoint moves only after the bus acknowledged the batch; a
 *   crash in between publishes that batch again (consumers dedupe, see Inbox).
 * - In order: one send at a time, in global order (the next batch is read from the store,
 *   and encoded if the bus can `prepare`, meanwhile); with Kafka's idempotent producer and one request in flight, retries
 *   cannot reorder a partition.
 * - While the bus is down it backs off and retries the same batch forever; when the bus
 *   returns it catches up from where it stopped.
 */
export class EventRelay {
  private readonly batchSize: number;
  private readonly backoff: BackoffPolicy;
  private readonly logger: MessagingLogger;
  private sleeper = new InterruptibleSleeper();
  private subscription: Subscription | undefined;
  private supervisor: Promise<void> | undefined;
  private stopping = false;
  private checkpoint = 0;
  private failingSince: string | undefined;
  private lastError: string | undefined;
  private readonly waiters = new Set<{ position: number; resolve: () => void }>();
  private requestStop: () => void = () => undefined;
  private stopRequested: Promise<void> = Promise.resolve();

  constructor(private readonly options: EventRelayOptions) {
    assertServiceName('source', options.source);
    if (typeof options.name !== 'string' || options.name.length === 0 || options.name.length > 200) {
      throw new InvalidMessagingArgumentError('name', 'A relay needs a name of 1-200 characters (it keys the checkpoint).');
    }
    this.batchSize = options.batchSize ?? 500;
    if (!Number.isSafeInteger(this.batchSize) || this.batchSize < 1 || this.batchSize > 10_000) {
      throw new InvalidMessagingArgumentError('batchSize', `batchSize must be an integer from 1 to 10000, got ${String(options.batchSize)}.`);
    }
    this.backoff = options.backoff ?? { initialBackoffMs: 200, maxBackoffMs: 10_000 };
    this.logger = options.logger ?? consoleMessagingLogger;
  }

  /** Loads the checkpoint and starts forwarding; resolves once the subscription runs. */
  async start(): Promise<void> {
    if (this.supervisor) throw new InvalidMessagingArgumentError('start', `Relay ${this.options.name} is already running.`);
    this.stopping = false;
    this.sleeper = new InterruptibleSleeper();
    this.stopRequested = new Promise((resolve) => (this.requestStop = resolve));
    this.checkpoint = await this.options.checkpoints.load(this.options.name);
    this.supervisor = this.supervise();
  }

  /** Finishes or abandons the batch in hand (it will be sent again), then stops. */
  async stop(): Promise<void> {
    this.stopping = true;
    this.sleeper.interrupt();
    this.requestStop();
    await this.supervisor;
    this.supervisor = undefined;
  }

  get name(): string {
    return this.options.name;
  }

  status(): RelayStatus {
    return {
      running: this.supervisor !== undefined && !this.stopping,
      checkpoint: this.checkpoint,
      ...(this.failingSince ? { failingSince: this.failingSince } : {}),
      ...(this.lastError ? { lastError: this.lastError } : {}),
    };
  }

  /** Resolves once the checkpoint has reached `position` (tests, start-up ordering). */
  waitForCheckpoint(position: number): Promise<void> {
    if (this.checkpoint >= position) return Promise.resolve();
    return new Promise((resolve) => this.waiters.add({ position, resolve }));
  }

  // One subscription at a time; when reading the store, publishing or saving the
  // checkpoint fails, it is restarted from the last saved checkpoint after a backoff.
  //
  // Pipelined one batch deep: `onEvents` queues the batch behind the one being sent and
  // returns as soon as that one is done, so the store reads the next batch while the
  // broker acknowledges the current one. Sends and checkpoints stay strictly in order.
  private async supervise(): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      let inflight: Promise<void> = Promise.resolve();
      let broken: { error: unknown } | undefined;
      const failed = await Promise.race([
        new Promise<unknown>((resolve) => {
          this.subscription = this.options.store.subscribe({
            after: this.checkpoint,
            batchSize: this.batchSize,
            onEvents: async (events) => {
              const send = this.prepareSend(events);
              const previous = inflight;
              inflight = previous.then(async () => {
                if (broken) return;
                try {
                  await this.forward(events, send);
                  failures = 0;
                } catch (error) {
                  broken = { error };
                  resolve(error);
                }
              });
              await previous;
              if (broken) throw broken.error;
              // The send just started has CPU work of its own (the client encodes its request);
              // reading and encoding the next batch after it, while the broker acknowledges,
              // takes them off the path of the sends (docs/performance.md, Kafka relay).
              await new Promise<void>((resolve) => setImmediate(resolve));
            },
            onError: resolve,
          });
        }),
        this.stopRequested.then(() => new RelayStopped()),
      ]);
      await this.subscription?.stop();
      await inflight;
      if (this.stopping || failed instanceof RelayStopped) break;
      failures++;
      this.lastError = errorMessage(failed);
      this.logger.error('Relay failed; restarting from its checkpoint after a backoff.', { relay: this.options.name, error: this.lastError });
      if (!(await this.sleeper.sleep(backoffDelay(failures, this.backoff)))) break;
      try {
        this.checkpoint = await this.options.checkpoints.load(this.options.name);
      } catch (error) {
        this.lastError = errorMessage(error);
      }
    }
  }

  /** The send of a batch's events (nothing when the filter keeps none), encoded now if the bus can. */
  private prepareSend(events: readonly StoredEvent[]): (() => Promise<void>) | undefined {
    const outgoing = this.options.filter ? events.filter(this.options.filter) : events;
    if (outgoing.length === 0) return undefined;
    const { bus, source } = this.options;
    if (!bus.prepare) return () => bus.publish(source, outgoing);
    try {
      return bus.prepare(source, outgoing);
    } catch {
      // Prepared again in its turn, where a failure is a failed publish (backoff, retry).
      let send: (() => Promise<void>) | undefined;
      return async () => {
        send ??= bus.prepare!(source, outgoing);
        await send();
      };
    }
  }

  private async forward(events: readonly StoredEvent[], send: (() => Promise<void>) | undefined): Promise<void> {
    const last = events[events.length - 1]!.globalPosition;
    if (send) await this.publishUntilAcknowledged(send);
    await this.options.checkpoints.save(this.options.name, last);
    this.checkpoint = last;
    for (const waiter of [...this.waiters]) {
      if (waiter.position <= last) {
        this.waiters.delete(waiter);
        waiter.resolve();
      }
    }
  }

  private async publishUntilAcknowledged(send: () => Promise<void>): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      if (this.stopping) throw new RelayStopped();
      try {
        await send();
        if (this.failingSince) {
          this.logger.warn('Relay publishes again.', { relay: this.options.name, failingSince: this.failingSince, attempts: attempt });
          this.failingSince = undefined;
          this.lastError = undefined;
        }
        return;
      } catch (error) {
        this.lastError = errorMessage(error);
        if (!this.failingSince) {
          this.failingSince = new Date().toISOString();
          this.logger.warn('Relay cannot publish; backing off until the bus is back.', { relay: this.options.name, error: this.lastError });
        }
        if (!(await this.sleeper.sleep(backoffDelay(attempt, this.backoff)))) throw new RelayStopped();
      }
    }
  }
}
