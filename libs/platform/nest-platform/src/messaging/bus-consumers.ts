import { Inject, Injectable } from '@nestjs/common';
import { InterruptibleSleeper, backoffDelay, errorMessage, type BusSubscription, type EventBus, type MessagingLogger } from '@leerzone/messaging';
import type { EventSchemaRegistry } from '@leerzone/kernel';
import type { ProjectionStore } from '@leerzone/projection-store';
import { EVENT_SCHEMAS, PROJECTION_STORE } from '../tokens';
import type { BusConsumer } from './bus-consumer';
import { BusProjection, tracedApply, type BusProjectionOptions } from './bus-projection';

export type ConsumerState = 'registered' | 'starting' | 'subscribed' | 'joined' | 'retrying' | 'stopped';

export interface ConsumerStatus {
  readonly group: string;
  readonly sources: readonly string[];
  readonly state: ConsumerState;
  readonly since: string;
  readonly lastError?: string;
}

const RESUBSCRIBE_BACKOFF = { initialBackoffMs: 500, maxBackoffMs: 30_000 };

/** One registered consumer: prepared and subscribed in the background, retried until it runs. */
class ConsumerRun {
  state: ConsumerState = 'registered';
  since = new Date().toISOString();
  lastError: string | undefined;
  private subscription: BusSubscription | undefined;
  private loop: Promise<void> | undefined;
  private stopping = false;
  private readonly sleeper = new InterruptibleSleeper();
  private schemas: EventSchemaRegistry | undefined;

  constructor(readonly consumer: BusConsumer) {}

  start(bus: EventBus, logger: MessagingLogger, schemas: EventSchemaRegistry): void {
    this.schemas = schemas;
    this.loop = this.run(bus, logger);
  }

  async stop(): Promise<void> {
    this.stopping = true;
    this.sleeper.interrupt();
    await this.loop;
    // Drains the handler call in hand, commits it, leaves the group.
    await this.subscription?.stop();
    this.moveTo('stopped');
  }

  status(): ConsumerStatus {
    return { group: this.consumer.group, sources: this.consumer.sources, state: this.state, since: this.since, ...(this.lastError ? { lastError: this.lastError } : {}) };
  }

  private moveTo(state: ConsumerState): void {
    this.state = state;
    this.since = new Date().toISOString();
  }

  // Neither a broker that is down at start nor a read-model store that is not reachable yet
  // may stop the process: it keeps trying, and readiness says why it is not there yet.
  private async run(bus: EventBus, logger: MessagingLogger): Promise<void> {
    const { consumer } = this;
    for (let attempt = 1; !this.stopping; attempt++) {
      this.moveTo(attempt === 1 ? 'starting' : 'retrying');
      try {
        await consumer.prepare?.();
        if (this.stopping) return;
        const subscription = await bus.subscribe({
          group: consumer.group,
          sources: consumer.sources,
          handle: consumer.handle,
          ...(consumer.knownTypes ? { knownTypes: consumer.knownTypes } : {}),
          // The process's registry unless the consumer brings its own reading of other services' schemas.
          ...(consumer.schemas ?? this.schemas ? { schemas: consumer.schemas ?? this.schemas } : {}),
          ...(consumer.validate ? { validate: consumer.validate } : {}),
          ...(consumer.retry ? { retry: consumer.retry } : {}),
          ...(consumer.maxBatchSize ? { maxBatchSize: consumer.maxBatchSize } : {}),
        });
        this.subscription = subscription;
        this.lastError = undefined;
        this.moveTo('subscribed');
        void subscription.ready.then(() => {
          if (this.state === 'subscribed') this.moveTo('joined');
        });
        return;
      } catch (error) {
        this.lastError = errorMessage(error);
        const delayMs = backoffDelay(attempt, RESUBSCRIBE_BACKOFF);
        logger.error('Consumer could not start; trying again.', { group: consumer.group, attempt, delayMs, error: this.lastError });
        if (!(await this.sleeper.sleep(delayMs))) return;
      }
    }
  }
}

/**
 * The consumer groups of this process. Service modules register theirs while the
 * application initialises (constructor or onModuleInit); they start when the application
 * has bootstrapped, and stop (draining and committing) before the stores close.
 */
@Injectable()
export class BusConsumers {
  private readonly runs: ConsumerRun[] = [];
  private readonly registered = new Set<string>();
  private running: { readonly bus: EventBus; readonly logger: MessagingLogger } | undefined;
  private stopped = false;

  constructor(
    @Inject(PROJECTION_STORE) private readonly projectionStore: ProjectionStore,
    @Inject(EVENT_SCHEMAS) private readonly schemas: EventSchemaRegistry,
  ) {}

  register(consumer: BusConsumer): void {
    if (this.stopped) throw new Error(`Consumer ${consumer.group} registered after the consumers stopped.`);
    // Checked on the name at registration: a BusProjection's group gains its generation later.
    if (this.registered.has(consumer.group)) throw new Error(`Consumer group ${consumer.group} is registered twice.`);
    this.registered.add(consumer.group);
    const run = new ConsumerRun(consumer);
    this.runs.push(run);
    // Registered late (a transport's listen, after bootstrap): it starts at once.
    if (this.running) run.start(this.running.bus, this.running.logger, this.schemas);
  }

  /** A read model fed over the bus, kept in this process's projection store and traced (see `BusProjection`). */
  registerProjection(options: Omit<BusProjectionOptions, 'store'>): BusProjection {
    const projection = new BusProjection({ instrument: tracedApply, ...options, store: this.projectionStore });
    this.register(projection);
    return projection;
  }

  status(): ConsumerStatus[] {
    return this.runs.map((run) => run.status());
  }

  /** @internal MessagingRuntime */
  startAll(bus: EventBus, logger: MessagingLogger): void {
    this.running = { bus, logger };
    for (const run of this.runs) run.start(bus, logger, this.schemas);
  }

  /** @internal MessagingRuntime */
  async stopAll(): Promise<void> {
    this.stopped = true;
    this.running = undefined;
    await Promise.all(this.runs.map((run) => run.stop()));
  }
}
