import { RejectedMessageError, type BusSubscription, type Delivery } from '@leerzone/messaging';
import { StoredEventFactory, waitUntil } from '@leerzone/messaging/testing';
import { KafkaEventBus } from '@leerzone/messaging-kafka';
import { deleteNamespaceTopics, testBusOptions, uniqueNamespace } from '@leerzone/messaging-kafka/testing';
import { describeWithServer } from '@leerzone/test-servers';
import { cliForTest } from '../testing/stack-for-test';
import { decisionsTopic, REPLAYED_FROM_HEADER } from './dead-letters';
import { kafkaTarget, readToEnd } from './kafka-access';

// The operator's Kafka commands against the real broker: topics, consumer lag and dead
// letters — real ones, left by a consumer that refused two events.
const cli = cliForTest;

describeWithServer('kafka', 'topics, consumer lag and dead letters on a real broker', (kafkaUrl) => {
  const namespace = uniqueNamespace('cli');
  let brokers: string;
  let env: NodeJS.ProcessEnv;
  let bus: KafkaEventBus;
  let subscription: BusSubscription;
  const handled: Delivery[] = [];
  let fixed = false;
  const events = new StoredEventFactory();
  const good = events.next('team-good');
  const bad1 = events.next('team-bad');
  const bad2 = events.next('team-bad');

  beforeAll(async () => {
    brokers = await kafkaUrl();
    env = { KAFKA_BROKERS: brokers, KAFKA_NAMESPACE: namespace, USER: 'ops-test' };
    bus = new KafkaEventBus(testBusOptions(brokers, namespace));
  });

  afterAll(async () => {
    await subscription?.stop();
    await bus?.close();
    await deleteNamespaceTopics(brokers, namespace);
  });

  it('creates the platform’s topics once, and leaves existing ones as they are', async () => {
    const first = await cli(['topics', 'create', '--partitions', '3'], env);
    expect(first.code).toBe(0);
    expect(first.out).toContain(`created  ${namespace}.governance.events (3 partitions, replication 1)`);
    expect(first.out).toContain(`created  ${namespace}.failure-learning.events.dlq`);
    const again = await cli(['topics', 'create', '--partitions', '4'], env);
    expect(again.out).toContain(`exists   ${namespace}.governance.events (3 partitions; 4 asked, left as it is)`);
    expect(again.out).not.toContain('created');
  });

  it('dead-letters what a consumer refuses, and lists it with why', async () => {
    subscription = await bus.subscribe({
      group: 'ops.test-consumer',
      sources: ['governance'],
      handle: (deliveries) => {
        for (const d of deliveries) {
          if (d.event.streamId === 'team-bad' && !fixed) throw new RejectedMessageError('MESSAGING.INVALID_EVENT', `no good: ${d.event.eventId}`);
          handled.push(d);
        }
      },
    });
    await subscription.ready;
    await bus.publish('governance', [good, bad1, bad2]);
    await waitUntil(() => handled.some((d) => d.event.eventId === good.eventId), 'the good event');
    const listed = await waitForLetters(2);
    expect(listed.map((l) => [l.eventId, l.status, l.group, l.error.code])).toEqual([
      [bad1.eventId, 'pending', 'ops.test-consumer', 'MESSAGING.INVALID_EVENT'],
      [bad2.eventId, 'pending', 'ops.test-consumer', 'MESSAGING.INVALID_EVENT'],
    ]);
    const text = await cli(['dead-letters', 'list'], env);
    expect(text.out).toMatch(new RegExp(`governance:\\d+:0\\s+pending\\s+ops\\.test-consumer\\s+ThingHappened\\s+MESSAGING\\.INVALID_EVENT\\s+1`));
  });

  it('shows one letter in full', async () => {
    const [letter] = await waitForLetters(2);
    const shown = await cli(['dead-letters', 'show', letter!.id], env);
    expect(shown.code).toBe(0);
    const body = JSON.parse(shown.out) as { origin: { topic: string }; error: { message: string }; value: { eventId?: string; data?: unknown }; headers: Record<string, string> };
    expect(body.origin.topic).toBe(`${namespace}.governance.events`);
    expect(body.error.message).toBe(`no good: ${bad1.eventId}`);
    expect(body.headers['ce_id']).toBe(bad1.eventId);
    const missing = await cli(['dead-letters', 'show', 'governance:0:999999'], env);
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('There is no dead letter governance:0:999999');
    const malformed = await cli(['dead-letters', 'show', 'nonsense'], env);
    expect(malformed.code).toBe(1);
    expect(malformed.err).toContain('is not a dead-letter id');
  });

  it('replays a letter after the fix, at most once — also when two operators replay it at the same moment', async () => {
    fixed = true;
    const [first] = await waitForLetters(2);
    const [a, b] = await Promise.all([cli(['dead-letters', 'replay', first!.id], env), cli(['dead-letters', 'replay', first!.id], env)]);
    expect([a.code, b.code].sort()).toEqual([0, 1]);
    expect((a.code === 1 ? a : b).err).toMatch(/claimed by another replay|is claimed|is replayed/);
    await waitUntil(() => handled.some((d) => d.event.eventId === bad1.eventId), 'the replayed event');
    const origin = await readToEnd(kafkaTarget(new Map(), env), [`${namespace}.governance.events`]);
    const copies = origin.filter((m) => m.headers['ce_id']?.toString() === bad1.eventId);
    expect(copies).toHaveLength(2); // the original and exactly one replay
    expect(copies[1]!.headers[REPLAYED_FROM_HEADER]?.toString()).toBe(first!.id);
    expect(copies[1]!.partition).toBe(copies[0]!.partition);
    expect(Object.keys(copies[1]!.headers).some((h) => h.startsWith('leerzone-dlq-'))).toBe(false);
    const again = await cli(['dead-letters', 'replay', first!.id], env);
    expect(again.code).toBe(1);
    expect(again.err).toContain(`Dead letter ${first!.id} is replayed (replayed by ops-test`);
  });

  it('discards a letter with a reason; a discarded letter is not replayed, and pending lists no longer show it', async () => {
    const [, second] = await waitForLetters(2);
    const noReason = await cli(['dead-letters', 'discard', second!.id], env);
    expect(noReason.code).toBe(2);
    expect(noReason.err).toContain('--reason is required');
    const discarded = await cli(['dead-letters', 'discard', second!.id, '--reason', 'superseded by a later correction'], env);
    expect(discarded.code).toBe(0);
    const replay = await cli(['dead-letters', 'replay', second!.id], env);
    expect(replay.code).toBe(1);
    expect(replay.err).toContain('is discarded (discarded by ops-test');
    expect((await cli(['dead-letters', 'list'], env)).out).toContain('No pending dead letters');
    const everything = JSON.parse((await cli(['dead-letters', 'list', '--all', '--json'], env)).out) as Array<{ status: string }>;
    expect(everything.map((l) => l.status)).toEqual(['replayed', 'discarded']);
    expect(handled.filter((d) => d.event.eventId === bad2.eventId)).toEqual([]);
  });

  it('describes topics and shows consumer lag per group', async () => {
    const described = JSON.parse((await cli(['topics', 'describe', '--json'], env)).out) as Array<{ topic: string; partitions: unknown[]; messages: number; retentionMs?: string }>;
    const events = described.find((t) => t.topic === `${namespace}.governance.events`)!;
    expect(events.partitions).toHaveLength(3);
    expect(events.messages).toBe(4); // three published, one replayed
    expect(described.find((t) => t.topic === decisionsTopic(namespace))!.retentionMs).toBe('-1');
    const table = await cli(['topics', 'describe'], env);
    expect(table.out).toMatch(new RegExp(`${namespace}\\.governance\\.events\\s+3\\s+1\\s+all\\s+4`));
    await waitUntil(() => handled.length >= 2, 'handled');
    const lag = await until(async () => {
      const groups = JSON.parse((await cli(['consumer', 'lag', '--json'], env)).out) as Array<{ group: string; lag: number; members: number; state: string }>;
      const mine = groups.find((g) => g.group === 'ops.test-consumer');
      return mine && mine.lag === 0 ? mine : undefined;
    });
    expect(lag).toMatchObject({ members: 1, state: 'Stable', lag: 0 });
    const unknown = await cli(['consumer', 'lag', '--group', 'no-such-group'], env);
    expect(unknown.code).toBe(1);
    expect(unknown.err).toContain('No such consumer group: no-such-group');
  });

  it('fails with a sentence a person understands when the broker is not there', async () => {
    const answer = await cli(['topics', 'describe', '--brokers', '127.0.0.1:1'], env);
    expect(answer.code).toBe(1);
    expect(answer.err).toContain('leerzone topics describe failed: Kafka at 127.0.0.1:1 is not reachable');
    const none = await cli(['consumer', 'lag'], { KAFKA_NAMESPACE: namespace });
    expect(none.code).toBe(1);
    expect(none.err).toContain('No Kafka broker given');
  });

  async function waitForLetters(count: number) {
    return until(async () => {
      const answer = await cli(['dead-letters', 'list', '--all', '--json'], env);
      const letters = JSON.parse(answer.out) as Array<{ id: string; eventId: string; status: string; group: string; error: { code: string } }>;
      return letters.length >= count ? letters : undefined;
    });
  }
});

async function until<T>(attempt: () => Promise<T | undefined>, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await attempt();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 250));
  }
}
