import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { BulkWriteError, DuplicateKeyError, InvalidArgumentError, ProjectionStoreError } from '../projection-store.errors';
import type { Document, ProjectionCollection, ProjectionStore, SortSpec } from '../projection-store.port';

/** One fresh, empty store per test (for a server: a fresh database, dropped in `dispose`). */
export interface ProjectionStoreHarness {
  readonly store: ProjectionStore;
  dispose(): Promise<void>;
  /** False where the server does not say which operation of a bulk write failed (FerretDB 1.24). Default true. */
  readonly reportsBulkErrorIndex?: boolean;
}

const expectError = async <E extends ProjectionStoreError>(
  promise: Promise<unknown>,
  type: abstract new (...args: never[]) => E,
  code: string,
  field?: string,
): Promise<E> => {
  const error = await promise.then(
    () => {
      throw new Error(`Expected ${type.name} ${code}, but the call succeeded.`);
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(type);
  expect((error as E).code).toBe(code);
  if (field !== undefined) expect((error as E).field).toBe(field);
  return error as E;
};

type Item = Document & { group?: string | null; rank?: number; tags?: string[] };

const readAllPages = async (collection: ProjectionCollection<Item>, sort: SortSpec, limit: number, filter = {}): Promise<string[]> => {
  const ids: string[] = [];
  let after: string | undefined;
  for (let guard = 0; guard < 1_000; guard++) {
    const page = await collection.find(filter, { sort, limit, ...(after ? { after } : {}) });
    ids.push(...page.items.map((item) => item._id));
    if (!page.next) return ids;
    after = page.next;
  }
  throw new Error('Pagination did not end.');
};

/**
 * The behaviour every projection-store adapter must have. Call from an adapter's test file:
 *
 *   projectionStoreContract('memory', async () => ({ store: new InMemoryProjectionStore(), dispose: async () => {} }));
 */
export function projectionStoreContract(name: string, createHarness: () => Promise<ProjectionStoreHarness>): void {
  describe(`projection store contract: ${name}`, () => {
    let harness: ProjectionStoreHarness;
    let store: ProjectionStore;
    let items: ProjectionCollection<Item>;

    beforeEach(async () => {
      harness = await createHarness();
      store = harness.store;
      items = store.collection<Item>('items');
    });

    afterEach(async () => {
      await harness.dispose();
    });

    describe('documents', () => {
      it('stores and returns documents with nested values, arrays, nulls and booleans unchanged', async () => {
        const document = { _id: 'a', name: 'Alpha', nested: { deep: { n: 1.5 } }, list: [1, 'two', { three: 3 }], none: null, flag: false };
        await items.insertOne(document);
        expect(await items.findOne({ _id: 'a' })).toEqual(document);
        expect(await items.findOne({ _id: 'missing' })).toBeNull();
      });

      it('hands out copies: changing a returned document does not change the stored one', async () => {
        await items.insertOne({ _id: 'a', tags: ['x'] });
        const read = (await items.findOne({ _id: 'a' }))!;
        read.tags!.push('y');
        expect((await items.findOne({ _id: 'a' }))!.tags).toEqual(['x']);
      });

      it('rejects a second document with the same id and keeps the first', async () => {
        await items.insertOne({ _id: 'a', rank: 1 });
        const error = await expectError(items.insertOne({ _id: 'a', rank: 2 }), DuplicateKeyError, 'PROJECTION_STORE.DUPLICATE_KEY');
        expect(error.collection).toBe('items');
        expect(await items.findOne({ _id: 'a' })).toEqual({ _id: 'a', rank: 1 });
      });

      it('requires a non-empty string id and plain keys', async () => {
        await expectError(items.insertOne({ rank: 1 } as unknown as Item), InvalidArgumentError, 'PROJECTION_STORE.INVALID_ARGUMENT', 'document._id');
        await expectError(items.insertOne({ _id: 'a', bad: { $set: 1 } }), InvalidArgumentError, 'PROJECTION_STORE.INVALID_ARGUMENT', 'document.bad.$set');
        await expectError(items.insertOne({ _id: 'a', 'dotted.key': 1 }), InvalidArgumentError, 'PROJECTION_STORE.INVALID_ARGUMENT', 'document.dotted.key');
        await expectError(items.insertOne({ _id: 'a', matrix: [[1, 2]] }), InvalidArgumentError, 'PROJECTION_STORE.INVALID_ARGUMENT', 'document.matrix[0]');
        expect(await items.count()).toBe(0);
      });
    });

    describe('updates', () => {
      it('applies $set (also dotted), $inc, $unset, $min, $max', async () => {
        await items.insertOne({ _id: 'a', count: 1, gone: true, low: 5, high: 5, profile: { name: 'x' } });
        const result = await items.updateOne(
          { _id: 'a' },
          { $set: { 'profile.name': 'y', 'profile.age': 3 }, $inc: { count: 2, fresh: 1 }, $unset: { gone: '' }, $min: { low: 2 }, $max: { high: 9 } },
        );
        expect(result).toMatchObject({ matchedCount: 1, modifiedCount: 1 });
        expect(await items.findOne({ _id: 'a' })).toEqual({ _id: 'a', count: 3, fresh: 1, low: 2, high: 9, profile: { name: 'y', age: 3 } });
      });

      it('replaces embedded objects and arrays as a whole with $set, also in documents it has changed before', async () => {
        await items.insertOne({ _id: 'a', pointer: { to: 'old', extra: 1 }, list: [1, 2], label: 'x' });
        await items.updateOne({ _id: 'a' }, { $set: { label: 'y' } });
        expect(await items.updateOne({ _id: 'a' }, { $set: { label: 'z', pointer: { to: 'new' }, list: [3] } })).toMatchObject({ modifiedCount: 1 });
        expect(await items.findOne({ _id: 'a' })).toEqual({ _id: 'a', pointer: { to: 'new' }, list: [3], label: 'z' });
      });

      it('applies $push (also $each), $addToSet (ignoring present values) and $pull', async () => {
        await items.insertOne({ _id: 'a', log: ['a'], set: ['x'], drop: [1, 2, 3, 2] });
        await items.updateOne({ _id: 'a' }, { $push: { log: 'b' }, $addToSet: { set: 'x' }, $pull: { drop: 2 } });
        await items.updateOne({ _id: 'a' }, { $push: { log: { $each: ['c', 'd'] } }, $addToSet: { set: { $each: ['x', 'y'] } } });
        expect(await items.findOne({ _id: 'a' })).toEqual({ _id: 'a', log: ['a', 'b', 'c', 'd'], set: ['x', 'y'], drop: [1, 3] });
      });

      it('reports matched and modified counts, and a no-op update modifies nothing', async () => {
        await items.insertOne({ _id: 'a', rank: 1 });
        expect(await items.updateOne({ _id: 'a' }, { $set: { rank: 1 } })).toMatchObject({ matchedCount: 1, modifiedCount: 0 });
        expect(await items.updateOne({ _id: 'zz' }, { $set: { rank: 1 } })).toEqual({ matchedCount: 0, modifiedCount: 0 });
        expect(await items.updateOne({ _id: 'a', rank: 2 }, { $set: { rank: 3 } })).toEqual({ matchedCount: 0, modifiedCount: 0 });
        expect(await items.findOne({ _id: 'a' })).toEqual({ _id: 'a', rank: 1 });
      });

      it('upserts: a new document takes the filter equalities, $set and $setOnInsert; later upserts skip $setOnInsert', async () => {
        const first = await items.updateOne({ _id: 'a', group: 'g1' }, { $setOnInsert: { createdAt: 't1' }, $set: { name: 'one' }, $inc: { n: 1 } }, { upsert: true });
        expect(first).toMatchObject({ matchedCount: 0, upsertedId: 'a' });
        const second = await items.updateOne({ _id: 'a', group: 'g1' }, { $setOnInsert: { createdAt: 't2' }, $set: { name: 'two' }, $inc: { n: 1 } }, { upsert: true });
        expect(second).toMatchObject({ matchedCount: 1, modifiedCount: 1 });
        expect(second.upsertedId).toBeUndefined();
        expect(await items.findOne({ _id: 'a' })).toEqual({ _id: 'a', group: 'g1', createdAt: 't1', name: 'two', n: 2 });
      });

      it('upserts $setOnInsert values that are null or empty arrays, in single updates and bulk writes', async () => {
        await items.updateOne({ _id: 'a' }, { $setOnInsert: { list: [], none: null, text: '' }, $set: { n: 1 } }, { upsert: true });
        await items.bulkWrite([
          { updateOne: { filter: { _id: 'b' }, update: { $setOnInsert: { list: [] }, $inc: { n: 1 } }, upsert: true } },
          { updateOne: { filter: { _id: 'b' }, update: { $setOnInsert: { list: ['never'] }, $inc: { n: 1 } }, upsert: true } },
          { updateOne: { filter: { _id: 'c' }, update: { $setOnInsert: { none: null } }, upsert: true } },
        ]);
        expect((await items.find({}, { sort: { _id: 1 } })).items).toEqual([
          { _id: 'a', list: [], none: null, text: '', n: 1 },
          { _id: 'b', list: [], n: 2 },
          { _id: 'c', none: null },
        ]);
      });

      it('fails an upsert whose filter does not match an existing document with the same id (the guard projections rely on)', async () => {
        await items.insertOne({ _id: 'a', version: 5 });
        await expectError(items.updateOne({ _id: 'a', version: { $lt: 3 } }, { $set: { version: 3 } }, { upsert: true }), DuplicateKeyError, 'PROJECTION_STORE.DUPLICATE_KEY');
        expect(await items.findOne({ _id: 'a' })).toEqual({ _id: 'a', version: 5 });
      });

      it('needs the id in an upsert filter', async () => {
        await expectError(items.updateOne({ group: 'g' }, { $set: { n: 1 } }, { upsert: true }), InvalidArgumentError, 'PROJECTION_STORE.INVALID_ARGUMENT', 'filter._id');
        expect(await items.count()).toBe(0);
      });

      it('rejects unsupported or malformed updates and changes nothing', async () => {
        await items.insertOne({ _id: 'a', rank: 1 });
        const invalid = 'PROJECTION_STORE.INVALID_ARGUMENT';
        await expectError(items.updateOne({ _id: 'a' }, { $rename: { rank: 'r' } } as never), InvalidArgumentError, invalid, 'update.$rename');
        await expectError(items.updateOne({ _id: 'a' }, { rank: 2 } as never), InvalidArgumentError, invalid, 'update.rank');
        await expectError(items.updateOne({ _id: 'a' }, {}), InvalidArgumentError, invalid, 'update');
        await expectError(items.updateOne({ _id: 'a' }, { $set: { _id: 'b' } }), InvalidArgumentError, invalid, 'update.$set._id');
        await expectError(items.updateOne({ _id: 'a' }, { $set: { rank: 2 }, $inc: { rank: 1 } }), InvalidArgumentError, invalid, 'update.rank');
        await expectError(items.updateOne({ _id: 'a' }, { $set: { p: 1, 'p.q': 2 } }), InvalidArgumentError, invalid, 'update.p.q');
        await expectError(items.updateOne({ _id: 'a' }, { $inc: { rank: 'x' } } as never), InvalidArgumentError, invalid, 'update.$inc.rank');
        expect(await items.findOne({ _id: 'a' })).toEqual({ _id: 'a', rank: 1 });
      });

      it('updates many documents', async () => {
        for (const [id, group] of [['a', 'x'], ['b', 'x'], ['c', 'y']]) await items.insertOne({ _id: id!, group: group! });
        expect(await items.updateMany({ group: 'x' }, { $set: { seen: true } })).toEqual({ matchedCount: 2, modifiedCount: 2 });
        expect(await items.count({ seen: true })).toBe(2);
      });

      it('replaces a document, upserts by replacement, and never changes an id', async () => {
        await items.insertOne({ _id: 'a', rank: 1, extra: 'x' });
        expect(await items.replaceOne({ _id: 'a' }, { _id: 'a', rank: 2 })).toMatchObject({ matchedCount: 1, modifiedCount: 1 });
        expect(await items.findOne({ _id: 'a' })).toEqual({ _id: 'a', rank: 2 });
        expect(await items.replaceOne({ _id: 'b' }, { _id: 'b', rank: 3 }, { upsert: true })).toMatchObject({ matchedCount: 0, upsertedId: 'b' });
        expect(await items.findOne({ _id: 'b' })).toEqual({ _id: 'b', rank: 3 });
        await expectError(items.replaceOne({ _id: 'a' }, { _id: 'c', rank: 1 }), ProjectionStoreError, 'PROJECTION_STORE.INVALID_ARGUMENT', 'replacement._id');
        await expectError(items.replaceOne({ _id: 'a', rank: 99 }, { _id: 'a', rank: 1 }, { upsert: true }), DuplicateKeyError, 'PROJECTION_STORE.DUPLICATE_KEY');
        expect(await items.findOne({ _id: 'a' })).toEqual({ _id: 'a', rank: 2 });
      });

      it('deletes one or many and reports how many', async () => {
        for (const id of ['a', 'b', 'c', 'd']) await items.insertOne({ _id: id, group: id < 'c' ? 'x' : 'y' });
        expect(await items.deleteOne({ group: 'x' })).toEqual({ deletedCount: 1 });
        expect(await items.deleteMany({ group: 'y' })).toEqual({ deletedCount: 2 });
        expect(await items.deleteMany({ group: 'none' })).toEqual({ deletedCount: 0 });
        expect(await items.count()).toBe(1);
      });
    });

    describe('queries', () => {
      beforeEach(async () => {
        const docs: Item[] = [
          { _id: 'a', name: 'Alpha', rank: 1, group: 'x', tags: ['red', 'blue'], owner: { id: 'u1' }, scores: [{ k: 'q', v: 1 }], ranks: [1, 5] },
          { _id: 'b', name: 'beta', rank: 2, group: 'x', tags: ['blue'], owner: { id: 'u2' }, scores: [{ k: 'q', v: 5 }], ranks: [3] },
          { _id: 'c', name: 'Gamma', rank: 3, group: 'y', tags: [], owner: { id: 'u1' } },
          { _id: 'd', name: 'delta', rank: 4, group: null },
          { _id: 'e', name: 'Epsilon', rank: 5 },
        ];
        for (const doc of docs) await items.insertOne(doc);
      });

      const ids = async (filter: Record<string, unknown>): Promise<string[]> =>
        (await items.find(filter, { sort: { _id: 1 } })).items.map((item) => item._id);

      it('evaluates comparison, membership and existence operators', async () => {
        expect(await ids({ rank: { $gt: 1, $lte: 3 } })).toEqual(['b', 'c']);
        expect(await ids({ rank: { $gte: 4 } })).toEqual(['d', 'e']);
        expect(await ids({ rank: { $lt: 2 } })).toEqual(['a']);
        expect(await ids({ group: { $in: ['x', 'y'] } })).toEqual(['a', 'b', 'c']);
        expect(await ids({ group: { $nin: ['x'] } })).toEqual(['c', 'd', 'e']);
        expect(await ids({ group: { $ne: 'x' } })).toEqual(['c', 'd', 'e']);
        expect(await ids({ group: { $eq: 'y' } })).toEqual(['c']);
        expect(await ids({ group: { $exists: false } })).toEqual(['e']);
        expect(await ids({ group: null })).toEqual(['d', 'e']);
      });

      it('finds, counts and deletes documents by a list of ids, with the rest of the filter applied', async () => {
        expect(await ids({ _id: { $in: ['e', 'a', 'zz', 'a'] } })).toEqual(['a', 'e']);
        expect((await items.find({ _id: { $in: ['c', 'b', 'a'] } }, { sort: { rank: -1 }, limit: 2 })).items.map((item) => item._id)).toEqual(['c', 'b']);
        expect(await ids({ _id: { $in: ['a', 'b', 'c'] }, group: 'x' })).toEqual(['a', 'b']);
        expect(await items.count({ _id: { $in: ['b', 'd', 'nope'] } })).toBe(2);
        expect(await ids({ _id: { $in: [] } })).toEqual([]);
        expect((await items.deleteMany({ _id: { $in: ['a', 'd'] } })).deletedCount).toBe(2);
        expect(await ids({})).toEqual(['b', 'c', 'e']);
      });

      it('evaluates logical operators, dotted paths, arrays, regex', async () => {
        expect(await ids({ $or: [{ rank: 1 }, { group: 'y' }] })).toEqual(['a', 'c']);
        expect(await ids({ $and: [{ group: 'x' }, { rank: { $gt: 1 } }] })).toEqual(['b']);
        expect(await ids({ $nor: [{ group: 'x' }, { rank: 5 }] })).toEqual(['c', 'd']);
        expect(await ids({ rank: { $not: { $gt: 2 } } })).toEqual(['a', 'b']);
        expect(await ids({ 'owner.id': 'u1' })).toEqual(['a', 'c']);
        expect(await ids({ tags: 'blue' })).toEqual(['a', 'b']);
        expect(await ids({ tags: { $all: ['red', 'blue'] } })).toEqual(['a']);
        expect(await ids({ tags: { $size: 0 } })).toEqual(['c']);
        expect(await ids({ 'scores.v': { $gt: 2 } })).toEqual(['b']);
        expect(await ids({ ranks: { $elemMatch: { $gt: 4 } } })).toEqual(['a']);
        expect(await ids({ name: { $regex: '^[a-d]' } })).toEqual(['b', 'd']);
        expect(await ids({ name: { $regex: '^[a-d]', $options: 'i' } })).toEqual(['a', 'b', 'd']);
      });

      it('rejects operators outside the portable language', async () => {
        const invalid = 'PROJECTION_STORE.INVALID_ARGUMENT';
        await expectError(items.find({ $where: 'true' }), InvalidArgumentError, invalid, 'filter.$where');
        await expectError(items.find({ rank: { $foo: 1 } }), InvalidArgumentError, invalid, 'filter.rank.$foo');
        await expectError(items.findOne({ $expr: { $eq: ['$rank', 1] } }), InvalidArgumentError, invalid, 'filter.$expr');
        await expectError(items.count({ rank: { $in: 1 } }), InvalidArgumentError, invalid, 'filter.rank.$in');
        await expectError(items.find({ scores: { $elemMatch: { k: 'q' } } }), InvalidArgumentError, invalid, 'filter.scores.$elemMatch');
      });

      it('sorts by several keys, descending too, with missing values first when ascending', async () => {
        const byGroup = await items.find({}, { sort: { group: 1, rank: -1 } });
        expect(byGroup.items.map((item) => item._id)).toEqual(['e', 'd', 'b', 'a', 'c']);
        const byRank = await items.find({}, { sort: { rank: -1 }, limit: 2 });
        expect(byRank.items.map((item) => item._id)).toEqual(['e', 'd']);
        expect(byRank.next).toEqual(expect.any(String));
      });

      it('counts', async () => {
        expect(await items.count()).toBe(5);
        expect(await items.count({ group: 'x' })).toBe(2);
        expect(await store.collection('nothing-here').count()).toBe(0);
        expect((await store.collection('nothing-here').find({})).items).toEqual([]);
      });

      it('validates page size and sort', async () => {
        await expectError(items.find({}, { limit: 0 }), InvalidArgumentError, 'PROJECTION_STORE.INVALID_ARGUMENT', 'limit');
        await expectError(items.find({}, { limit: 10_001 }), InvalidArgumentError, 'PROJECTION_STORE.INVALID_ARGUMENT', 'limit');
        await expectError(items.find({}, { sort: { rank: 2 as 1 } }), InvalidArgumentError, 'PROJECTION_STORE.INVALID_ARGUMENT', 'sort.rank');
      });
    });

    describe('summaries', () => {
      type Team = Document & { tenant?: string; phase?: string | null; members?: unknown; decisions?: { recorded?: unknown }; level?: unknown; at?: string };
      let teams: ProjectionCollection<Team>;

      beforeEach(async () => {
        teams = store.collection<Team>('teams');
        const docs: Team[] = [
          { _id: 't1', tenant: 'acme', phase: 'pilot', members: 5, decisions: { recorded: 2 }, level: 1, at: '2026-03-01T09:00:00.000Z' },
          { _id: 't2', tenant: 'acme', phase: 'pilot', members: 3, decisions: { recorded: 0 }, level: 2, at: '2026-03-01T09:00:00.000Z' },
          { _id: 't3', tenant: 'acme', phase: 'forming', members: -2, decisions: { recorded: 7 }, level: 1, at: '2026-04-01T09:00:00.000Z' },
          // Values that are no number add nothing; a missing or null key is the group null.
          { _id: 't4', tenant: 'acme', phase: null, members: 'many', decisions: {}, level: 'high' },
          { _id: 't5', tenant: 'acme', members: true, level: 2 },
          { _id: 't6', tenant: 'acme', phase: 'pilot', members: 10, decisions: { recorded: 1 }, level: 1 },
          { _id: 'o1', tenant: 'globex', phase: 'pilot', members: 100, decisions: { recorded: 100 } },
        ];
        for (const doc of docs) await teams.insertOne(doc);
      });

      const byPhase = { groupBy: 'phase', sum: ['members', 'decisions.recorded'] } as const;

      it('counts and sums the matching documents per group, in ascending key order with null first', async () => {
        expect(await teams.summarise({ tenant: 'acme' }, byPhase)).toEqual([
          { key: null, count: 2, sums: { members: 0, 'decisions.recorded': 0 } },
          { key: 'forming', count: 1, sums: { members: -2, 'decisions.recorded': 7 } },
          { key: 'pilot', count: 3, sums: { members: 18, 'decisions.recorded': 3 } },
        ]);
        expect(await teams.summarise({}, byPhase)).toEqual([
          { key: null, count: 2, sums: { members: 0, 'decisions.recorded': 0 } },
          { key: 'forming', count: 1, sums: { members: -2, 'decisions.recorded': 7 } },
          { key: 'pilot', count: 4, sums: { members: 118, 'decisions.recorded': 103 } },
        ]);
      });

      it('applies the whole filter, with or without an index over it, and answers no groups when nothing matches', async () => {
        const filter = { $and: [{ tenant: 'acme' }, { members: { $gte: 3 } }] };
        const expected = [{ key: 'pilot', count: 3, sums: { members: 18, 'decisions.recorded': 3 } }];
        expect(await teams.summarise(filter, byPhase)).toEqual(expected);
        await teams.createIndex({ keys: { tenant: 1, phase: 1 } });
        expect(await teams.summarise(filter, byPhase)).toEqual(expected);
        expect(await teams.summarise({ tenant: 'acme', phase: 'forming' }, byPhase)).toEqual([{ key: 'forming', count: 1, sums: { members: -2, 'decisions.recorded': 7 } }]);
        expect(await teams.summarise({ tenant: 'initech' }, byPhase)).toEqual([]);
        expect(await store.collection('nothing-here').summarise({}, byPhase)).toEqual([]);
      });

      it('follows the documents as they change and go', async () => {
        await teams.updateOne({ _id: 't3' }, { $set: { phase: 'pilot' }, $inc: { members: 4 } });
        await teams.deleteMany({ _id: { $in: ['t4', 't5'] } });
        expect(await teams.summarise({ tenant: 'acme' }, byPhase)).toEqual([{ key: 'pilot', count: 4, sums: { members: 20, 'decisions.recorded': 10 } }]);
      });

      it('groups by numbers, text and dotted paths, and only counts without sum', async () => {
        expect(await teams.summarise({ tenant: 'acme' }, { groupBy: 'level' })).toEqual([
          { key: 1, count: 3, sums: {} },
          { key: 2, count: 2, sums: {} },
          { key: 'high', count: 1, sums: {} },
        ]);
        expect(await teams.summarise({ tenant: 'acme' }, { groupBy: 'decisions.recorded', sum: ['level'] })).toEqual([
          { key: null, count: 2, sums: { level: 2 } },
          { key: 0, count: 1, sums: { level: 2 } },
          { key: 1, count: 1, sums: { level: 1 } },
          { key: 2, count: 1, sums: { level: 1 } },
          { key: 7, count: 1, sums: { level: 1 } },
        ]);
      });

      it('hands instants back as the strings they were stored as', async () => {
        expect(await teams.summarise({ tenant: 'acme', at: { $gte: '2026-03-01T09:00:00.000Z' } }, { groupBy: 'at', sum: ['members'] })).toEqual([
          { key: '2026-03-01T09:00:00.000Z', count: 2, sums: { members: 8 } },
          { key: '2026-04-01T09:00:00.000Z', count: 1, sums: { members: -2 } },
        ]);
      });

      it('rejects bad filters, field paths and options', async () => {
        const invalid = 'PROJECTION_STORE.INVALID_ARGUMENT';
        await expectError(teams.summarise({ $where: 'true' }, byPhase), InvalidArgumentError, invalid, 'filter.$where');
        await expectError(teams.summarise({}, { groupBy: '$phase' }), InvalidArgumentError, invalid, 'groupBy');
        await expectError(teams.summarise({}, { groupBy: 'a..b' }), InvalidArgumentError, invalid, 'groupBy');
        await expectError(teams.summarise({}, { groupBy: 3 } as never), InvalidArgumentError, invalid, 'groupBy');
        await expectError(teams.summarise({}, { groupBy: 'phase', sum: ['members', '$members'] }), InvalidArgumentError, invalid, 'sum[1]');
        await expectError(teams.summarise({}, { groupBy: 'phase', sum: ['members', 'members'] }), InvalidArgumentError, invalid, 'sum[1]');
        await expectError(teams.summarise({}, { groupBy: 'phase', sum: 'members' } as never), InvalidArgumentError, invalid, 'sum');
        await expectError(teams.summarise({}, { groupBy: 'phase', sum: Array.from({ length: 17 }, (_, i) => `f${i}`) }), InvalidArgumentError, invalid, 'sum');
        await expectError(teams.summarise({}, { groupBy: 'phase', sums: ['members'] } as never), InvalidArgumentError, invalid, 'sums');
        await expectError(teams.summarise({}, undefined as never), InvalidArgumentError, invalid, 'options');
      });
    });

    describe('cursor pagination', () => {
      const seed = async (): Promise<void> => {
        // Ties and missing values on purpose: the cursor must still visit every document once.
        for (let n = 0; n < 23; n++) {
          const doc: Item = { _id: `doc-${String(n).padStart(2, '0')}`, rank: n % 4 };
          if (n % 5 !== 0) doc.group = `g${n % 3}`;
          await items.insertOne(doc);
        }
      };

      it('visits every document exactly once, in the full order, for ascending and descending keys with ties and gaps', async () => {
        await seed();
        for (const sort of [{ rank: 1 }, { rank: -1 }, { group: 1, rank: -1 }, { group: -1 }, {}] as SortSpec[]) {
          const all = (await items.find({}, { sort })).items.map((item) => item._id);
          expect(all).toHaveLength(23);
          for (const size of [1, 4, 7, 23]) expect(await readAllPages(items, sort, size)).toEqual(all);
        }
      });

      it('keeps the filter across pages', async () => {
        await seed();
        const all = (await items.find({ rank: { $gte: 2 } }, { sort: { group: 1 } })).items.map((item) => item._id);
        expect(await readAllPages(items, { group: 1 }, 3, { rank: { $gte: 2 } })).toEqual(all);
      });

      it('stays correct while documents are inserted between pages', async () => {
        for (const id of ['b', 'd', 'f', 'h']) await items.insertOne({ _id: id, rank: 1 });
        const first = await items.find({}, { sort: { _id: 1 }, limit: 2 });
        expect(first.items.map((item) => item._id)).toEqual(['b', 'd']);
        await items.insertOne({ _id: 'a', rank: 1 });
        await items.insertOne({ _id: 'e', rank: 1 });
        const second = await items.find({}, { sort: { _id: 1 }, limit: 2, after: first.next! });
        expect(second.items.map((item) => item._id)).toEqual(['e', 'f']);
      });

      it('rejects a cursor from another sort or a damaged one', async () => {
        await seed();
        const page = await items.find({}, { sort: { rank: 1 }, limit: 2 });
        await expectError(items.find({}, { sort: { rank: -1 }, limit: 2, after: page.next! }), InvalidArgumentError, 'PROJECTION_STORE.INVALID_ARGUMENT', 'after');
        await expectError(items.find({}, { sort: { rank: 1 }, limit: 2, after: 'not-a-cursor' }), InvalidArgumentError, 'PROJECTION_STORE.INVALID_ARGUMENT', 'after');
      });
    });

    describe('indexes', () => {
      it('enforces a unique index on insert, update and upsert, leaving documents unchanged', async () => {
        expect(await items.createIndex({ keys: { group: 1, rank: 1 }, unique: true })).toBe('group_1_rank_1');
        expect(await items.createIndex({ keys: { group: 1, rank: 1 }, unique: true })).toBe('group_1_rank_1');
        await items.insertOne({ _id: 'a', group: 'x', rank: 1 });
        await items.insertOne({ _id: 'b', group: 'x', rank: 2 });
        await expectError(items.insertOne({ _id: 'c', group: 'x', rank: 1 }), DuplicateKeyError, 'PROJECTION_STORE.DUPLICATE_KEY');
        await expectError(items.updateOne({ _id: 'b' }, { $set: { rank: 1 } }), DuplicateKeyError, 'PROJECTION_STORE.DUPLICATE_KEY');
        await expectError(items.updateOne({ _id: 'c' }, { $set: { group: 'x', rank: 2 } }, { upsert: true }), DuplicateKeyError, 'PROJECTION_STORE.DUPLICATE_KEY');
        expect((await items.find({}, { sort: { _id: 1 } })).items).toEqual([
          { _id: 'a', group: 'x', rank: 1 },
          { _id: 'b', group: 'x', rank: 2 },
        ]);
        // The key frees up when its document moves on.
        await items.updateOne({ _id: 'a' }, { $set: { rank: 9 } });
        await items.insertOne({ _id: 'c', group: 'x', rank: 1 });
        expect(await items.count()).toBe(3);
      });

      it('refuses to build a unique index over duplicates', async () => {
        await items.insertOne({ _id: 'a', group: 'x' });
        await items.insertOne({ _id: 'b', group: 'x' });
        await expectError(items.createIndex({ keys: { group: 1 }, unique: true }), DuplicateKeyError, 'PROJECTION_STORE.DUPLICATE_KEY');
      });

      it('accepts non-unique indexes over duplicates', async () => {
        await items.insertOne({ _id: 'a', group: 'x' });
        await items.insertOne({ _id: 'b', group: 'x' });
        expect(await items.createIndex({ keys: { group: 1 }, name: 'by_group' })).toBe('by_group');
      });
    });

    describe('bulk writes', () => {
      it('applies operations in order and reports the counts', async () => {
        await items.insertOne({ _id: 'old', rank: 1 });
        const result = await items.bulkWrite([
          { insertOne: { document: { _id: 'a', rank: 1 } } },
          { updateOne: { filter: { _id: 'a' }, update: { $inc: { rank: 1 } } } },
          { updateOne: { filter: { _id: 'b' }, update: { $set: { rank: 7 } }, upsert: true } },
          { updateMany: { filter: { rank: { $gte: 1 } }, update: { $set: { seen: true } } } },
          { replaceOne: { filter: { _id: 'a' }, replacement: { _id: 'a', rank: 10 } } },
          { deleteOne: { filter: { _id: 'old' } } },
          { deleteMany: { filter: { rank: 99 } } },
        ]);
        expect(result).toEqual({ insertedCount: 1, matchedCount: 5, modifiedCount: 5, upsertedCount: 1, deletedCount: 1 });
        expect((await items.find({}, { sort: { _id: 1 } })).items).toEqual([
          { _id: 'a', rank: 10 },
          { _id: 'b', rank: 7, seen: true },
        ]);
      });

      it('stops at the first failure: earlier operations stay applied, later ones do not run', async () => {
        await items.insertOne({ _id: 'x', version: 9 });
        const error = await expectError(
          items.bulkWrite([
            { updateOne: { filter: { _id: 'a' }, update: { $set: { n: 1 } }, upsert: true } },
            { updateOne: { filter: { _id: 'x', version: { $lt: 5 } }, update: { $set: { version: 5 } }, upsert: true } },
            { updateOne: { filter: { _id: 'c' }, update: { $set: { n: 3 } }, upsert: true } },
          ]),
          BulkWriteError,
          'PROJECTION_STORE.BULK_WRITE_FAILED',
        );
        expect(error.cause).toBeInstanceOf(DuplicateKeyError);
        if (harness.reportsBulkErrorIndex !== false) {
          expect(error.index).toBe(1);
          expect(error.result.upsertedCount).toBe(1);
        } else {
          expect(error.index).toBeUndefined();
        }
        expect((await items.find({}, { sort: { _id: 1 } })).items.map((item) => item._id)).toEqual(['a', 'x']);
        expect(await items.findOne({ _id: 'x' })).toEqual({ _id: 'x', version: 9 });
      });

      it('checks every operation before running any', async () => {
        await expectError(
          items.bulkWrite([{ insertOne: { document: { _id: 'a' } } }, { updateOne: { filter: { _id: 'a' }, update: { $bad: {} } as never } }]),
          InvalidArgumentError,
          'PROJECTION_STORE.INVALID_ARGUMENT',
          'operations[1].updateOne.update.$bad',
        );
        await expectError(items.bulkWrite([]), InvalidArgumentError, 'PROJECTION_STORE.INVALID_ARGUMENT', 'operations');
        expect(await items.count()).toBe(0);
      });
    });

    describe('collections', () => {
      it('lists collections that were written to and forgets dropped ones', async () => {
        await store.collection('one').insertOne({ _id: 'a' });
        await store.collection('two.three').insertOne({ _id: 'a' });
        expect(await store.listCollections()).toEqual(['one', 'two.three']);
        await store.collection('one').drop();
        await store.collection('never-made').drop();
        expect(await store.listCollections()).toEqual(['two.three']);
        expect(await store.collection('one').count()).toBe(0);
      });

      it('keeps collections apart', async () => {
        await store.collection('one').insertOne({ _id: 'a', n: 1 });
        await store.collection('two').insertOne({ _id: 'a', n: 2 });
        expect(await store.collection('one').findOne({ _id: 'a' })).toEqual({ _id: 'a', n: 1 });
      });

      it('rejects bad collection names', () => {
        for (const bad of ['', 'system.users', 'a b', '$x', 'x'.repeat(121)]) {
          expect(() => store.collection(bad)).toThrow(InvalidArgumentError);
        }
      });
    });
  });
}
