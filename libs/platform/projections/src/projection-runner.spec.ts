import type { StoredEvent } from '@leerzone/kernel';
import {
  InMemoryProjectionStore,
  type BulkWriteResult,
  type Document,
  type ProjectionCollection,
  type ProjectionStore,
  type WriteOperation,
} from '@leerzone/projection-store';
import { BatchWriter } from './batch-writer';
import { projectBatch } from './project-batch';
import { defineProjection } from './projection';
import { ProjectionCatalog, POINTERS } from './projection-catalog';
import { ProjectionError } from './projection.errors';
import { ProjectionRunner, type ProjectionStatus } from './projection-runner';
import { readModelChecksum } from './read-model-checksum';
import { rebuildProjection } from './rebuild-projection';
import { InMemoryEventStore, rosterEvents, seededRandom, teamRosterProjection } from './testing';

const appendAll = async (store: InMemoryEventStore, events: ReturnType<typeof rosterEvents>): Promise<void> => {
  for (const { streamId, event } of events) await store.append(streamId, [event], { expectedVersion: 'any' });
};

const waitUntil = async (condition: () => Promise<boolean> | boolean, timeoutMs = 10_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('Timed out waiting for condition.');
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
};

const fullRebuildChecksum = async (events: InMemoryEventStore): Promise<string> => {
  const fresh = new InMemoryProjectionStore();
  await rebuildProjection({ eventStore: events, store: fresh, projection: teamRosterProjection });
  return (await readModelChecksum(fresh, teamRosterProjection)).sha256;
};

/**
 * A projection store that "crashes" after a budget of write operations: the operation that
 * exhausts it is applied only partly (a prefix of a bulk write), and from then on every
 * call fails, as if the process had died mid-batch.
 */
class CrashingStore implements ProjectionStore {
  crashed = false;
  constructor(
    private readonly inner: ProjectionStore,
    private budget: number,
  ) {}

  private spend(count: number): number {
    if (this.crashed) throw new Error('process is dead');
    const allowed = Math.min(count, this.budget);
    this.budget -= allowed;
    if (allowed < count) this.crashed = true;
    return allowed;
  }

  collection<T extends Document = Document>(name: string): ProjectionCollection<T> {
    const inner = this.inner.collection<T>(name);
    const guarded = <A extends unknown[], R>(call: (...args: A) => Promise<R>, cost: number) => async (...args: A): Promise<R> => {
      if (this.spend(cost) < cost) throw new Error('crashed before the write');
      return call(...args);
    };
    const read = <A extends unknown[], R>(call: (...args: A) => Promise<R>) => async (...args: A): Promise<R> => {
      if (this.crashed) throw new Error('process is dead');
      return call(...args);
    };
    return {
      name,
      insertOne: guarded((d: T) => inner.insertOne(d), 1),
      updateOne: guarded((f, u, o) => inner.updateOne(f, u, o), 1),
      updateMany: guarded((f, u) => inner.updateMany(f, u), 1),
      replaceOne: guarded((f, r: T, o) => inner.replaceOne(f, r, o), 1),
      deleteOne: guarded((f) => inner.deleteOne(f), 1),
      deleteMany: guarded((f) => inner.deleteMany(f), 1),
      createIndex: read((s) => inner.createIndex(s)),
      drop: read(() => inner.drop()),
      findOne: read((f) => inner.findOne(f)),
      find: read((f, o) => inner.find(f, o)),
      count: read((f) => inner.count(f)),
      summarise: read((f, o) => inner.summarise(f, o)),
      bulkWrite: async (operations: readonly WriteOperation[]): Promise<BulkWriteResult> => {
        const allowed = this.spend(operations.length);
        if (allowed > 0) await inner.bulkWrite(operations.slice(0, allowed));
        if (allowed < operations.length) throw new Error(`crashed after ${allowed} of ${operations.length} writes`);
        return { insertedCount: 0, matchedCount: 0, modifiedCount: 0, upsertedCount: 0, deletedCount: 0 };
      },
    };
  }

