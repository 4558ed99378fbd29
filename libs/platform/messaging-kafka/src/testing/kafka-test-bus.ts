import { silentMessagingLogger, type MessagingLogger } from '@leerzone/messaging';
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
