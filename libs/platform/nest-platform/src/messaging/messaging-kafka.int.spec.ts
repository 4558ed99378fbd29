import 'reflect-metadata';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { SqliteEventStore } from '@leerzone/event-store-sqlite';
import type { NewEvent } from '@leerzone/kernel';
import { SqliteCheckpointStore } from '@leerzone/messaging-sqlite';
import { deleteNamespaceTopics, uniqueNamespace } from '@leerzone/messaging-kafka/testing';
import { startTestObservability, type TestObservability } from '@leerzone/observability/testing';
import { InMemoryProjectionStore } from '@leerzone/projection-store';
import { defineProjection, readModelChecksum, rebuildProjection } from '@leerzone/projections';
import { describeWithServer } from '@leerzone/test-servers';
import { ReadinessRegistry } from '../health/readiness';
import { PlatformModule } from '../platform.module';
import { PROJECTION_STORE } from '../tokens';
import { BusConsumers } from './bus-consumers';
import { MessagingModule } from './messaging.module';

const memberCounts = defineProjection({
  name: 'test.member-counts',
  version: 1,
  collections: { teams: {} },
  handles: ['MemberAdded'],
  apply(event, write) {
    write.collection('teams').upsert(event.streamId, { $inc: { members: 1 }, $setOnInsert: { tenantId: event.tenantId } });
  },
});

let n = 0;
const memberAdded = (): NewEvent => ({
  eventId: `00000000-0000-7000-8000-${String(++n).padStart(12, '0')}`,
  type: 'MemberAdded',
  schemaVersion: 1,
  tenantId: 'acme',
  occurredAt: '2026-03-01T10:00:00.000Z',
  actor: { id: 'ada', kind: 'user' },
  correlationId: `corr-${n}`,
  causationId: `cause-${n}`,
  data: { memberId: `m${n}` },
  metadata: {},
});

describeWithServer('kafka', 'MessagingModule on Kafka', (kafka) => {
  let dir: string;
  let namespace: string;
  let otel: TestObservability;
  // A real store: what goes over Kafka carries the hash chain.
  let store: SqliteEventStore;
  const projectionStore = new InMemoryProjectionStore();

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'leerzone-messaging-'));
    store = new SqliteEventStore({ filename: join(dir, 'events.db'), pollIntervalMs: 20 });
    namespace = uniqueNamespace('nest');
    otel = startTestObservability();
  });
  afterAll(async () => {
    await otel?.shutdown();
    await SqliteEventStore.prototype.close.call(store);
    if (namespace) await deleteNamespaceTopics(await kafka(), namespace);
    rmSync(dir, { recursive: true, force: true });
  });

  async function boot(): Promise<INestApplicationContext> {
    @Module({})
    class ConsumingModule {
      constructor(consumers: BusConsumers) {
        consumers.registerProjection({ projection: memberCounts, group: 'test.member-counts', sources: ['governance'] });
      }
    }
    const env = { KAFKA_BROKERS: await kafka(), KAFKA_NAMESPACE: namespace, KAFKA_TOPIC_PARTITIONS: '3', KAFKA_SESSION_TIMEOUT_MS: '6000' };
    const app = await NestFactory.createApplicationContext(
      {
        module: class KafkaTestRoot {},
        imports: [
          PlatformModule.forRoot({ auth: {}, eventStore: async () => store, projectionStore: async () => projectionStore }),
          MessagingModule.forRoot({ service: 'governance', dataDir: dir, env }),
          ConsumingModule,
        ],
      },
      { logger: false },
    );
    await app.init();
    return app;
  }

  // The stores outlive each app (closing the platform would close them): only the bus side restarts.
  const keepStoresOpen = () => {
    store.close = async () => undefined;
    projectionStore.close = async () => undefined;
  };

  const eventually = async (check: () => Promise<boolean>, what: string, timeoutMs = 30_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!(await check())) {
      if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  };
  const expectedChecksum = async () => {
    const fresh = new InMemoryProjectionStore();
    await rebuildProjection({ eventStore: store, store: fresh, projection: memberCounts });
    return (await readModelChecksum(fresh, memberCounts)).sha256;
  };

  it('relays with a durable checkpoint, feeds the consumer group, reports readiness and consumer lag, and resumes after a restart', async () => {
    keepStoresOpen();
    for (const team of ['team-a', 'team-b', 'team-c', 'team-d']) await store.append(team, [memberAdded(), memberAdded()], { expectedVersion: 'any' });
    let app = await boot();
    const live = async () => (await readModelChecksum(app.get(PROJECTION_STORE), memberCounts)).sha256;
    let expected = await expectedChecksum();
    await eventually(async () => (await live()) === expected, 'the read model over Kafka');

    const messaging = app.get(ReadinessRegistry).all().find((check) => check.name === 'messaging')!;
    await eventually(async () => (await messaging.check()).ready, 'readiness');
    expect((await messaging.check()).details).toMatchObject({ transport: 'kafka', relays: { 'governance->kafka': { running: true, checkpoint: 8 } }, consumers: [{ state: 'joined' }] });

    // Lag reaches 0 once the group has committed everything; the gauge reports every partition.
    let points: Awaited<ReturnType<TestObservability['dataPoints']>> = [];
    await eventually(async () => {
      points = await otel.dataPoints('leerzone.messaging.consumer.lag');
      return points.length === 3 && points.every((p) => p.value === 0);
    }, 'zero consumer lag');
    expect(points.map((p) => p.attributes['messaging.destination.name'])).toEqual(points.map(() => `${namespace}.governance.events`));
    expect(String(points[0]!.attributes['messaging.consumer.group.name'])).toMatch(/^test\.member-counts\.v1_\d+$/);

    await app.close();
    const checkpoints = new SqliteCheckpointStore({ filename: join(dir, 'relay-checkpoints.db') });
    expect(await checkpoints.load('governance->kafka')).toBe(8);
    await checkpoints.close();

    // Written while the process is down: the restarted relay sends them from its checkpoint, and
    // the group resumes (same generation of the read model, same group).
    for (const team of ['team-a', 'team-e']) await store.append(team, [memberAdded()], { expectedVersion: 'any' });
    app = await boot();
    expected = await expectedChecksum();
    await eventually(async () => (await live()) === expected, 'the events written while down');
    await app.close();
  }, 120_000);
});
