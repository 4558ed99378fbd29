import { join } from 'node:path';
import type { LeaseProvider, StoredEvent } from '@leerzone/kernel';
import { InMemoryCheckpointStore, InProcessEventBus, assertServiceName, type CheckpointStore, type EventBus, type MessagingLogger } from '@leerzone/messaging';
import { KafkaEventBus, kafkaOptionsFromEnv } from '@leerzone/messaging-kafka';
import { SqliteCheckpointStore } from '@leerzone/messaging-sqlite';

export interface MessagingOptions {
  /** This process's service name (`governance`): the Kafka client id. */
  readonly service: string;
  /**
   * The services whose events this process's event store holds: one relay each forwards
   * that service's events (those its filter accepts) to its topic
   * (`leerzone.<service>.events`). A name alone relays every event of the store. Default:
   * `service`. `false`: relay nothing.
   */
  readonly publishes?: string | false | readonly PublishedService[];
  /** Where the relay keeps its checkpoint when the bus is Kafka. */
  readonly dataDir: string;
  /** Reads KAFKA_BROKERS and the other KAFKA_* variables. Default: `process.env`. */
  readonly env?: NodeJS.ProcessEnv;
  /**
   * Several instances over one event store, on Kafka: each relay runs in the instance holding
   * its lease (`relay:<name>`), from a checkpoint every instance shares. Ignored with the
   * in-process bus, where each process relays to its own bus.
   */
  readonly sharedStore?: { readonly leases: LeaseProvider; readonly checkpoints: () => CheckpointStore };
}

export interface PublishedService {
  readonly service: string;
  /** The events of the shared store that are this service's to publish (its stream prefixes, none of its private events). */
  readonly filter?: (event: StoredEvent) => boolean;
}

export interface RelaySetup extends PublishedService {
  /** The relay's checkpoint key: `<service>-><transport>`. */
  readonly name: string;
}

/** What `MessagingModule.forRoot` resolved its options to. */
export interface MessagingSetup {
  readonly service: string;
  readonly relays: readonly RelaySetup[];
  readonly transport: 'kafka' | 'in-process';
  readonly openBus: (logger: MessagingLogger) => EventBus;
  /** Durable in Kafka mode (a restart resumes); in memory with the in-process bus, which is rebuilt from the store at every start anyway. */
  readonly openCheckpoints: () => CheckpointStore;
  /** Set when the relays run under leases (Kafka, a store shared by several instances). */
  readonly leases?: LeaseProvider;
}

/** Kafka when KAFKA_BROKERS is set (a bad KAFKA_* value stops start-up naming the variable), else the in-process bus. */
export function resolveMessagingSetup(options: MessagingOptions): MessagingSetup {
  assertServiceName('service', options.service);
  const published: readonly PublishedService[] =
    options.publishes === false ? [] : typeof options.publishes === 'object' ? options.publishes : [{ service: options.publishes ?? options.service }];
  for (const { service } of published) assertServiceName('publishes', service);
  if (new Set(published.map((p) => p.service)).size !== published.length) assertServiceName('publishes', 'a service named twice');
  const env = options.env ?? process.env;
  const relaysOver = (transport: string): RelaySetup[] => published.map((p) => ({ ...p, name: `${p.service}->${transport}` }));
  if ((env['KAFKA_BROKERS'] ?? '').trim() !== '') {
    const kafka = kafkaOptionsFromEnv(env, `leerzone-${options.service}`);
    return {
      service: options.service,
      relays: relaysOver('kafka'),
      transport: 'kafka',
      openBus: (logger) => new KafkaEventBus({ ...kafka, logger }),
      openCheckpoints: options.sharedStore?.checkpoints ?? (() => new SqliteCheckpointStore({ filename: join(options.dataDir, 'relay-checkpoints.db') })),
      ...(options.sharedStore ? { leases: options.sharedStore.leases } : {}),
    };
  }
  return {
    service: options.service,
    relays: relaysOver('in-process'),
    transport: 'in-process',
    openBus: (logger) => new InProcessEventBus({ logger }),
    openCheckpoints: () => new InMemoryCheckpointStore(),
  };
}
