import type { StoredEvent } from '@leerzone/kernel';
import { InMemoryEventStore } from '@leerzone/kernel/testing';
import type { Delivery } from '@leerzone/messaging';
import { MongoProjectionStore } from '@leerzone/projection-store-mongodb';
import { BusProjection, ProjectionRunner, readModelChecksum, rebuildProjection } from '@leerzone/projections';
import { describeWithServer } from '@leerzone/test-servers';
import { ANALYTICS_PROJECTIONS } from './analytics.module';
import { outcomesProjection } from './outcomes/read-model/outcomes.projection';
import { organisationHistory } from './testing/organisation-history.fixture';

/** A small deterministic generator (mulberry32), so a failing interleaving can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The order one consumer may see over a partitioned topic: each stream's events in order, the
 * streams interleaved at random, in batches of random size, with earlier batches delivered again
 * (a redelivery after a rebalance, a relay's resend after a crash).
 */
function asOverPartitions(events: readonly StoredEvent[], next: () => number): StoredEvent[][] {
  const queues = new Map<string, StoredEvent[]>();
  for (const event of events) queues.set(event.streamId, [...(queues.get(event.streamId) ?? []), event]);
  const interleaved: StoredEvent[] = [];
  while (queues.size > 0) {
    const streams = [...queues.keys()];
    const stream = streams[Math.floor(next() * streams.length)]!;
    const queue = queues.get(stream)!;
    interleaved.push(queue.shift()!);
    if (queue.length === 0) queues.delete(stream);
  }
  const batches: StoredEvent[][] = [];
  for (let i = 0; i < interleaved.length; ) {
    const size = 1 + Math.floor(next() * 6);
    batches.push(interleaved.slice(i, i + size));
    i += size;
    if (next() < 0.3) batches.push(batches[Math.floor(next() * batches.length)]!);
  }
  // And always the relay's resend of the older half after everything else.
  batches.push(interleaved.slice(0, Math.ceil(interleaved.length / 2)));
  return batches;
}

const deliveries = (source: string, events: readonly StoredEvent[]): Delivery[] => events.map((event, i) => ({ event, source, position: { topic: `leerzone.${source}.events`, partition: 0, offset: String(i) } }));

/**
 * Proof for issue 15: every analytics read model, built incrementally from its topic as a
 * consumer meets it (interleaved streams, small batches, redeliveries), equals the same read
 * model rebuilt from the whole topic in one pass — by checksum of every document, on the real
 * MongoDB-wire server. The outcomes model, fed from analytics' own store, is checked the same
 * way against a rebuild from that store.
 */
describeWithServer('mongo', 'analytics read models: a rebuild from the topics equals the incremental build', (mongo) => {
  let incremental: MongoProjectionStore;
  let rebuilt: MongoProjectionStore;
  const suffix = `${process.pid}_${Date.now().toString(36)}`;

  beforeAll(async () => {
    incremental = await MongoProjectionStore.connect({ url: await mongo(), database: `lz_analytics_inc_${suffix}` });
    rebuilt = await MongoProjectionStore.connect({ url: await mongo(), database: `lz_analytics_reb_${suffix}` });
  });
  afterAll(async () => {
    for (const store of [incremental, rebuilt]) {
      await store?.dropDatabase().catch(() => undefined);
      await store?.close();
    }
  });

  it.each(ANALYTICS_PROJECTIONS.map((p) => [p.projection.name, p] as const))('%s', async (_, { projection, source, schemas }) => {
    const events = organisationHistory()[source as keyof ReturnType<typeof organisationHistory>].map((event) => (schemas ? schemas.upcast(event) : event));
    expect(events.length).toBeGreaterThan(5);

    const live = new BusProjection({ projection, group: projection.name, sources: [source], store: incremental });
    await live.prepare();
    const batches = asOverPartitions(events, random(15));
    expect(batches.flat().length).toBeGreaterThan(events.length);
    for (const batch of batches) await live.handle(deliveries(source, batch));

    const fresh = new BusProjection({ projection, group: projection.name, sources: [source], store: rebuilt });
    await fresh.prepare();
    await fresh.handle(deliveries(source, events));

    const [a, b] = await Promise.all([readModelChecksum(incremental, projection), readModelChecksum(rebuilt, projection)]);
    expect(Object.values(a.collections).reduce((sum, c) => sum + c.documents, 0)).toBeGreaterThan(0);
    expect(a.collections).toEqual(b.collections);
    expect(a.sha256).toBe(b.sha256);
  });

  it(`${outcomesProjection.name} (analytics' own events)`, async () => {
    const eventStore = new InMemoryEventStore({ pollIntervalMs: 10 });
    const stream = 'analytics-outcomes-acme';
    let n = 0;
    const imported = (rows: Array<Record<string, unknown>>) => ({
      eventId: `01900000-0000-7000-8000-${String(++n).padStart(12, '0')}`,
      type: 'OutcomesImported',
      schemaVersion: 1,
      tenantId: 'acme',
      occurredAt: `2026-04-0${n}T10:00:00.000Z`,
      actor: { id: 'ana', kind: 'user' as const },
      correlationId: `c${n}`,
      causationId: `c${n}`,
      metadata: {},
      data: {
        importId: `i${n}`,
        source: 'csv',
        importedBy: 'ana',
        importedAt: `2026-04-0${n}T10:00:00.000Z`,
        rows: rows.map((r) => ({ engagement: null, absenteeismRate: null, innovativeIdeas: null, projectLeadTimeDays: null, ...r })),
      },
    });
    await eventStore.append(stream, [imported([{ teamId: 't1', period: '2026-Q1', engagement: 60 }, { teamId: 't2', period: '2026-Q1', engagement: 70 }])], { expectedVersion: 'any' });
    const runner = new ProjectionRunner({ eventStore, store: incremental, projections: [outcomesProjection] });
    await runner.start();
    await eventStore.append(stream, [imported([{ teamId: 't1', period: '2026-Q1', absenteeismRate: 3 }])], { expectedVersion: 'any' });
    const last = await eventStore.append(stream, [imported([{ teamId: 't1', period: '2026-Q2', innovativeIdeas: 4 }, { teamId: 't2', period: '2026-Q1', engagement: 75 }])], { expectedVersion: 'any' });
    await runner.waitForPosition(last.lastGlobalPosition);
    await runner.stop();

    await rebuildProjection({ eventStore, store: rebuilt, projection: outcomesProjection });
    const [a, b] = await Promise.all([readModelChecksum(incremental, outcomesProjection), readModelChecksum(rebuilt, outcomesProjection)]);
    expect(a.collections['outcomes']!.documents).toBe(3);
    expect(a.collections).toEqual(b.collections);
    expect(a.sha256).toBe(b.sha256);
    const t1 = await runner.readModels.collection(outcomesProjection.name, 'outcomes').findOne({ _id: 'acme/t1/2026-Q1' });
    expect(t1).toMatchObject({ engagement: 60, absenteeismRate: 3, importId: 'i2' });
    await eventStore.close();
  });
});
