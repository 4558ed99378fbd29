import { Global, Inject, Injectable, Logger, Module, type BeforeApplicationShutdown, type DynamicModule, type OnApplicationBootstrap } from '@nestjs/common';
import type { EventStore } from '@leerzone/kernel';
import { EventRelay, LeasedWorker, type CheckpointStore, type EventBus } from '@leerzone/messaging';
import { KafkaEventBus } from '@leerzone/messaging-kafka';
import { consumerLag, type GaugeReading } from '@leerzone/observability';
import { ReadinessRegistry } from '../health/readiness';
import { EVENT_STORE } from '../tokens';
import { BusConsumers } from './bus-consumers';
import { BusTransport } from './bus-transport';
import { resolveMessagingSetup, type MessagingOptions, type MessagingSetup } from './messaging-setup';
import { EVENT_BUS, MESSAGING_SETUP } from './messaging.tokens';
import { nestMessagingLogger } from './nest-messaging-logger';

/**
 * Runs this process's side of the bus: the relay from its event store to its topic (the
 * store is the outbox) and the consumer groups its modules registered. Stops them in
 * order before the stores close: consumers drain and commit, the relay finishes or
 * abandons its batch (it is sent again after a restart), then the bus disconnects.
 */
@Injectable()
export class MessagingRuntime implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger('Messaging');
  private readonly messagingLogger = nestMessagingLogger('Messaging');
  private relays: EventRelay[] = [];
  /** With leases: one per relay, running it only while this instance holds its lease. */
  private leased: LeasedWorker[] = [];
  private checkpoints: CheckpointStore | undefined;
  private stopLagGauge: (() => void) | undefined;

  constructor(
    @Inject(MESSAGING_SETUP) private readonly setup: MessagingSetup,
    @Inject(EVENT_BUS) private readonly bus: EventBus,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly consumers: BusConsumers,
    readiness: ReadinessRegistry,
  ) {
    readiness.register({
      name: 'messaging',
      check: async () => {
        const relays = Object.fromEntries(
          this.relays.map((relay, i) => {
            const worker = this.leased[i];
            // A standby relay (another instance holds its lease) is as it should be.
            return [relay.name, worker ? { ...relay.status(), lease: worker.state } : relay.status()];
          }),
        );
        const consumers = this.consumers.status();
        // Consumers that have not joined their group leave read models behind: not ready.
        // An unreachable broker makes the service not ready too (commands that still arrive
        // are stored, and reach the topic when the broker returns).
        const broker = this.bus instanceof KafkaEventBus ? await this.bus.probe() : undefined;
        const ready =
          this.setup.relays.length === this.relays.length && this.relays.every((r, i) => r.status().running || this.leased[i]?.state === 'standby') && consumers.every((c) => c.state === 'joined') && (broker?.reachable ?? true);
        return { ready, details: { transport: this.setup.transport, ...(broker ? { broker } : {}), relays, consumers } };
      },
    });
  }

  async onApplicationBootstrap(): Promise<void> {
    if (this.setup.relays.length > 0) {
      const checkpoints = this.setup.openCheckpoints();
      this.checkpoints = checkpoints;
      // One relay per service: each reads the store and forwards its own service's events to its own topic.
      const leases = this.setup.leases;
      this.relays = this.setup.relays.map(({ name, service, filter }) => {
        const lease = leases?.lease(`relay:${name}`);
        // The fence: a relay whose lease is gone publishes nothing more (another instance relays now).
        const bus = lease
          ? {
              publish: async (source: string, events: Parameters<EventBus['publish']>[1]) => {
                if (!(await lease.confirm())) throw new Error(`This instance no longer holds the lease of relay ${name}; it stops publishing.`);
                return this.bus.publish(source, events);
              },
            }
          : this.bus;
        return new EventRelay({ name, source: service, store: this.store, bus, checkpoints, logger: this.messagingLogger, ...(filter ? { filter } : {}) });
      });
      if (leases) {
        this.leased = this.relays.map(
          (relay) =>
            new LeasedWorker({
              lease: leases.lease(`relay:${relay.name}`),
              work: relay,
              onChange: (leading) => this.logger.log(leading ? `This instance holds the lease of relay ${relay.name}: it relays from ${relay.status().checkpoint}.` : `Relay ${relay.name} stands by: another instance relays.`),
              onError: (error) => this.logger.error(`Relay ${relay.name} lease: ${error instanceof Error ? error.message : String(error)}`),
            }),
        );
        await Promise.all(this.leased.map((worker) => worker.start()));
      } else {
        await Promise.all(this.relays.map((relay) => relay.start()));
      }
    }
    this.consumers.startAll(this.bus, this.messagingLogger);
    if (this.bus instanceof KafkaEventBus) this.stopLagGauge = consumerLag.observe(() => this.kafkaLag(this.bus as KafkaEventBus));
    const relaying = this.relays.map((relay) => `${relay.name} from ${relay.status().checkpoint}`).join(', ');
    this.logger.log(`Bus: ${this.setup.transport}${relaying ? `; relaying ${relaying}` : ''}; ${this.consumers.status().length} consumer group(s)`);
  }

  /** Resolves once everything up to `position` of this process's store is on the bus (tests, start-up ordering). */
  async waitForRelay(position: number): Promise<void> {
    if (this.relays.length === 0) throw new Error('This process relays nothing.');
    await Promise.all(this.relays.map((relay) => relay.waitForCheckpoint(position)));
  }

  // Read at each metric collection (only when metrics are on): committed offsets against the
  // partitions' high watermarks, for the groups this process runs.
  private async kafkaLag(bus: KafkaEventBus): Promise<GaugeReading[]> {
    const readings: GaugeReading[] = [];
    for (const consumer of this.consumers.status()) {
      if (consumer.state !== 'joined') continue;
      for (const { topic, partition, lag } of await bus.consumerLag(consumer.group, consumer.sources)) {
        readings.push({
          value: lag,
          attributes: { 'messaging.consumer.group.name': consumer.group, 'messaging.destination.name': topic, 'messaging.destination.partition.id': String(partition) },
        });
      }
    }
    return readings;
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopLagGauge?.();
    await this.consumers.stopAll();
    if (this.leased.length > 0) await Promise.all(this.leased.map((worker) => worker.stop()));
    else await Promise.all(this.relays.map((relay) => relay.stop()));
    await this.bus.close();
    await this.checkpoints?.close();
    await this.setup.leases?.close();
  }
}

/**
 * The bus for a Leerzone process: `EVENT_BUS` (Kafka when KAFKA_BROKERS is set, else the
 * in-process bus), the relay of its own events, and `BusConsumers` for its modules'
 * consumer groups. Needs the PlatformModule (event store, projection store, readiness).
 */
@Global()
@Module({})
export class MessagingModule {
  static forRoot(options: MessagingOptions): DynamicModule {
    return {
      module: MessagingModule,
      providers: [
        { provide: MESSAGING_SETUP, useFactory: () => resolveMessagingSetup(options) },
        { provide: EVENT_BUS, useFactory: (setup: MessagingSetup) => setup.openBus(nestMessagingLogger('Messaging')), inject: [MESSAGING_SETUP] },
        BusConsumers,
        BusTransport,
        MessagingRuntime,
      ],
      exports: [EVENT_BUS, MESSAGING_SETUP, BusConsumers, BusTransport, MessagingRuntime],
    };
  }
}
