import { InMemoryEventStore } from '@leerzone/kernel/testing/in-memory-event-store';
import { POINTERS, rebuildProjection } from '@leerzone/projections';
import { rosterEvents, teamRosterProjection } from '@leerzone/projections/testing';
import { describeWithServer } from '@leerzone/test-servers';
import { MongoClient } from 'mongodb';
import { MongoProjectionStore } from './mongo-projection-store';
import { openTestDatabase } from './mongo-test-database';
import { READ_MODEL_DIRECTORY, READ_MODEL_POINTERS, type ReadModelDirectoryEntry } from './read-model-directory';

// What an analyst with the mongo shell or a driver meets: real BSON dates and stable names.
describeWithServer('mongo', 'MongoDB as analysts read it', (url) => {
  const cleanups: (() => Promise<void>)[] = [];
  let native: MongoClient;

  beforeAll(async () => {
    native = new MongoClient(await url());
    await native.connect();
  });

  afterAll(async () => {
    await Promise.all(cleanups.splice(0).map((cleanup) => cleanup()));
    await native.close();
  });

  const database = async () => {
    const opened = await openTestDatabase(await url());
    cleanups.push(opened.dispose);
    return { ...opened, raw: native.db(opened.store.databaseName) };
  };

  it('stores ISO-8601 instants as BSON dates, queries and sorts them as dates, and gives back the same strings', async () => {
    const { store, raw } = await database();
    const rounds = store.collection('rounds');
    const closedAt = ['2026-01-15T08:00:00.000Z', '2025-11-02T17:45:12.345Z', '2026-03-01T00:00:00.000Z'];
    await rounds.insertOne({ _id: 'r1', closedAt: closedAt[0], month: '2026-01', history: [{ at: closedAt[1] }] });
    await rounds.updateOne({ _id: 'r2' }, { $set: { closedAt: closedAt[1], month: '2025-11' } }, { upsert: true });
    await rounds.bulkWrite([{ replaceOne: { filter: { _id: 'r3' }, replacement: { _id: 'r3', closedAt: closedAt[2], month: '2026-03' }, upsert: true } }]);
    await rounds.updateOne({ _id: 'r1' }, { $max: { closedAt: '2026-01-16T00:00:00.000Z' } });

    const r1 = await raw.collection('rounds').findOne({ _id: 'r1' as never });
    expect(r1!['closedAt']).toBeInstanceOf(Date);
    expect((r1!['closedAt'] as Date).toISOString()).toBe('2026-01-16T00:00:00.000Z');
    expect((r1!['history'] as { at: unknown }[])[0]!.at).toBeInstanceOf(Date);
    expect(typeof r1!['month']).toBe('string');
    // A date query an analyst would write, answered by the documents the store wrote.
    expect(await raw.collection('rounds').countDocuments({ closedAt: { $gte: new Date('2026-01-01T00:00:00Z') } })).toBe(2);

    expect(await rounds.findOne({ _id: 'r1' })).toEqual({ _id: 'r1', closedAt: '2026-01-16T00:00:00.000Z', month: '2026-01', history: [{ at: closedAt[1] }] });
    expect((await rounds.find({ closedAt: { $lt: '2026-02-01T00:00:00.000Z' } }, { sort: { closedAt: 1 } })).items.map((d) => d._id)).toEqual(['r2', 'r1']);
    expect(await rounds.count({ closedAt: '2026-03-01T00:00:00.000Z' })).toBe(1);
    // Keyset pagination over a date sort: the cursor carries the string, the filter compares dates.
    const first = await rounds.find({}, { sort: { closedAt: -1 }, limit: 2 });
    const second = await rounds.find({}, { sort: { closedAt: -1 }, limit: 2, after: first.next });
    expect([...first.items, ...second.items].map((d) => d._id)).toEqual(['r3', 'r1', 'r2']);
  });

  it('watches the pointers the projections library writes', () => {
    expect(READ_MODEL_POINTERS).toBe(POINTERS);
  });

  it('keeps leerzone_read_models naming the live generation of every read model across rebuilds', async () => {
    const { store, raw } = await database();
    const eventStore = new InMemoryEventStore();
    for (const { streamId, event } of rosterEvents(300, { teams: 12 })) await eventStore.append(streamId, [event], { expectedVersion: 'any' });
    const entries = () => raw.collection<ReadModelDirectoryEntry>(READ_MODEL_DIRECTORY).find({}).sort({ _id: 1 }).toArray();

    const first = await rebuildProjection({ eventStore, store, projection: teamRosterProjection });
    const afterFirst = await entries();
    expect(afterFirst.map((entry) => entry._id)).toEqual(['memberships', 'teams', 'tenants']);
    for (const entry of afterFirst) {
      expect(entry).toMatchObject({ projection: 'test.team-roster', collection: `test.team-roster.${entry._id}__${first.generation}`, generation: first.generation, version: 1, previousCollection: null });
      expect(entry.switchedAt).toBeInstanceOf(Date);
    }
    // Follow the pointer as an analyst would: the named collection holds the read model.
    const teams = afterFirst.find((entry) => entry._id === 'teams')!;
    const liveTeams = await raw.collection(teams.collection).countDocuments({ _deleted: { $ne: true } });
    expect(liveTeams).toBeGreaterThan(0);

    // A generation is named by its millisecond: let the clock move on before the next one.
    const firstDone = Date.now();
    while (Date.now() <= firstDone) await new Promise((resolve) => setImmediate(resolve));
    const second = await rebuildProjection({ eventStore, store, projection: teamRosterProjection });
    expect(second.generation).not.toBe(first.generation);
    const afterSecond = await entries();
    for (const entry of afterSecond) {
      expect(entry).toMatchObject({ collection: `test.team-roster.${entry._id}__${second.generation}`, generation: second.generation, previousCollection: `test.team-roster.${entry._id}__${first.generation}` });
    }
    const rebuilt = afterSecond.find((entry) => entry._id === 'teams')!;
    expect(rebuilt.switchedAt.getTime()).toBeGreaterThanOrEqual(teams.switchedAt.getTime());
    expect(await raw.collection(rebuilt.collection).countDocuments({ _deleted: { $ne: true } })).toBe(liveTeams);
  });

  it('heals a directory left behind (a process stopped between a switch and its sync) when a store connects', async () => {
    const { store, raw } = await database();
    const eventStore = new InMemoryEventStore();
    for (const { streamId, event } of rosterEvents(50, { teams: 4 })) await eventStore.append(streamId, [event], { expectedVersion: 'any' });
    const { generation } = await rebuildProjection({ eventStore, store, projection: teamRosterProjection });
    await raw.collection(READ_MODEL_DIRECTORY).drop();
    expect(await raw.collection(READ_MODEL_DIRECTORY).countDocuments()).toBe(0);

    const reopened = await MongoProjectionStore.connect({ url: await url(), database: store.databaseName });
    cleanups.push(() => reopened.close());
    expect((await reopened.directory.entries()).map((entry) => [entry._id, entry.collection])).toEqual([
      ['memberships', `test.team-roster.memberships__${generation}`],
      ['teams', `test.team-roster.teams__${generation}`],
      ['tenants', `test.team-roster.tenants__${generation}`],
    ]);
  });
});
