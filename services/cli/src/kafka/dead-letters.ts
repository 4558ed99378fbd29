import { randomUUID } from 'node:crypto';
import { CE_HEADERS, DLQ_HEADERS } from '@leerzone/messaging-kafka';
import type { IHeaders } from 'kafkajs';
import { DEPLOYED_SERVICES } from '../deploy/topology';
import { headerText, readToEnd, type KafkaTarget, type ReadMessage } from './kafka-access';

/**
 * Dead letters as an operator sees them. A letter sits in `<namespace>.<service>.events.dlq`
 * (the consumer gave up on it, with its origin and the error in headers); its id is
 * `<service>:<partition>:<offset>` of that topic.
 *
 * What was decided about each letter is kept in `<namespace>.operations.dead-letter-decisions`
 * (one partition, kept forever): `claimed` → `replayed`, or `discarded`. Replay is at most
 * once: a replay first appends a claim carrying a fresh nonce, reads the log back, and only
 * the first claim for a letter in the log's order may publish — a second operator (or a
 * second try after a crash) finds the letter claimed and stops. A replay that crashed
 * between its claim and its confirmation leaves the letter `claimed`: shown as such, never
 * replayed again by itself.
 */

export const decisionsTopic = (namespace: string): string => `${namespace}.operations.dead-letter-decisions`;
const dlqTopic = (namespace: string, service: string) => `${namespace}.${service}.events.dlq`;

/** Added to a replayed message so consumers and traces can tell it from the original. */
export const REPLAYED_FROM_HEADER = 'leerzone-replayed-from';

export interface Decision {
  readonly letter: string;
  readonly decision: 'claimed' | 'replayed' | 'discarded';
  readonly nonce?: string;
  readonly by: string;
  readonly at: string;
  readonly reason?: string;
  /** Where the replayed copy landed. */
  readonly replayedTo?: { topic: string; partition: number; offset: string };
}

export type LetterStatus = 'pending' | 'claimed' | 'replayed' | 'discarded';

export interface DeadLetterView {
  readonly id: string;
  readonly service: string;
  readonly position: { topic: string; partition: number; offset: string };
  readonly origin: { topic: string; partition: number; offset: string };
  readonly group: string;
  readonly error: { code: string; message: string };
  readonly attempts: number;
  readonly deadLetteredAt: string;
  readonly eventType?: string;
  readonly eventId?: string;
  readonly streamId?: string;
  readonly status: LetterStatus;
  readonly decisions: readonly Decision[];
  readonly message: ReadMessage;
}

const serviceOfTopic = (namespace: string, topic: string): string => topic.slice(namespace.length + 1, -'.events.dlq'.length);

export async function readDecisions(target: KafkaTarget): Promise<Decision[]> {
  const messages = await readToEnd(target, [decisionsTopic(target.namespace)]);
  return messages.flatMap((m) => {
    try {
      return [JSON.parse(m.value?.toString('utf8') ?? '') as Decision];
    } catch {
      return [];
    }
  });
}

/**
 * A letter's status from its decisions in log order: whichever comes first of a discard
 * and a claim decides; a claim is `replayed` once the same nonce confirms it.
 */
export function statusOf(decisions: readonly Decision[]): LetterStatus {
  const first = decisions.find((d) => d.decision === 'discarded' || d.decision === 'claimed');
  if (!first) return 'pending';
  if (first.decision === 'discarded') return 'discarded';
  return decisions.some((d) => d.decision === 'replayed' && d.nonce === first.nonce) ? 'replayed' : 'claimed';
}

export async function listDeadLetters(target: KafkaTarget, services: readonly string[] = DEPLOYED_SERVICES.map((s) => s.name)): Promise<DeadLetterView[]> {
  const [messages, decisions] = await Promise.all([readToEnd(target, services.map((s) => dlqTopic(target.namespace, s))), readDecisions(target)]);
  return messages.map((m) => {
    const service = serviceOfTopic(target.namespace, m.topic);
    const id = `${service}:${m.partition}:${m.offset}`;
    const mine = decisions.filter((d) => d.letter === id);
    const text = (name: string) => headerText(m.headers, name);
    return {
      id,
      service,
      position: { topic: m.topic, partition: m.partition, offset: m.offset },
      origin: { topic: text(DLQ_HEADERS.originTopic) ?? m.topic.replace(/\.dlq$/, ''), partition: Number(text(DLQ_HEADERS.originPartition) ?? -1), offset: text(DLQ_HEADERS.originOffset) ?? '' },
      group: text(DLQ_HEADERS.group) ?? '',
      error: { code: text(DLQ_HEADERS.errorCode) ?? 'MESSAGING.UNKNOWN', message: text(DLQ_HEADERS.errorMessage) ?? '' },
      attempts: Number(text(DLQ_HEADERS.attempts) ?? 0),
      deadLetteredAt: text(DLQ_HEADERS.at) ?? '',
      ...optional('eventType', text(CE_HEADERS.type)),
      ...optional('eventId', text(CE_HEADERS.id)),
      ...optional('streamId', text(CE_HEADERS.subject)),
      status: statusOf(mine),
      decisions: mine,
      message: m,
    };
  });
}

const optional = <K extends string>(key: K, value: string | undefined): Partial<Record<K, string>> => (value === undefined ? {} : ({ [key]: value } as Record<K, string>));

export const parseLetterId = (id: string): { service: string; partition: number; offset: string } => {
  const m = /^([a-z][a-z0-9-]*):(\d+):(\d+)$/.exec(id);
  if (!m) throw new Error(`"${id}" is not a dead-letter id (<service>:<partition>:<offset>, as \`dead-letters list\` shows).`);
  return { service: m[1]!, partition: Number(m[2]), offset: m[3]! };
};

