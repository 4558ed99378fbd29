import { InvalidMessagingArgumentError, type MessagingLogger } from '@leerzone/messaging';
import type { KafkaConfig } from 'kafkajs';

export interface TopicSettings {
  /** Partitions of each event topic: the most consumers one group can spread over. Default 6. */
  readonly partitions: number;
  /** Copies of each partition. 1 on a single local broker; 3 in production. Default 1. */
  readonly replicationFactor: number;
  /** Extra topic configs (e.g. `min.insync.replicas`, `retention.ms`). */
  readonly configEntries?: ReadonlyArray<{ readonly name: string; readonly value: string }>;
}

export interface ConsumerSettings {
  /** A member that misses heartbeats this long is declared dead and its partitions move. Default 30 s. */
  readonly sessionTimeoutMs: number;
  readonly heartbeatIntervalMs: number;
  /** How long a fetch waits for data; lower means less latency, more requests. Default 500 ms. */
  readonly maxWaitTimeMs: number;
  /** Partitions handled at once by one member (each in order). Default 1. */
  readonly partitionsConsumedConcurrently: number;
  readonly maxBytesPerPartition: number;
}

export interface KafkaEventBusOptions {
  /** `host:port` of one or more brokers. Use 127.0.0.1, not localhost (kafkajs resolves IPv6 first). */
  readonly brokers: readonly string[];
  /** Names this process in broker logs and quotas, e.g. `governance`. */
  readonly clientId: string;
  /** Topic prefix: topics are `<namespace>.<service>.events`. Default `leerzone`. */
  readonly namespace?: string;
  readonly topics?: Partial<TopicSettings>;
  readonly consumer?: Partial<ConsumerSettings>;
  readonly logger?: MessagingLogger;
  /** Passed to `new Kafka(...)` last: TLS, SASL, a socket factory. */
  readonly kafka?: Partial<KafkaConfig>;
}

export const DEFAULT_TOPIC_SETTINGS: TopicSettings = { partitions: 6, replicationFactor: 1 };

export const DEFAULT_CONSUMER_SETTINGS: ConsumerSettings = {
  sessionTimeoutMs: 30_000,
  heartbeatIntervalMs: 3_000,
  maxWaitTimeMs: 500,
  partitionsConsumedConcurrently: 1,
  maxBytesPerPartition: 1_048_576,
};

const positive = (field: string, value: number) => {
  if (!Number.isSafeInteger(value) || value < 1) throw new InvalidMessagingArgumentError(field, `${field} must be a positive integer, got ${String(value)}.`);
};

export function validateKafkaOptions(options: KafkaEventBusOptions): { topics: TopicSettings; consumer: ConsumerSettings } {
  if (!Array.isArray(options.brokers) || options.brokers.length === 0 || options.brokers.some((b) => !/^[^\s:]+:\d{1,5}$/.test(b))) {
    throw new InvalidMessagingArgumentError('brokers', `brokers must be a non-empty list of host:port, got ${JSON.stringify(options.brokers)}.`);
  }
  if (typeof options.clientId !== 'string' || !/^[A-Za-z0-9._-]{1,100}$/.test(options.clientId)) {
    throw new InvalidMessagingArgumentError('clientId', 'clientId is 1-100 letters, digits and . _ -.');
  }
  const topics = { ...DEFAULT_TOPIC_SETTINGS, ...options.topics };
  positive('topics.partitions', topics.partitions);
  positive('topics.replicationFactor', topics.replicationFactor);
  const consumer = { ...DEFAULT_CONSUMER_SETTINGS, ...options.consumer };
  for (const [name, value] of Object.entries(consumer)) positive(`consumer.${name}`, value);
  if (consumer.heartbeatIntervalMs >= consumer.sessionTimeoutMs) {
    throw new InvalidMessagingArgumentError('consumer.heartbeatIntervalMs', 'The heartbeat interval must be shorter than the session timeout.');
  }
  return { topics, consumer };
}

/**
 * Reads the bus configuration from the environment: `KAFKA_BROKERS` (comma-separated,
 * required), `KAFKA_TOPIC_PARTITIONS`, `KAFKA_TOPIC_REPLICATION_FACTOR`,
 * `KAFKA_NAMESPACE`, `KAFKA_SESSION_TIMEOUT_MS`.
 */
export function kafkaOptionsFromEnv(env: Readonly<Record<string, string | undefined>>, clientId: string): KafkaEventBusOptions {
  const brokers = (env['KAFKA_BROKERS'] ?? '').split(',').map((b) => b.trim()).filter(Boolean);
  if (brokers.length === 0) throw new InvalidMessagingArgumentError('KAFKA_BROKERS', 'KAFKA_BROKERS is not set (e.g. 127.0.0.1:19092).');
  const int = (name: string): number | undefined => {
    const text = env[name];
    if (text === undefined || text === '') return undefined;
    if (!/^\d+$/.test(text)) throw new InvalidMessagingArgumentError(name, `${name} must be a positive integer, got ${JSON.stringify(text)}.`);
    return Number(text);
  };
  const partitions = int('KAFKA_TOPIC_PARTITIONS');
  const replicationFactor = int('KAFKA_TOPIC_REPLICATION_FACTOR');
  const sessionTimeoutMs = int('KAFKA_SESSION_TIMEOUT_MS');
  const options: KafkaEventBusOptions = {
    brokers,
    clientId,
    ...(env['KAFKA_NAMESPACE'] ? { namespace: env['KAFKA_NAMESPACE'] } : {}),
    topics: { ...(partitions !== undefined ? { partitions } : {}), ...(replicationFactor !== undefined ? { replicationFactor } : {}) },
    consumer: sessionTimeoutMs !== undefined ? { sessionTimeoutMs, heartbeatIntervalMs: Math.max(1, Math.floor(sessionTimeoutMs / 10)) } : {},
  };
  validateKafkaOptions(options);
  return options;
}
