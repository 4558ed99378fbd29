import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import Database from 'better-sqlite3';
import { SqliteEventStore } from '@leerzone/event-store-sqlite';
import type { StoredEvent } from '@leerzone/kernel';
import { newEvent } from '@leerzone/kernel/testing';
import { EventRelay, silentMessagingLogger, type BusSubscription } from '@leerzone/messaging';
import { waitUntil } from '@leerzone/messaging/testing';
import { describeWithServer } from '@leerzone/test-servers';
import { fromKafkaMessage } from './cloud-events-binding';
import { KafkaEventBus } from './kafka-event-bus';
import { SqliteCheckpointStore, SqliteInbox } from '@leerzone/messaging-sqlite';
import { TcpProxy, TopicRecorder, TsProcess, deleteNamespaceTopics, testBusOptions, uniqueNamespace, type RecordedMessage } from './testing';

const SOURCE = 'governance';

/** Appends `perStream` single-event appends to each stream, interleaved, like concurrent users. */
async function appendInterleaved(store: SqliteEventStore, streams: readonly string[], perStream: number, pauseEvery = 0): Promise<void> {
  for (let n = 0; n < perStream; n++) {
    for (const streamId of streams) {
      await store.append(streamId, [newEvent({ tenantId: streamId.startsWith('b') ? 'tenant-b' : 'tenant-a', data: { streamId, n } })], { expectedVersion: 'any' });
      if (pauseEvery > 0 && n % pauseEvery === 0) await new Promise((r) => setTimeout(r, 1));
    }
  }
}

const decode = (message: RecordedMessage): StoredEvent => fromKafkaMessage({ value: message.value, headers: message.headers });

const byPartitionOffset = (messages: readonly RecordedMessage[]) =>
  [...messages].sort((a, b) => a.partition - b.partition || Number(BigInt(a.offset) - BigInt(b.offset)));

/** What a consumer relies on: per stream, dropping repeats leaves exactly 1..n in order. */
function expectEveryStreamComplete(events: readonly StoredEvent[], versions: Map<string, number>): void {
  const applied = new Map<string, number[]>();
  for (const event of events) {
    const seen = applied.get(event.streamId) ?? [];
    if (event.streamPosition > (seen[seen.length - 1] ?? 0)) seen.push(event.streamPosition);
    applied.set(event.streamId, seen);
  }
  expect(new Set(applied.keys())).toEqual(new Set(versions.keys()));
  versions.forEach((version, streamId) => expect(applied.get(streamId)).toEqual(Array.from({ length: version }, (_, i) => i + 1)));
}

async function streamVersions(store: SqliteEventStore): Promise<Map<string, number>> {
  const versions = new Map<string, number>();
  for (let after = 0; ; ) {
    const batch = await store.readAll({ after, limit: 1000 });
    if (batch.length === 0) return versions;
    batch.forEach((e) => versions.set(e.streamId, e.streamPosition));
    after = batch[batch.length - 1]!.globalPosition;
  }
}

