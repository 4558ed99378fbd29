import { join } from 'node:path';
import { InMemoryCheckpointStore, InProcessEventBus, assertServiceName, type CheckpointStore, type EventBus, type MessagingLogger } from '@leerzone/messaging';
import { KafkaEventBus, SqliteCheckpointStore, kafkaOptionsFromEnv } from '@leerzone/messaging-kafka';

export interface MessagingOptions {
  /** This process's service name (`governance`): the Kafka client id. */
  readonly service: string;
  /**
   * The service whose events this process's event store holds: the relay forwards them to
   * its topic (`leerzone.<publishes>.events`). Default: `service`. `false`: relay nothing.
   */
  readonly publishes?: string | false;
  /** Where the relay keeps its checkpoint when the bus is Kafka. */
  readonly dataDir: string;
  /** Reads KAFKA_BROKERS and the other KAFKA_* variables. Default: `process.env`. */
  readonly env?: NodeJS.ProcessEnv;
}

/** What `MessagingModule.forRoot` resolved its options to. */
export interface MessagingSetup {
  readonly service: string;
  readonly publishes: string | undefined;
  readonly transport: 'kafka' | 'in-process';
  readonly openBus: (logger: MessagingLogger) => EventBus;
  /** Durable in Kafka mode (a restart resumes); in memory with the in-process bus, which is rebuilt from the store at every start anyway. */
  readonly openCheckpoints: () => CheckpointStore;
  /** The relay's checkpoint key. */
  readonly relayName: string | undefined;
}

/** Kafka when KAFKA_BROKERS is set (a bad KAFKA_* value stops start-up naming the variable), else the in-process bus. */
export function resolveMessagingSetup(options: MessagingOptions): MessagingSetup {
  assertServiceName('service', options.service);
  const publishes = options.publishes === false ? undefined : (options.publishes ?? options.service);
  if (publishes !== undefined) assertServiceName('publishes', publishes);
  const env = options.env ?? process.env;
  if ((env['KAFKA_BROKERS'] ?? '').trim() !== '') {
    const kafka = kafkaOptionsFromEnv(env, `leerzone-${options.service}`);
    return {
      service: options.service,
      publishes,
      transport: 'kafka',
      openBus: (logger) => new KafkaEventBus({ ...kafka, logger }),
      openCheckpoints: () => new SqliteCheckpointStore({ filename: join(options.dataDir, 'relay-checkpoints.db') }),
      relayName: publishes && `${publishes}->kafka`,
    };
  }
  return {
    service: options.service,
    publishes,
    transport: 'in-process',
    openBus: (logger) => new InProcessEventBus({ logger }),
    openCheckpoints: () => new InMemoryCheckpointStore(),
    relayName: publishes && `${publishes}->in-process`,
  };
}
