import { randomUUID } from 'node:crypto';
import { readToEnd } from '@leerzone/cli';
import { CE_HEADERS, toKafkaRecord } from '@leerzone/messaging-kafka';
import type { StoredEvent } from '@leerzone/kernel';
import { Kafka, logLevel } from 'kafkajs';
import type { FaultStack } from '../stack/fault-stack';

const kafkaOf = (stack: FaultStack) => new Kafka({ brokers: stack.options.kafkaBrokers.split(','), clientId: 'leerzone-faults', logLevel: logLevel.NOTHING });

export interface Poison {
  readonly eventId: string;
  readonly kind: 'malformed' | 'unknown type' | 'future schema version';
  readonly topic: string;
  /**
   * Malformed and future-version messages are refused before any handler and dead-lettered;
   * a type no consumer knows is ignored by every one of them (consumers ignore what they do
   * not handle unless they list knownTypes, docs/messaging.md) — it must change nothing.
   */
  readonly deadLettered: boolean;
}

/**
 * Three poison messages on governance's topic (which analytics and the team directories of
 * okr, assessment and failure-learning read): a value that is not JSON, a type nobody knows,
 * and a known type at a schema version from the future. Each a fresh id, in a tenant of its
 * own, so that no read model of the load's tenants could be touched by them.
 */
export async function sendPoison(stack: FaultStack, round: number): Promise<Poison[]> {
  const topic = `${stack.options.name}.governance.events`;
  const base = (type: string, schemaVersion: number): StoredEvent => ({
    eventId: randomUUID(),
    type,
    schemaVersion,
    tenantId: 'faults-poison',
    streamId: `team-poison-${round}-${randomUUID().slice(0, 8)}`,
    streamPosition: 1,
    globalPosition: 1,
    occurredAt: new Date().toISOString(),
    recordedAt: new Date().toISOString(),
    actor: { id: 'faults', kind: 'service' },
    correlationId: `poison-${round}`,
    causationId: `poison-${round}`,
    metadata: {},
    hash: '0'.repeat(64),
    data: { teamId: 'poison', name: 'Poison' },
  }) as unknown as StoredEvent;
  const malformed = toKafkaRecord('governance', 'faults-poison/malformed', base('TeamCreated', 1));
  const unknown = toKafkaRecord('governance', 'faults-poison/unknown', base('FaultSuitePoisonHappened', 1));
  const future = toKafkaRecord('governance', 'faults-poison/future', base('TeamCreated', 99));
  const records = [
    { kind: 'malformed' as const, record: { ...malformed, value: '{"this is": not json' } },
    { kind: 'unknown type' as const, record: unknown },
    { kind: 'future schema version' as const, record: future },
  ];
  const producer = kafkaOf(stack).producer();
  await producer.connect();
  try {
    await producer.send({ topic, acks: -1, messages: records.map(({ record }) => ({ key: record.key, value: record.value, headers: record.headers })) });
  } finally {
    await producer.disconnect();
  }
  return records.map(({ kind, record }) => ({ kind, topic, eventId: record.headers[CE_HEADERS.id]!, deadLettered: kind !== 'unknown type' }));
}

/**
 * Duplicate deliveries: `count` messages already on each writing service's topic, sent again
 * with their key, value and headers (so into their partition, after later events of the
 * same streams) — what a producer's retry or a relay's resend looks like to a consumer.
 */
export async function resendMessages(stack: FaultStack, count: number): Promise<number> {
  const target = { kafka: kafkaOf(stack), brokers: stack.options.kafkaBrokers, namespace: stack.options.name };
  const producer = target.kafka.producer();
  await producer.connect();
  let sent = 0;
  try {
    for (const service of ['governance', 'okr', 'assessment', 'failure-learning']) {
      const topic = `${stack.options.name}.${service}.events`;
      const messages = (await readToEnd(target, [topic])).filter((m) => !String(m.key ?? '').startsWith('faults-poison'));
      const picked = [...messages].sort(() => Math.random() - 0.5).slice(0, count);
      if (picked.length === 0) continue;
      await producer.send({ topic, acks: -1, messages: picked.map((m) => ({ key: m.key, value: m.value, headers: m.headers })) });
      sent += picked.length;
    }
  } finally {
    await producer.disconnect();
  }
  return sent;
}