describeWithServer('kafka', 'Relay: event store → Kafka', (url) => {
  let brokers: string;
  let namespace: string;
  let dir: string;
  const cleanup: Array<() => Promise<unknown>> = [];

  beforeEach(async () => {
    brokers = await url();
    namespace = uniqueNamespace();
    dir = mkdtempSync(join(tmpdir(), 'leerzone-relay-'));
  });

  afterEach(async () => {
    for (const step of cleanup.splice(0).reverse()) await step().catch(() => undefined);
    await deleteNamespaceTopics(brokers, namespace);
    rmSync(dir, { recursive: true, force: true });
  });

  const openStore = () => {
    const store = new SqliteEventStore({ filename: join(dir, 'events.db'), pollIntervalMs: 20 });
    cleanup.push(() => store.close());
    return store;
  };
  const openBus = (overrides: Parameters<typeof testBusOptions>[2] = {}) => {
    const bus = new KafkaEventBus(testBusOptions(brokers, namespace, overrides));
    cleanup.push(() => bus.close());
    return bus;
  };
  const record = async (bus: KafkaEventBus) => {
    const recorder = await new TopicRecorder(bus.kafka, bus.topicOf(SOURCE)).start();
    cleanup.push(() => recorder.stop());
    return recorder;
  };

  it('forwards history and live appends completely, once each, in global order per partition, keyed by tenant and stream', async () => {
    const store = openStore();
    const checkpoints = new SqliteCheckpointStore({ filename: join(dir, 'checkpoints.db') });
    cleanup.push(() => checkpoints.close());
    const bus = openBus();
    await bus.ensureTopics([SOURCE]);
    const recorder = await record(bus);
    const streams = Array.from({ length: 12 }, (_, i) => `${i % 3 === 0 ? 'b' : 'a'}-team-${i}`);
    await appendInterleaved(store, streams, 15);
    const relay = new EventRelay({ name: 'governance->kafka', source: SOURCE, store, bus, checkpoints, batchSize: 64, logger: silentMessagingLogger });
    cleanup.push(() => relay.stop());
    await relay.start();
    // Live appends from four writers while the relay catches up.
    await Promise.all([0, 1, 2, 3].map((w) => appendInterleaved(store, streams.filter((_, i) => i % 4 === w), 25)));
    const head = await store.headPosition();
    await relay.waitForCheckpoint(head);
    await waitUntil(() => recorder.messages.length >= head, `${head} messages on the topic`);

    const messages = byPartitionOffset(recorder.messages);
    expect(messages).toHaveLength(head);
    const events = messages.map(decode);
    expect(events.map((e) => e.globalPosition).sort((a, b) => a - b)).toEqual(Array.from({ length: head }, (_, i) => i + 1));
    const stored = new Map((await store.readAll({ after: 0, limit: 10_000 })).map((e) => [e.eventId, e]));
    events.forEach((event) => expect(event).toEqual(stored.get(event.eventId)));
    const partitionsOfStream = new Map<string, Set<number>>();
    const lastPosition = new Map<number, number>();
    messages.forEach((message, i) => {
      const event = events[i]!;
      expect(message.key).toBe(`${event.tenantId}/${event.streamId}`);
      partitionsOfStream.set(event.streamId, (partitionsOfStream.get(event.streamId) ?? new Set()).add(message.partition));
      expect(event.globalPosition).toBeGreaterThan(lastPosition.get(message.partition) ?? 0);
      lastPosition.set(message.partition, event.globalPosition);
    });
    partitionsOfStream.forEach((partitions) => expect(partitions.size).toBe(1));
    expect(lastPosition.size).toBeGreaterThan(1);
    await relay.stop();
    expect(await new SqliteCheckpointStore({ filename: join(dir, 'checkpoints.db') }).load('governance->kafka')).toBe(head);
  });

  it('resumes from its durable checkpoint after kill -9 mid-stream: nothing lost, repeats only of the unacknowledged tail', async () => {
    const store = openStore();
    const bus = openBus();
    await bus.ensureTopics([SOURCE]);
    const recorder = await record(bus);
    const env = {
      KAFKA_BROKERS: brokers,
      TEST_NAMESPACE: namespace,
      TEST_SOURCE: SOURCE,
      TEST_STORE_FILE: join(dir, 'events.db'),
      TEST_CHECKPOINT_FILE: join(dir, 'checkpoints.db'),
      TEST_BATCH_SIZE: '20',
    };
    const script = resolve(__dirname, 'testing/processes/relay.process.ts');
    const checkpointOf = (p: TsProcess) => Math.max(0, ...p.records<{ checkpoint: number }>().map((r) => r.checkpoint));
    const streams = Array.from({ length: 20 }, (_, i) => `a-team-${i}`);

    const first = new TsProcess(script, env);
    cleanup.push(() => first.kill9());
    await first.waitForLine((l) => l === 'READY', 'the first relay to start');
    const appending = appendInterleaved(store, streams, 30, 1);
    await waitUntil(() => checkpointOf(first) >= 100, 'the first relay to forward 100 events');
    await first.kill9();
    const killedAt = checkpointOf(first);
    await appending;
    const head = await store.headPosition();
    expect(killedAt).toBeLessThan(head);

    const second = new TsProcess(script, env);
    cleanup.push(() => second.terminate());
    await second.waitForLine((l) => l === 'READY', 'the second relay to start');
    await waitUntil(() => checkpointOf(second) >= head, 'the second relay to reach the head');
    await waitUntil(() => new Set(recorder.messages.map((m) => m.headers['ce_id'])).size >= head, 'every event on the topic');

    const events = byPartitionOffset(recorder.messages).map(decode);
    expect(new Set(events.map((e) => e.eventId)).size).toBe(head);
    expectEveryStreamComplete(events, await streamVersions(store));
    // At-least-once, but bounded: only what followed the last checkpoint can repeat.
    const repeats = events.length - head;
    expect(repeats).toBeLessThanOrEqual(head - killedAt);
  });

  it('backs off while the broker is unreachable and catches up when it returns; a consumer behind the same outage misses nothing', async () => {
    const store = openStore();
    const relayProxy = await TcpProxy.forBroker(brokers).start();
    const consumerProxy = await TcpProxy.forBroker(brokers).start();
    cleanup.push(() => relayProxy.close(), () => consumerProxy.close());
    const relayBus = openBus({ clientId: 'outage-relay', kafka: { socketFactory: relayProxy.socketFactory() } });
    const consumerBus = openBus({
      clientId: 'outage-consumer',
      kafka: { socketFactory: consumerProxy.socketFactory() },
      consumer: { sessionTimeoutMs: 6_000, heartbeatIntervalMs: 500, maxWaitTimeMs: 100 },
    });
    const checkpoints = new SqliteCheckpointStore({ filename: join(dir, 'checkpoints.db') });
    cleanup.push(() => checkpoints.close());
    const relay = new EventRelay({
      name: 'governance->kafka',
      source: SOURCE,
      store,
      bus: relayBus,
      checkpoints,
      batchSize: 50,
      backoff: { initialBackoffMs: 100, maxBackoffMs: 1_000 },
      logger: silentMessagingLogger,
    });
    cleanup.push(() => relay.stop());

    // The consumer's read model: events per stream, kept idempotent by the inbox.
    const db = new Database(join(dir, 'read-model.db'));
    cleanup.push(async () => db.close());
    db.exec('CREATE TABLE team_activity (stream_id TEXT PRIMARY KEY, events INTEGER NOT NULL, last_n INTEGER NOT NULL)');
    const upsert = db.prepare('INSERT INTO team_activity VALUES (?, 1, ?) ON CONFLICT (stream_id) DO UPDATE SET events = events + 1, last_n = excluded.last_n');
    const inbox = new SqliteInbox(db);
    const total = () => (db.prepare('SELECT COALESCE(SUM(events), 0) AS n FROM team_activity').get() as { n: number }).n;
    const subscription: BusSubscription = await consumerBus.subscribe({
      group: 'analytics-read-model',
      sources: [SOURCE],
      retry: { maxAttempts: 3, initialBackoffMs: 50, maxBackoffMs: 200 },
      handle: (deliveries) => {
        inbox.handle('team-activity', deliveries.map((d) => d.event), (fresh) => fresh.forEach((e) => upsert.run(e.streamId, (e.data as { n: number }).n)));
      },
    });
    cleanup.push(() => subscription.stop());
    await subscription.ready;

    const streams = Array.from({ length: 10 }, (_, i) => `a-team-${i}`);
    await relay.start();
    await appendInterleaved(store, streams, 10);
    await waitUntil(() => total() >= 100, 'the consumer to see the first 100 events');

    await relayProxy.cut();
    await consumerProxy.cut();
    const outageStarted = Date.now();
    await appendInterleaved(store, streams, 20, 1);
    await waitUntil(() => relay.status().failingSince !== undefined, 'the relay to notice the outage');
    const checkpointDuringOutage = relay.status().checkpoint;
    // Longer than the consumer's session timeout: the broker drops the member and it must rejoin.
    await new Promise((r) => setTimeout(r, Math.max(0, 8_000 - (Date.now() - outageStarted))));
    expect(relay.status().checkpoint).toBe(checkpointDuringOutage);
    expect(checkpointDuringOutage).toBeLessThan(300);
    await relayProxy.restore();
    await consumerProxy.restore();

    await relay.waitForCheckpoint(300);
    await waitUntil(() => total() >= 300, 'the consumer to catch up after the outage', 90_000);
    expect(relay.status().failingSince).toBeUndefined();
    const rows = db.prepare('SELECT stream_id, events, last_n FROM team_activity ORDER BY stream_id').all();
    expect(rows).toEqual(streams.sort().map((stream_id) => ({ stream_id, events: 30, last_n: 19 })));
    streams.forEach((stream) => expect(inbox.position('team-activity', stream)).toBe(30));
  });
});
