import { InProcessLeaseScope, InProcessLeases } from '@leerzone/kernel';
import { InMemoryProjectionStore, type Document, type ProjectionCollection, type ProjectionStore } from '@leerzone/projection-store';
import { POINTERS } from './projection-catalog';
import { ProjectionRunner } from './projection-runner';
import { readModelChecksum } from './read-model-checksum';
import { rebuildProjection } from './rebuild-projection';
import { InMemoryEventStore, rosterEvents, teamRosterProjection } from './testing';

const waitUntil = async (condition: () => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('Timed out waiting for condition.');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

/** One instance's view of the shared read-model store, counting the writes it sends. */
class CountingStore implements ProjectionStore {
  writes = 0;
  constructor(private readonly inner: ProjectionStore) {}
  collection<T extends Document = Document>(name: string): ProjectionCollection<T> {
    const inner = this.inner.collection<T>(name);
    const count = <A extends unknown[], R>(call: (...args: A) => Promise<R>) => async (...args: A): Promise<R> => {
      this.writes++;
      return call(...args);
    };
    return {
      ...inner,
      name,
      insertOne: count((d: T) => inner.insertOne(d)),
      updateOne: count((f, u, o) => inner.updateOne(f, u, o)),
      updateMany: count((f, u) => inner.updateMany(f, u)),
      replaceOne: count((f, r: T, o) => inner.replaceOne(f, r, o)),
      deleteOne: count((f) => inner.deleteOne(f)),
      deleteMany: count((f) => inner.deleteMany(f)),
      bulkWrite: count((ops) => inner.bulkWrite(ops)),
      createIndex: (s) => inner.createIndex(s),
      drop: () => inner.drop(),
      findOne: (f) => inner.findOne(f),
      find: (f, o) => inner.find(f, o),
      count: (f) => inner.count(f),
    };
  }
  listCollections(): Promise<string[]> {
    return this.inner.listCollections();
  }
  close(): Promise<void> {
    return Promise.resolve();
  }
}

describe('ProjectionRunner with a lease (several instances over one store)', () => {
  const events = rosterEvents(400, { teams: 20 });
  const append = async (store: InMemoryEventStore, from: number, to: number) => {
    for (const { streamId, event } of events.slice(from, to)) await store.append(streamId, [event], { expectedVersion: 'any' });
  };

  it('runs the projections in the holder only; the other stands by, follows its checkpoints, takes over when the holder is lost, and the read model equals a rebuild', async () => {
    const eventStore = new InMemoryEventStore();
    const shared = new InMemoryProjectionStore();
    const scope = new InProcessLeaseScope();
    const [storeA, storeB] = [new CountingStore(shared), new CountingStore(shared)];
    const runner = (store: ProjectionStore) =>
      new ProjectionRunner({ eventStore, store, projections: [teamRosterProjection], lease: new InProcessLeases(scope).lease('projections'), leaseRetryMs: 10, standbyPollMs: 10, batchSize: 50 });
    const [a, b] = [runner(storeA), runner(storeB)];
    await append(eventStore, 0, 200);
    await a.start();
    await b.start();
    expect(a.isLeading).toBe(true);
    expect(b.isLeading).toBe(false);
    // Read-your-writes on the standby instance: it waits for the holder's checkpoint.
    await b.waitForPosition(200, { timeoutMs: 5_000 });
    expect((await b.status())[0]).toMatchObject({ state: 'standby', position: 200, head: 200, lag: 0 });
    expect(await b.ready()).toBe(true);
    expect(storeB.writes).toBe(0);
    // Queries on the standby answer from the holder's read model.
    expect(await b.readModels.collection('test.team-roster', 'teams').count()).toBe(await a.readModels.collection('test.team-roster', 'teams').count());

    await append(eventStore, 200, 260);
    await a.waitForPosition(260);
    const writesOfA = storeA.writes;
    // The holder's connection dies: it stops writing, the standby takes over.
    scope.revoke('projections');
    await waitUntil(() => b.isLeading && !a.isLeading);
    await append(eventStore, 260, 400);
    await b.waitForPosition(400, { timeoutMs: 5_000 });
    await a.waitForPosition(400, { timeoutMs: 5_000 });
    expect((await a.status())[0]).toMatchObject({ state: 'standby', position: 400 });
    expect(storeA.writes).toBe(writesOfA);
    expect(storeB.writes).toBeGreaterThan(0);

    await a.stop();
    await b.stop();
    const fresh = new InMemoryProjectionStore();
    await rebuildProjection({ eventStore, store: fresh, projection: teamRosterProjection });
    expect((await readModelChecksum(shared, teamRosterProjection)).sha256).toBe((await readModelChecksum(fresh, teamRosterProjection)).sha256);
    expect(await shared.collection(POINTERS).count()).toBe(1);
  });

  it('a holder that lost its lease writes no further batch (the fence), even before it is told', async () => {
    const eventStore = new InMemoryEventStore();
    const shared = new InMemoryProjectionStore();
    const scope = new InProcessLeaseScope();
    const store = new CountingStore(shared);
    const errors: unknown[] = [];
    const a = new ProjectionRunner({
      eventStore,
      store,
      projections: [teamRosterProjection],
      lease: new InProcessLeases(scope).lease('projections'),
      leaseRetryMs: 60_000,
      batchSize: 50,
      onError: (_, error) => errors.push(error),
    });
    await append(eventStore, 0, 50);
    await a.start();
    await a.waitForPosition(50);
    const before = store.writes;
    // Taken behind its back, with no loss reported and the next confirmation a minute away:
    // the confirmation before the next batch finds out, and the batch is not written.
    (scope as unknown as { holders: Map<string, unknown> }).holders.set('projections', {});
    await append(eventStore, 50, 100);
    await waitUntil(() => !a.isLeading);
    // Only the fence confirmed the lease (the worker's own confirmation is a minute away).
    expect(errors.filter((e) => (e as { code?: string }).code !== 'PROJECTION.LEASE_LOST')).toEqual([]);
    expect((await a.status())[0]).toMatchObject({ state: 'standby', position: 50 });
    expect(store.writes).toBe(before);
    await a.stop();
  });

  it('without a lease it runs as before: always leading', async () => {
    const eventStore = new InMemoryEventStore();
    const runner = new ProjectionRunner({ eventStore, store: new InMemoryProjectionStore(), projections: [teamRosterProjection] });
    await append(eventStore, 0, 20);
    await runner.start();
    expect(runner.isLeading).toBe(true);
    expect((await runner.status())[0]).toMatchObject({ state: 'live', position: 20 });
    await runner.stop();
  });
});
