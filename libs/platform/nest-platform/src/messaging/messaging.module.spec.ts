import 'reflect-metadata';
import { Module, type INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { EventSchemaRegistry, type NewEvent } from '@leerzone/kernel';
import { InProcessEventBus, silentMessagingLogger, type Delivery, type EventBus } from '@leerzone/messaging';
import { InMemoryProjectionStore } from '@leerzone/projection-store';
import { defineProjection, readModelChecksum, rebuildProjection } from '@leerzone/projections';
import { InMemoryEventStore } from '@leerzone/projections/testing';
import { ReadinessRegistry } from '../health/readiness';
import { PlatformModule } from '../platform.module';
import { PROJECTION_STORE } from '../tokens';
import { BusConsumers } from './bus-consumers';
import type { BusProjection } from './bus-projection';
import { MessagingModule, MessagingRuntime } from './messaging.module';
import { EVENT_BUS } from './messaging.tokens';

/** One document per stream (the rule for projections fed over the bus). */
const streamActivity = defineProjection({
  name: 'test.stream-activity',
  version: 1,
  collections: { streams: {} },
  handles: ['TeamCreated', 'MemberAdded', 'MemberRemoved'],
  apply(event, write) {
    const data = event.data as { name?: string };
    write.collection('streams').upsert(event.streamId, {
      $setOnInsert: { tenantId: event.tenantId },
      $inc: { events: 1, ...(event.type === 'MemberAdded' ? { members: 1 } : event.type === 'MemberRemoved' ? { members: -1 } : {}) },
      $set: { lastType: event.type, ...(data.name ? { name: data.name } : {}) },
    });
  },
});

const newEvent = (type: string, data: Record<string, unknown>, n: number): NewEvent => ({
  eventId: `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`,
  type,
  schemaVersion: 1,
  tenantId: 'acme',
  occurredAt: new Date(Date.UTC(2026, 2, 1, 10, 0, n)).toISOString(),
  actor: { id: 'ada', kind: 'user' },
  correlationId: `corr-${n}`,
  causationId: `cause-${n}`,
  data,
  metadata: {},
});

async function appendHistory(store: InMemoryEventStore, teams: number, from = 0): Promise<void> {
  let n = from * 10;
  for (let t = from; t < from + teams; t++) {
    const stream = `team-${t}`;
    await store.append(stream, [newEvent('TeamCreated', { name: `Team ${t}` }, n++)], { expectedVersion: 0 });
    await store.append(stream, [newEvent('MemberAdded', { memberId: 'm1' }, n++), newEvent('MemberAdded', { memberId: 'm2' }, n++)], { expectedVersion: 1 });
    await store.append(stream, [newEvent('MemberRemoved', { memberId: 'm1' }, n++), newEvent('TeamRenamed', { name: 'ignored' }, n++)], { expectedVersion: 3 });
  }
}

const eventually = async (check: () => Promise<boolean>, what: string, timeoutMs = 5_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

async function rebuiltChecksum(store: InMemoryEventStore): Promise<string> {
  const fresh = new InMemoryProjectionStore();
  await rebuildProjection({ eventStore: store, store: fresh, projection: streamActivity });
  return (await readModelChecksum(fresh, streamActivity)).sha256;
}

describe('MessagingModule (in-process bus)', () => {
  let app: INestApplicationContext;
  let store: InMemoryEventStore;
  let projection: BusProjection;

  beforeEach(async () => {
    store = new InMemoryEventStore();
    @Module({})
    class ConsumingModule {
      constructor(consumers: BusConsumers) {
        projection = consumers.registerProjection({ projection: streamActivity, group: 'test.stream-activity', sources: ['governance'] });
      }
    }
    app = await NestFactory.createApplicationContext(
      {
        module: class TestRoot {},
        imports: [
          PlatformModule.forRoot({ auth: {}, eventStore: async () => store, projectionStore: async () => new InMemoryProjectionStore() }),
          MessagingModule.forRoot({ service: 'governance', dataDir: '/nonexistent', env: {} }),
          ConsumingModule,
        ],
      },
      { logger: false },
    );
    await app.init();
  });

  afterEach(async () => {
    await app?.close();
  });

  const liveChecksum = async () => (await readModelChecksum(app.get(PROJECTION_STORE), streamActivity)).sha256;
  const messagingCheck = () => app.get(ReadinessRegistry).all().find((check) => check.name === 'messaging')!.check();

  it('relays the store to the bus and keeps a consumer group’s read model equal to a rebuild from the store', async () => {
    await appendHistory(store, 5);
    const expected = await rebuiltChecksum(store);
    await eventually(async () => (await liveChecksum()) === expected, 'the read model to catch up');
    await app.get(MessagingRuntime).waitForRelay(await store.headPosition());
    expect(await liveChecksum()).toBe(expected);

    // Live: events appended after start arrive too.
    await appendHistory(store, 2, 5);
    const later = await rebuiltChecksum(store);
    expect(later).not.toBe(expected);
    await eventually(async () => (await liveChecksum()) === later, 'the later events');

    const readiness = await messagingCheck();
    expect(readiness.ready).toBe(true);
    expect(readiness.details).toMatchObject({
      transport: 'in-process',
      relays: { 'governance->in-process': { running: true, checkpoint: await store.headPosition() } },
      consumers: [{ group: expect.stringMatching(/^test\.stream-activity\.v1_\d+$/), sources: ['governance'], state: 'joined' }],
    });
  });

  it('a redelivered batch and a resent tail change nothing', async () => {
    await appendHistory(store, 3);
    const expected = await rebuiltChecksum(store);
    await eventually(async () => (await liveChecksum()) === expected, 'the read model to catch up');
    const deliveries: Delivery[] = store.events.map((event, i) => ({ event, source: 'governance', position: { topic: 'leerzone.governance.events', partition: 0, offset: String(i) } }));
    await projection.handle(deliveries);
    await projection.handle(deliveries.slice(-4));
    expect(await liveChecksum()).toBe(expected);
  });

  it('stops consumers, relay and bus on shutdown', async () => {
    const bus = app.get<EventBus>(EVENT_BUS);
    await app.close();
    await expect(bus.publish('governance', [])).rejects.toMatchObject({ code: 'MESSAGING.CLOSED' });
    expect(app.get(BusConsumers).status().map((c) => c.state)).toEqual(['stopped']);
    app = undefined as unknown as INestApplicationContext;
  });
});

// BusProjection itself is specified in @leerzone/projections (bus-projection.spec.ts).
describe('BusConsumers.registerProjection', () => {
  async function prepared() {
    const consumers = new BusConsumers(new InMemoryProjectionStore(), new EventSchemaRegistry());
    await consumers.registerProjection({ projection: streamActivity, group: 'test.group', sources: ['governance'] }).prepare();
    return { consumers };
  }

  it('rejects consumers registered twice or after the stop, and starts one registered late at once', async () => {
    const { consumers } = await prepared();
    expect(() => consumers.registerProjection({ projection: streamActivity, group: 'test.group', sources: ['governance'] })).toThrow(/registered twice/);
    const bus = new InProcessEventBus({ logger: silentMessagingLogger });
    consumers.startAll(bus, silentMessagingLogger);
    // A transport's listen (the @BusEvent handlers) may register after bootstrap: it runs at once.
    consumers.register({ group: 'test.late', sources: ['governance'], handle: () => undefined });
    const deadline = Date.now() + 5_000;
    while (consumers.status().find((c) => c.group === 'test.late')?.state !== 'joined' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
    expect(consumers.status().find((c) => c.group === 'test.late')?.state).toBe('joined');
    await consumers.stopAll();
    expect(() => consumers.register({ group: 'test.later', sources: ['governance'], handle: () => undefined })).toThrow(/after the consumers stopped/);
    await bus.close();
  });
});