export async function findLetter(target: KafkaTarget, id: string): Promise<DeadLetterView> {
  const { service } = parseLetterId(id);
  const letter = (await listDeadLetters(target, [service])).find((l) => l.id === id);
  if (!letter) throw new Error(`There is no dead letter ${id} in ${dlqTopic(target.namespace, service)}.`);
  return letter;
}

async function ensureDecisionsTopic(target: KafkaTarget): Promise<void> {
  const admin = target.kafka.admin();
  await admin.connect();
  try {
    const topic = decisionsTopic(target.namespace);
    if (!(await admin.listTopics()).includes(topic)) {
      // One partition: a single order in which the first claim wins. Kept forever: the record of what operators did.
      await admin.createTopics({ waitForLeaders: true, topics: [{ topic, numPartitions: 1, configEntries: [{ name: 'retention.ms', value: '-1' }] }] }).catch(async (error: unknown) => {
        // Another replay created it at the same moment: fine, as long as it is there now.
        if (!(await admin.listTopics()).includes(topic)) throw error;
      });
    }
  } finally {
    await admin.disconnect();
  }
}

async function appendDecision(target: KafkaTarget, decision: Decision): Promise<void> {
  const producer = target.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  await producer.connect();
  try {
    await producer.send({ topic: decisionsTopic(target.namespace), acks: -1, messages: [{ key: decision.letter, value: JSON.stringify(decision) }] });
  } finally {
    await producer.disconnect();
  }
}

export class DeadLetterRefusal extends Error {}

/** The original message's headers without the dead-letter ones, marked as replayed. */
const replayHeaders = (headers: IHeaders, letter: string): IHeaders => {
  const kept: IHeaders = {};
  for (const [name, value] of Object.entries(headers)) if (!name.startsWith('leerzone-dlq-') && value !== undefined) kept[name] = value;
  kept[REPLAYED_FROM_HEADER] = letter;
  return kept;
};

/**
 * Puts a dead letter back on the topic it came from (same key, so the same partition and
 * the stream's order among later messages), at most once. Every consumer group of that
 * topic sees it again; groups that had applied it recognise a repeat (docs/messaging.md,
 * the inbox), the group that gave up on it applies it now.
 */
export async function replayLetter(target: KafkaTarget, id: string, by: string): Promise<Decision> {
  const letter = await findLetter(target, id);
  if (letter.status !== 'pending') throw new DeadLetterRefusal(`Dead letter ${id} is ${letter.status}${describeLast(letter)}; it is not replayed again.`);
  await ensureDecisionsTopic(target);
  const nonce = randomUUID();
  await appendDecision(target, { letter: id, decision: 'claimed', nonce, by, at: new Date().toISOString() });
  // Read the log back: only the first claim (before any discard) may publish.
  const decisions = (await readDecisions(target)).filter((d) => d.letter === id);
  const first = decisions.find((d) => d.decision === 'discarded' || d.decision === 'claimed');
  if (first?.decision === 'discarded') throw new DeadLetterRefusal(`Dead letter ${id} was discarded meanwhile (by ${first.by}); not replayed.`);
  if (first?.nonce !== nonce) throw new DeadLetterRefusal(`Dead letter ${id} was claimed by another replay (${first?.by ?? 'someone'} at ${first?.at ?? '?'}); not replayed twice.`);
  const producer = target.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  await producer.connect();
  let replayedTo: Decision['replayedTo'];
  try {
    const [meta] = await producer.send({
      topic: letter.origin.topic,
      acks: -1,
      messages: [{ key: letter.message.key, value: letter.message.value, headers: replayHeaders(letter.message.headers, id) }],
    });
    replayedTo = { topic: letter.origin.topic, partition: meta!.partition, offset: meta!.baseOffset ?? '' };
  } finally {
    await producer.disconnect();
  }
  const done: Decision = { letter: id, decision: 'replayed', nonce, by, at: new Date().toISOString(), replayedTo };
  await appendDecision(target, done);
  return done;
}

export async function discardLetter(target: KafkaTarget, id: string, by: string, reason: string): Promise<Decision> {
  const letter = await findLetter(target, id);
  if (letter.status !== 'pending') throw new DeadLetterRefusal(`Dead letter ${id} is ${letter.status}${describeLast(letter)}; nothing to discard.`);
  await ensureDecisionsTopic(target);
  const decision: Decision = { letter: id, decision: 'discarded', nonce: randomUUID(), by, at: new Date().toISOString(), reason };
  await appendDecision(target, decision);
  // A replay that claimed the letter first wins; say so rather than claim a discard that did not happen.
  const status = statusOf((await readDecisions(target)).filter((d) => d.letter === id));
  if (status !== 'discarded') throw new DeadLetterRefusal(`Dead letter ${id} was claimed by a replay before this discard; it is ${status}, not discarded.`);
  return decision;
}

/** The decision that gave the letter its status: the replay's confirmation, the discard, or the first claim. */
const describeLast = (letter: DeadLetterView): string => {
  const first = letter.decisions.find((d) => d.decision === 'discarded' || d.decision === 'claimed');
  const decisive = letter.status === 'replayed' ? letter.decisions.find((d) => d.decision === 'replayed' && d.nonce === first?.nonce) : first;
  return decisive ? ` (${decisive.decision} by ${decisive.by} at ${decisive.at}${decisive.reason ? `: ${decisive.reason}` : ''})` : '';
};