  listCollections(): Promise<string[]> {
    return this.inner.listCollections();
  }

  close(): Promise<void> {
    return Promise.resolve();
  }
}

/** The same store, with bulk writes routed through `bulkWrite` (to hold them back). */
const withBulkWrite = (
  inner: ProjectionStore,
  bulkWrite: (collection: ProjectionCollection, operations: readonly WriteOperation[]) => Promise<BulkWriteResult>,
): ProjectionStore => ({
  collection: <T extends Document = Document>(name: string): ProjectionCollection<T> => {
    const collection = inner.collection<T>(name);
    return new Proxy(collection, {
      get: (target, property, receiver) =>
        property === 'bulkWrite' ? (operations: readonly WriteOperation[]) => bulkWrite(target as unknown as ProjectionCollection, operations) : Reflect.get(target, property, receiver),
    });
  },
  listCollections: () => inner.listCollections(),
  close: () => inner.close(),
});

describe('ProjectionRunner', () => {
  const runners: ProjectionRunner[] = [];
  const track = (runner: ProjectionRunner): ProjectionRunner => {
    runners.push(runner);
    return runner;
  };
  afterEach(async () => {
    await Promise.all(runners.splice(0).map((runner) => runner.stop()));
  });

  it('catches up on history, then follows live events; start resolves when caught up', async () => {
    const events = new InMemoryEventStore();
    const store = new InMemoryProjectionStore();
    await events.append('team-1', [rosterEvents(1)[0]!.event], { expectedVersion: 'any' });
    const runner = track(new ProjectionRunner({ eventStore: events, store, projections: [teamRosterProjection] }));
    await runner.start();
    const teams = runner.readModels.collection('test.team-roster', 'teams');
    const first = await teams.find({});
    expect(first.items).toHaveLength(1);
    expect(first.items[0]).toMatchObject({ name: expect.stringMatching(/^Team /), archived: false, incarnation: 1, memberIds: [] });
    expect(first.items[0]).not.toHaveProperty('_position');

    const later = await events.append(
      'team-x',
      [{ ...rosterEvents(1)[0]!.event, eventId: 'live-1', data: { teamId: 'team-x', name: 'Live team' } }],
      { expectedVersion: 'any' },
    );
    await runner.waitForPosition(later.lastGlobalPosition);
    expect(await teams.findOne({ _id: 'team-x' })).toMatchObject({ name: 'Live team' });
    expect(await runner.status()).toEqual([expect.objectContaining({ name: 'test.team-roster', state: 'live', position: 2, head: 2, lag: 0 })]);
    expect(await runner.ready()).toBe(true);
  });

  it('builds the same read model incrementally, in any batch size, as a full rebuild', async () => {
    const events = new InMemoryEventStore();
    await appendAll(events, rosterEvents(800, { teams: 30 }));
    const expected = await fullRebuildChecksum(events);
    for (const batchSize of [1, 37, 500]) {
      const store = new InMemoryProjectionStore();
      const runner = track(new ProjectionRunner({ eventStore: events, store, projections: [teamRosterProjection], batchSize }));
      await runner.start();
      const checksum = await readModelChecksum(store, teamRosterProjection);
      expect(checksum.sha256).toBe(expected);
      expect(checksum.collections['teams']!.documents).toBeGreaterThan(0);
      expect(checksum.collections['memberships']!.documents).toBeGreaterThan(0);
    }
  });

  it('reports position, head and lag while catching up, and live once caught up', async () => {
    const events = new InMemoryEventStore();
    await appendAll(events, rosterEvents(50));
    const gates: (() => void)[] = [];
    let open = false;
    const releaseOne = (): void => gates.shift()?.();
    const gated = withBulkWrite(new InMemoryProjectionStore(), async (collection, operations) => {
      if (!open) await new Promise<void>((resolve) => gates.push(resolve));
      return collection.bulkWrite(operations);
    });
    const runner = track(new ProjectionRunner({ eventStore: events, store: gated, projections: [teamRosterProjection], batchSize: 10 }));
    try {
      const started = runner.start();
      await waitUntil(() => gates.length > 0);
      expect((await runner.status())[0]).toMatchObject<Partial<ProjectionStatus>>({ state: 'catching-up', position: 0, head: 50, lag: 50 });
      expect(await runner.ready()).toBe(false);
      // A batch writes up to three collections, each its own bulk write; let them through one by one.
      await waitUntil(async () => {
        releaseOne();
        return (await runner.status())[0]!.position > 0;
      });
      const partway = (await runner.status())[0]!;
      expect(partway.state).toBe('catching-up');
      expect(partway.position).toBeGreaterThanOrEqual(10);
      expect(partway.position).toBeLessThan(50);
      expect(partway.lag).toBe(50 - partway.position);
      await appendAll(events, rosterEvents(5, { prefix: 'more', seed: 99 }));
      const grown = (await runner.status())[0]!;
      expect(grown).toMatchObject({ head: 55, lag: 55 - grown.position });
      open = true;
      gates.splice(0).forEach((release) => release());
      await started;
      await runner.waitForPosition(55);
      expect((await runner.status())[0]).toMatchObject({ state: 'live', position: 55, head: 55, lag: 0 });
    } finally {
      open = true;
      gates.splice(0).forEach((release) => release());
    }
  });

  it('after a crash at any point of a batch, a fresh runner ends with the read model of a full rebuild', async () => {
    const events = new InMemoryEventStore();
    await appendAll(events, rosterEvents(400, { teams: 12 }));
    const expected = await fullRebuildChecksum(events);
    const random = seededRandom(42);
    let crashesMidBulk = 0;
    for (let trial = 0; trial < 25; trial++) {
      const base = new InMemoryProjectionStore();
      // Budgets spread over the whole run: mid-bulk, between bulk and checkpoint, during tombstone purges.
      const crashing = new CrashingStore(base, Math.floor(random() * 700));
      const failures: unknown[] = [];
      const doomed = new ProjectionRunner({
        eventStore: events,
        store: crashing,
        projections: [teamRosterProjection],
        batchSize: 1 + Math.floor(random() * 60),
        retryDelayMs: 60_000,
        onError: (_, error) => failures.push(error),
      });
      await doomed.start().catch(() => undefined);
      await doomed.stop();
      if (!crashing.crashed) continue;
      expect(failures.length).toBeGreaterThan(0);
      if (failures.some((failure) => String(failure).includes('crashed after'))) crashesMidBulk++;
      const restarted = track(new ProjectionRunner({ eventStore: events, store: base, projections: [teamRosterProjection], batchSize: 1 + Math.floor(random() * 60) }));
      await restarted.start();
      expect((await readModelChecksum(base, teamRosterProjection)).sha256).toBe(expected);
      await restarted.stop();
    }
    // The trials must really have crashed inside bulk writes, not only around them.
    expect(crashesMidBulk).toBeGreaterThan(5);
  });

  it('a crash between the writes and the checkpoint: replaying from the checkpoint skips exactly what already landed', async () => {
    const events = new InMemoryEventStore();
    await appendAll(events, rosterEvents(300, { teams: 8 }));
    const all = await events.readAll({ limit: 10_000 });
    const store = new InMemoryProjectionStore();
    const catalog = new ProjectionCatalog(store);
    const generation = { id: 'v1_1', version: 1, collections: { teams: 'teams__v1_1', memberships: 'memberships__v1_1', tenants: 'tenants__v1_1' } };
    await catalog.createCollections(teamRosterProjection, generation);
    await catalog.createPointer(teamRosterProjection.name, generation, new Date());
    const context = { store, catalog, projection: teamRosterProjection, generation, clock: () => new Date() };
    await projectBatch(context, all.slice(0, 150));
    // Events 151-300 written, then the process dies before the checkpoint moves past 150.
    const writer = new BatchWriter(teamRosterProjection, generation.collections);
    all.slice(150).forEach((event) => writer.apply(event));
    await writer.flush(store);
    expect(await catalog.checkpoint(teamRosterProjection.name, generation.id)).toBe(150);
    const replay = await projectBatch(context, all.slice(150));
    expect(replay.skipped).toBeGreaterThan(0);
    // And once more from the middle, as if the checkpoint had stopped at 225.
    await projectBatch(context, all.slice(225));
    expect((await readModelChecksum(store, teamRosterProjection)).sha256).toBe(await fullRebuildChecksum(events));
  });

  it('never resurrects a deleted document when an older event is replayed', async () => {
    const events = new InMemoryEventStore();
    const [created] = rosterEvents(1);
    await events.append('team-0', [created!.event], { expectedVersion: 'any' });
    await events.append('team-0', [{ ...created!.event, eventId: 'archive', type: 'TeamArchived', data: { teamId: 'team-0' } }], { expectedVersion: 'any' });
    const store = new InMemoryProjectionStore();
    const catalog = new ProjectionCatalog(store);
    const runner = track(new ProjectionRunner({ eventStore: events, store, projections: [teamRosterProjection] }));
    await runner.start();
    const generation = (await runner.readModels.generation('test.team-roster'))!;
    const teams = runner.readModels.collection('test.team-roster', 'teams');
    expect(await teams.count()).toBe(0);
    // The tombstone is purged once the checkpoint passed it; a replay starts after the checkpoint, so nothing older can come.
    expect(await store.collection(generation.collections['teams']!).count()).toBe(0);
    // Without the purge (a crash between writes and checkpoint), the tombstone guards the replay:
    const first = (await events.readAll())[0]!;
    await store.collection(generation.collections['teams']!).insertOne({ _id: 'team-0', _position: 2, _deleted: true });
    await projectBatch({ store, catalog, projection: teamRosterProjection, generation, clock: () => new Date() }, [first]);
    expect(await teams.findOne({ _id: 'team-0' })).toBeNull();
    // A newer creation replaces the tombstone with a fresh document ($setOnInsert applies again).
    const recreated: StoredEvent = { ...first, eventId: 'again', globalPosition: 3, data: { teamId: 'team-0', name: 'Again' } };
    await projectBatch({ store, catalog, projection: teamRosterProjection, generation, clock: () => new Date() }, [recreated]);
    expect(await teams.findOne({ _id: 'team-0' })).toEqual({
      _id: 'team-0',
      name: 'Again',
      tenantId: first.tenantId,
      archived: false,
      incarnation: 1,
      memberIds: [],
      createdAt: first.occurredAt,
    });
  });

  it('stops on a failing handler without moving the checkpoint, reports it, and recovers once the handler is fixed', async () => {
    const events = new InMemoryEventStore();
    await appendAll(events, rosterEvents(30));
    let broken = true;
    const flaky = defineProjection({
      ...teamRosterProjection,
      name: 'test.flaky',
      apply(event, write) {
        if (broken && event.globalPosition === 17) throw new Error('cannot read property of undefined');
        teamRosterProjection.apply(event, write);
      },
    });
    const store = new InMemoryProjectionStore();
    const errors: unknown[] = [];
    const runner = track(new ProjectionRunner({ eventStore: events, store, projections: [flaky], batchSize: 10, retryDelayMs: 20, onError: (_, e) => errors.push(e) }));
    await expect(runner.start()).rejects.toMatchObject({ code: 'PROJECTION.HANDLER_FAILED', globalPosition: 17 });
    const [failed] = await runner.status();
    expect(failed).toMatchObject({ state: 'failed', position: 10, lag: 20, error: { code: 'PROJECTION.HANDLER_FAILED' } });
    expect(failed!.error!.message).toContain('event 17');
    broken = false;
    await waitUntil(async () => (await runner.status())[0]!.state === 'live');
    expect((await runner.status())[0]).toMatchObject({ position: 30, lag: 0 });
    expect((await runner.status())[0]!.error).toBeUndefined();
    const expected = new InMemoryProjectionStore();
    await rebuildProjection({ eventStore: events, store: expected, projection: flaky });
    expect((await readModelChecksum(store, flaky)).sha256).toBe((await readModelChecksum(expected, flaky)).sha256);
  });

  it('refuses handler writes that would break the guarantees', async () => {
    const store = new InMemoryProjectionStore();
    const catalog = new ProjectionCatalog(store);
    const generation = { id: 'v1_1', version: 1, collections: { teams: 'teams__v1_1' } };
    const event = { ...rosterEvents(1)[0]!.event, streamId: 's', streamPosition: 1, globalPosition: 1, recordedAt: '', hash: '' } as StoredEvent;
    const attempt = async (apply: Parameters<typeof defineProjection>[0]['apply']) => {
      const projection = defineProjection({ name: 'test.bad', version: 1, collections: { teams: {} }, handles: [event.type], apply });
      return projectBatch({ store, catalog, projection, generation, clock: () => new Date() }, [event]).then(
        () => undefined,
        (error: unknown) => error as ProjectionError & { cause: ProjectionError },
      );
    };
    expect((await attempt((_, w) => (w.collection('teams').upsert('a', { $set: { n: 1 } }), w.collection('teams').update('a', { $inc: { n: 1 } }))))!.cause.code).toBe('PROJECTION.DOUBLE_WRITE');
    expect((await attempt((_, w) => w.collection('teams').upsert('a', { $set: { _position: 99 } })))!.cause.code).toBe('PROJECTION.RESERVED_FIELD');
    expect((await attempt((_, w) => w.collection('teams').put('a', { _deleted: true })))!.cause.code).toBe('PROJECTION.RESERVED_FIELD');
    expect((await attempt((_, w) => (w as { collection(name: string): { delete(id: string): void } }).collection('other').delete('a')))!.cause.code).toBe('PROJECTION.UNKNOWN_COLLECTION');
    expect((await attempt((_, w) => w.collection('teams').upsert('a', { $where: 1 } as never)))!.cause).toMatchObject({ code: 'PROJECTION_STORE.INVALID_ARGUMENT' });
    expect(await store.collection('teams__v1_1').count()).toBe(0);
    expect(await catalog.checkpoint('test.bad', 'v1_1')).toBe(0);
  });

  it('rebuilds into a new generation while queries keep answering from the old one, then follows the switch', async () => {
    const events = new InMemoryEventStore();
    await appendAll(events, rosterEvents(300, { teams: 10 }));
    const store = new InMemoryProjectionStore();
    const runner = track(new ProjectionRunner({ eventStore: events, store, projections: [teamRosterProjection], pointerPollMs: 20 }));
    await runner.start();
    const teams = runner.readModels.collection('test.team-roster', 'teams');
    const before = await teams.count();
    const firstGeneration = (await runner.status())[0]!.generation!;
    const answersDuringRebuild: number[] = [];
    const result = await runner.rebuild('test.team-roster', {
      onProgress: () => {
        void teams.count().then((count) => answersDuringRebuild.push(count));
      },
    });
    expect(result).toMatchObject({ previous: firstGeneration, position: 300, events: 300 });
    expect(answersDuringRebuild.length).toBeGreaterThan(0);
    expect(answersDuringRebuild.every((count) => count === before)).toBe(true);
    expect((await runner.status())[0]).toMatchObject({ generation: result.generation, state: 'live', position: 300 });
    // Live events now land in the new generation.
    const next = await events.append('team-new', [{ ...rosterEvents(1)[0]!.event, eventId: 'new', data: { teamId: 'team-new', name: 'New' } }], { expectedVersion: 'any' });
    await runner.waitForPosition(next.lastGlobalPosition);
    expect(await teams.findOne({ _id: 'team-new' })).toMatchObject({ name: 'New' });
    expect(await store.collection(`test.team-roster.teams__${result.generation}`).count({ _id: 'team-new' })).toBe(1);
    // The replaced generation stays (one step back); the one before it is dropped.
    const third = await runner.rebuild('test.team-roster');
    const collections = await store.listCollections();
    expect(collections).toContain(`test.team-roster.teams__${result.generation}`);
    expect(collections).toContain(`test.team-roster.teams__${third.generation}`);
    expect(collections).not.toContain(`test.team-roster.teams__${firstGeneration}`);
    expect(third.dropped).toEqual(expect.arrayContaining([`test.team-roster.teams__${firstGeneration}`, `test.team-roster.memberships__${firstGeneration}`]));
    expect((await readModelChecksum(store, teamRosterProjection)).sha256).toBe(await fullRebuildChecksum(events));
  });

  it('follows a switch-over made by another process (the CLI) within the poll interval', async () => {
    const events = new InMemoryEventStore();
    await appendAll(events, rosterEvents(100));
    const store = new InMemoryProjectionStore();
    const runner = track(new ProjectionRunner({ eventStore: events, store, projections: [teamRosterProjection], pointerPollMs: 20 }));
    await runner.start();
    const elsewhere = await rebuildProjection({ eventStore: events, store, projection: teamRosterProjection });
    await waitUntil(async () => (await runner.status())[0]!.generation === elsewhere.generation);
    await appendAll(events, rosterEvents(20, { prefix: 'later', seed: 3 }));
    await runner.waitForPosition(120);
    expect((await readModelChecksum(store, teamRosterProjection)).sha256).toBe(await fullRebuildChecksum(events));
  });

  it('rebuilds on a version change before going live, and refuses to run older code against a newer read model', async () => {
    const events = new InMemoryEventStore();
    await appendAll(events, rosterEvents(100));
    const store = new InMemoryProjectionStore();
    const v1 = track(new ProjectionRunner({ eventStore: events, store, projections: [teamRosterProjection] }));
    await v1.start();
    await v1.stop();
    const v2Projection = defineProjection({ ...teamRosterProjection, version: 2 });
    const v2 = track(new ProjectionRunner({ eventStore: events, store, projections: [v2Projection] }));
    await v2.start();
    expect((await v2.status())[0]).toMatchObject({ version: 2, state: 'live', generation: expect.stringMatching(/^v2_/) });
    expect(await store.collection(POINTERS).findOne({ _id: 'test.team-roster' })).toMatchObject({ version: 2, previous: { generation: expect.stringMatching(/^v1_/) } });
    await v2.stop();
    const old = track(new ProjectionRunner({ eventStore: events, store, projections: [teamRosterProjection], retryDelayMs: 10 }));
    await expect(old.start()).rejects.toMatchObject({ code: 'PROJECTION.VERSION_AHEAD' });
    expect((await old.status())[0]).toMatchObject({ state: 'failed', error: { code: 'PROJECTION.VERSION_AHEAD' } });
  });

  it('rejects bad definitions with a clear code and field', () => {
    const events = new InMemoryEventStore();
    const store = new InMemoryProjectionStore();
    const make = (overrides: object) => () => new ProjectionRunner({ eventStore: events, store, projections: [{ ...teamRosterProjection, ...overrides }] });
    expect(make({ name: 'bad name' })).toThrow(expect.objectContaining({ code: 'PROJECTION.INVALID_DEFINITION', field: 'name' }) as unknown as Error);
    expect(make({ version: 0 })).toThrow(expect.objectContaining({ field: 'test.team-roster.version' }) as unknown as Error);
    expect(make({ collections: { 'a__b': {} } })).toThrow(expect.objectContaining({ field: 'test.team-roster.collections.a__b' }) as unknown as Error);
    expect(() => new ProjectionRunner({ eventStore: events, store, projections: [teamRosterProjection, teamRosterProjection] })).toThrow(ProjectionError);
  });
});
