import { silentMessagingLogger, type MessagingLogger } from '@leerzone/messaging';
import type { Consumer, Kafka } from 'kafkajs';
import { KafkaEventBus } from '../kafka-event-bus';
import type { KafkaEventBusOptions } from '../kafka-options';

/** A topic namespace no other test run uses, so tests on one broker never see each other's events. */
export const uniqueNamespace = (prefix = 't'): string => `${prefix}${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;

/** Settings for tests: small partitions count, quick failure detection, short fetch waits. */
export function testBusOptions(brokers: string, namespace: string, overrides: Partial<KafkaEventBusOptions> = {}, logger: MessagingLogger = silentMessagingLogger): KafkaEventBusOptions {
  return {
    brokers: brokers.split(','),
    clientId: 'leerzone-test',
    namespace,
    topics: { partitions: 4, replicationFactor: 1 },
    consumer: { sessionTimeoutMs: 10_000, heartbeatIntervalMs: 1_000, maxWaitTimeMs: 100 },
    logger,
    ...overrides,
  };
}

/** Deletes every topic of a namespace (after a test). */
export async function deleteNamespaceTopics(brokers: string, namespace: string): Promise<void> {
  const bus = new KafkaEventBus(testBusOptions(brokers, namespace));
  const admin = bus.kafka.admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((topic) => topic.startsWith(`${namespace}.`));
    if (topics.length > 0) await admin.deleteTopics({ topics });
  } finally {
    await admin.disconnect();
    await bus.close();
  }
}

export interface RecordedMessage {
  readonly partition: number;
  readonly offset: string;
  readonly key: string;
  readonly value: string | null;
  readonly headers: Record<string, string>;
}

/**
 * Reads a topic from the beginning with a plain kafkajs consumer (no Leerzone code on the
 * reading side), so tests check what is really on the topic.
 */
export class TopicRecorder {
  readonly messages: RecordedMessage[] = [];
  private consumer: Consumer | undefined;

  constructor(
    private readonly kafka: Kafka,
    private readonly topic: string,
  ) {}

  async start(): Promise<this> {
    this.consumer = this.kafka.consumer({ groupId: `recorder-${uniqueNamespace()}`, maxWaitTimeInMs: 100 });
    await this.consumer.connect();
    await this.consumer.subscribe({ topics: [this.topic], fromBeginning: true });
    await this.consumer.run({
      eachMessage: async ({ partition, message }) => {
        const headers: Record<string, string> = {};
        for (const [name, value] of Object.entries(message.headers ?? {})) if (value !== undefined) headers[name] = String(Array.isArray(value) ? value[0] : value);
        this.messages.push({ partition, offset: message.offset, key: message.key?.toString('utf8') ?? '', value: message.value?.toString('utf8') ?? null, headers });
      },
    });
    return this;
  }

  async stop(): Promise<void> {
    await this.consumer?.disconnect();
  }
}
