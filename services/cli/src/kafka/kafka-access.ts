import { randomUUID } from 'node:crypto';
import { DEFAULT_NAMESPACE, assertNamespace } from '@leerzone/messaging';
import { Kafka, logLevel, type IHeaders } from 'kafkajs';

/** The broker and namespace a Kafka command works on: `--brokers` / KAFKA_BROKERS, `--namespace` / KAFKA_NAMESPACE (default `leerzone`). */
export interface KafkaTarget {
  readonly kafka: Kafka;
  readonly brokers: string;
  readonly namespace: string;
}

export function kafkaTarget(flags: ReadonlyMap<string, string>, env: NodeJS.ProcessEnv): KafkaTarget {
  const brokers = (flags.get('brokers') ?? env['KAFKA_BROKERS'] ?? '').trim();
  if (!brokers) throw new Error('No Kafka broker given: pass --brokers host:port or set KAFKA_BROKERS (npm run infra:up writes it to infra/local/.run/env).');
  const namespace = flags.get('namespace') ?? env['KAFKA_NAMESPACE'] ?? DEFAULT_NAMESPACE;
  assertNamespace(namespace);
  const kafka = new Kafka({
    clientId: 'leerzone-cli',
    brokers: brokers.split(',').map((b) => b.trim()),
    logLevel: logLevel.NOTHING,
    // An operator waits for an answer: give up after a few seconds with a message, not minutes.
    connectionTimeout: 3_000,
    retry: { initialRetryTime: 200, maxRetryTime: 1_000, retries: 3 },
  });
  return { kafka, brokers, namespace };
}

/** Turns kafkajs's connection failures into a sentence that names the broker. */
export async function withBroker<T>(target: KafkaTarget, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    const name = (error as { name?: string }).name ?? '';
    if (/KafkaJSConnectionError|KafkaJSNumberOfRetriesExceeded|KafkaJSNonRetriableError|KafkaJSBrokerNotFound/.test(name) && /connect|ECONNREFUSED|timeout|broker/i.test(String((error as Error).message))) {
      throw new Error(`Kafka at ${target.brokers} is not reachable (${(error as Error).message}). Is the broker running (npm run infra:up)?`);
    }
    throw error;
  }
}

export interface ReadMessage {
  readonly topic: string;
  readonly partition: number;
  readonly offset: string;
  readonly key: Buffer | null;
  readonly value: Buffer | null;
  readonly headers: IHeaders;
  readonly timestamp: string;
}

/**
 * Every message of `topics` from the start to the end as of the call (topics written
 * without transactions, so every offset is a message). Reads with a throwaway consumer
 * group that is deleted afterwards, so it moves no one's offsets.
 */
export async function readToEnd(target: KafkaTarget, topics: readonly string[]): Promise<ReadMessage[]> {
  const admin = target.kafka.admin();
  await admin.connect();
  const groupId = `leerzone-cli-read-${randomUUID()}`;
  try {
    const existing = new Set(await admin.listTopics());
    const present = topics.filter((t) => existing.has(t));
    const ends = new Map<string, bigint>();
    for (const topic of present) {
      for (const p of await admin.fetchTopicOffsets(topic)) if (BigInt(p.high) > BigInt(p.low)) ends.set(`${topic}:${p.partition}`, BigInt(p.high));
    }
    if (ends.size === 0) return [];
    const messages: ReadMessage[] = [];
    const consumer = target.kafka.consumer({ groupId, allowAutoTopicCreation: false, maxWaitTimeInMs: 200 });
    await consumer.connect();
    try {
      const remaining = new Set(ends.keys());
      let finish!: () => void;
      const done = new Promise<void>((resolve) => (finish = resolve));
      for (const topic of new Set([...ends.keys()].map((k) => k.slice(0, k.lastIndexOf(':'))))) await consumer.subscribe({ topic, fromBeginning: true });
      await consumer.run({
        autoCommit: false,
        eachBatch: async ({ batch }) => {
          const key = `${batch.topic}:${batch.partition}`;
          const end = ends.get(key);
          if (end === undefined) return;
          for (const m of batch.messages) {
            if (BigInt(m.offset) >= end) break;
            messages.push({ topic: batch.topic, partition: batch.partition, offset: m.offset, key: m.key, value: m.value, headers: m.headers ?? {}, timestamp: m.timestamp });
            if (BigInt(m.offset) + 1n >= end) remaining.delete(key);
          }
          if (remaining.size === 0) finish();
        },
      });
      const timeout = new Promise<never>((_, reject) => setTimeout(() => reject(new Error(`Could not read ${topics.join(', ')} to the end within 30 s.`)), 30_000).unref());
      await Promise.race([done, timeout]);
    } finally {
      await consumer.disconnect();
    }
    return messages.sort((a, b) => a.topic.localeCompare(b.topic) || a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset)));
  } finally {
    await admin.deleteGroups([groupId]).catch(() => undefined);
    await admin.disconnect();
  }
}

export const headerText = (headers: IHeaders, name: string): string | undefined => {
  const value = headers[name];
  if (value === undefined) return undefined;
  const first = Array.isArray(value) ? value[0] : value;
  return first === undefined ? undefined : Buffer.isBuffer(first) ? first.toString('utf8') : String(first);
};
