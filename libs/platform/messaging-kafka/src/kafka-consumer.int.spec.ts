import { resolve } from 'node:path';
import Database from 'better-sqlite3';
import { EventSchemaRegistry, type StoredEvent } from '@leerzone/kernel';
import type { BusSubscription, Delivery } from '@leerzone/messaging';
import { StoredEventFactory, waitUntil } from '@leerzone/messaging/testing';
import { describeWithServer } from '@leerzone/test-servers';
import { CE_HEADERS, DLQ_HEADERS, toKafkaRecord } from './cloud-events-binding';
import { KafkaEventBus } from './kafka-event-bus';
import { SqliteInbox } from '@leerzone/messaging-sqlite';
import { TopicRecorder, TsProcess, deleteNamespaceTopics, testBusOptions, uniqueNamespace } from './testing';

const SOURCE = 'okr';

describeWithServer('kafka', 'Kafka consumers', (url) => {
  let brokers: string;
  let namespace: string;
  let factory: StoredEventFactory;
  const cleanup: Array<() => Promise<unknown>> = [];

  beforeEach(async () => {
    brokers = await url();
    namespace = uniqueNamespace();
    factory = new StoredEventFactory();
  });

  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step().catch(() => undefined);
    await deleteNamespaceTopics(brokers, namespace);
  });

  const openBus = (clientId = 'consumer-test') => {
    const bus = new KafkaEventBus(testBusOptions(brokers, namespace, { clientId }));
    cleanup.push(() => bus.close());
    return bus;
  };
  const track = (subscription: BusSubscription) => {
    cleanup.push(() => subscription.stop());
    return subscription;
  };

  it('dead-letters malformed messages with origin and error in headers, and the partition goes on', async () => {
    const bus = openBus();
    await bus.ensureTopics([SOURCE]);
    const topic = bus.topicOf(SOURCE);
    const key = 'tenant-a/objective-1';
    const good = (event: StoredEvent) => toKafkaRecord(SOURCE, key, event);
    const first = factory.next('objective-1');
    const unknownType = factory.next('objective-1', { type: 'ObjectiveTeleported' });
    const tooNew = factory.next('objective-1', { schemaVersion: 9 });
    const last = factory.next('objective-1');
    const badJson = { ...good(factory.next('objective-1')), value: '{"title": "unterminated' };
    const foreign = { key, value: '{"hello":"world"}', headers: { source: 'some-other-system' } };
    const outgoing = [good(first), badJson, foreign, good(unknownType), good(tooNew), good(last)];

    // A raw producer: the bus itself would never write these.
    const producer = bus.kafka.producer();
    await producer.connect();
    cleanup.push(() => producer.disconnect());
    const sent = await producer.send({ topic, messages: outgoing });
    const partition = sent[0]!.partition;
    const baseOffset = BigInt(sent[0]!.baseOffset!);

    const handled: Delivery[] = [];
    track(
      await bus.subscribe({
        group: 'okr-reader',
        sources: [SOURCE],
        knownTypes: ['ThingHappened'],
        schemas: new EventSchemaRegistry(),
        handle: (deliveries) => void handled.push(...deliveries),
      }),
    );
    const dlq = await new TopicRecorder(bus.kafka, `${topic}.dlq`).start();
    cleanup.push(() => dlq.stop());
    await waitUntil(() => handled.some((d) => d.event.eventId === last.eventId) && dlq.messages.length >= 4, 'the last good event and four dead letters');

    expect(handled.map((d) => d.event.eventId)).toEqual([first.eventId, last.eventId]);
    const letters = [...dlq.messages].sort((a, b) => Number(a.headers[DLQ_HEADERS.originOffset]) - Number(b.headers[DLQ_HEADERS.originOffset]));
    expect(letters.map((l) => [l.headers[DLQ_HEADERS.originOffset], l.headers[DLQ_HEADERS.errorCode]])).toEqual([
      [String(baseOffset + 1n), 'MESSAGING.MALFORMED_MESSAGE'],
      [String(baseOffset + 2n), 'MESSAGING.MALFORMED_MESSAGE'],
      [String(baseOffset + 3n), 'MESSAGING.UNKNOWN_EVENT_TYPE'],
      [String(baseOffset + 4n), 'MESSAGING.UNSUPPORTED_SCHEMA_VERSION'],
    ]);
    for (const letter of letters) {
      expect(letter.headers).toMatchObject({
        [DLQ_HEADERS.originTopic]: topic,
        [DLQ_HEADERS.originPartition]: String(partition),
        [DLQ_HEADERS.group]: 'okr-reader',
        [DLQ_HEADERS.attempts]: '0',
      });
      expect(letter.key).toBe(key);
      expect(Number.isNaN(Date.parse(letter.headers[DLQ_HEADERS.at]!))).toBe(false);
    }
    // The original bytes and headers are kept, so the message can be inspected or replayed.
    expect(letters[0]!.value).toBe(badJson.value);
    expect(letters[0]!.headers[DLQ_HEADERS.errorMessage]).toMatch(/^The message value is not JSON/);
    expect(letters[1]!.headers).toMatchObject({ source: 'some-other-system', [DLQ_HEADERS.errorMessage]: 'The message has no ce_specversion header.' });
    expect(letters[2]!.headers[CE_HEADERS.id]).toBe(unknownType.eventId);
  });

  it('makes redelivery harmless: replaying the whole topic and resent duplicates leave the read model as it was', async () => {
    const bus = openBus();
    const db = new Database(':memory:');
    cleanup.push(async () => db.close());
    db.exec('CREATE TABLE progress (stream_id TEXT PRIMARY KEY, total INTEGER NOT NULL, updates INTEGER NOT NULL)');
    const apply = db.prepare('INSERT INTO progress VALUES (?, ?, 1) ON CONFLICT (stream_id) DO UPDATE SET total = total + excluded.total, updates = updates + 1');
    const inbox = new SqliteInbox(db);
    let calls = 0;
    const handle = (deliveries: readonly Delivery[]) => {
      calls += deliveries.length;
      inbox.handle('progress', deliveries.map((d) => d.event), (fresh) => fresh.forEach((e) => apply.run(e.streamId, (e.data as { n: number }).n)));
    };
    const snapshot = () => db.prepare('SELECT * FROM progress ORDER BY stream_id').all();

    const events = factory.interleaved(['kr-1', 'kr-2', 'kr-3'], 10);
    await bus.publish(SOURCE, events);
    const first = await bus.subscribe({ group: 'progress', sources: [SOURCE], handle });
    await waitUntil(() => calls >= 30, 'the first pass');
    const before = snapshot();
    expect(before).toEqual(['kr-1', 'kr-2', 'kr-3'].map((stream_id) => ({ stream_id, total: 55, updates: 10 })));
    await first.stop();

    // Rewind the group to the start (a lost commit, an operator replay) and resend a
    // stretch, as a relay does after a crash before its checkpoint.
    const admin = bus.kafka.admin();
    await admin.connect();
    await admin.resetOffsets({ groupId: 'progress', topic: bus.topicOf(SOURCE), earliest: true });
    await admin.disconnect();
    await bus.publish(SOURCE, events.slice(12));
    track(await bus.subscribe({ group: 'progress', sources: [SOURCE], handle }));
    await waitUntil(() => calls >= 30 + 30 + 18, 'the replay and the resent events');

    expect(snapshot()).toEqual(before);
  });

  it('moves the partitions of a member that was killed (kill -9) to the surviving member', async () => {
    const bus = openBus('survivor');
    await bus.ensureTopics([SOURCE]);
    const group = 'okr-projector';
    const child = new TsProcess(resolve(__dirname, 'testing/processes/consumer.process.ts'), {
      KAFKA_BROKERS: brokers,
      TEST_NAMESPACE: namespace,
      TEST_GROUP: group,
      TEST_SOURCE: SOURCE,
    });
    cleanup.push(() => child.kill9());
    await child.waitForLine((line) => line === 'READY', 'the child member to join');

    const survivor: Delivery[] = [];
    const subscription = track(await bus.subscribe({ group, sources: [SOURCE], handle: (d) => void survivor.push(...d) }));
    await subscription.ready;
    const streams = Array.from({ length: 24 }, (_, i) => `objective-${i}`);
    const before = factory.interleaved(streams, 2);
    await bus.publish(SOURCE, before);
    const childSeen = () => new Set(child.records<{ eventId: string }>().map((r) => r.eventId));
    await waitUntil(() => before.every((e) => childSeen().has(e.eventId) || survivor.some((d) => d.event.eventId === e.eventId)), 'the two members to share round one');
    const childPartitions = new Set(child.records<{ partition: number }>().map((r) => r.partition));
    expect(childPartitions.size).toBeGreaterThan(0);
    expect(survivor.length).toBeGreaterThan(0);

    await child.kill9();
    const after = factory.interleaved(streams, 1);
    await bus.publish(SOURCE, after);
    // No goodbye from the killed member: the broker waits out its session (10 s) before moving its partitions.
    await waitUntil(() => after.every((e) => survivor.some((d) => d.event.eventId === e.eventId)), 'the survivor to take over every partition', 60_000);
    const taken = new Set(survivor.filter((d) => after.some((e) => e.eventId === d.event.eventId)).map((d) => d.position.partition));
    childPartitions.forEach((partition) => expect(taken.has(partition)).toBe(true));
  });
});
