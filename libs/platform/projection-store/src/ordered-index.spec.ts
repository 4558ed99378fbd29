import fc from 'fast-check';
import { InMemoryProjectionStore } from './in-memory-projection-store';
import type { Document, Filter, IndexSpec, SortSpec, WriteOperation } from './projection-store.port';

/**
 * The in-memory store's ordered indexes only choose which documents a query looks at and in
 * which order; every answer must be the one a scan of the whole collection gives. Each case
 * writes the same random documents (and later changes) into a store with indexes and one
 * without, then pages through the same random queries in both.
 */

const tenants = ['t-a', 't-b', 't-c'];
const names = ['Alpha', 'beta', 'Gamma', 'alpha', 'Zeta'];
const scalarOrMissing = <T>(values: readonly T[]) => fc.option(fc.constantFrom(...values), { nil: undefined, freq: 5 });

const documentArbitrary = fc.record(
  {
    id: fc.integer({ min: 0, max: 40 }),
    tenantId: scalarOrMissing(tenants),
    name: fc.oneof(fc.constantFrom(...names), fc.constant(null), fc.integer({ min: 0, max: 3 })),
    rank: fc.integer({ min: 0, max: 4 }),
    tags: fc.option(fc.array(fc.constantFrom('x', 'y'), { maxLength: 2 }), { nil: undefined, freq: 4 }),
    meta: fc.option(fc.record({ level: fc.integer({ min: 0, max: 2 }) }), { nil: undefined, freq: 3 }),
  },
  { requiredKeys: ['id', 'rank'] },
);

const toDocument = ({ id, ...fields }: { id: number } & Record<string, unknown>): Document => {
  const document: Record<string, unknown> = { _id: `d-${String(id).padStart(2, '0')}` };
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) document[key] = value;
  return document as Document;
};

const indexArbitrary: fc.Arbitrary<IndexSpec[]> = fc.subarray(
  [
    { keys: { tenantId: 1, name: 1 } },
    { keys: { tenantId: 1, name: -1, rank: 1 } },
    { keys: { name: 1 } },
    { keys: { tenantId: 1, rank: -1 } },
    { keys: { 'meta.level': 1 } },
    { keys: { tenantId: 1, tags: 1 } },
  ] as IndexSpec[],
  { minLength: 1 },
);

const filterArbitrary: fc.Arbitrary<Filter> = fc.oneof(
  fc.record({ tenantId: fc.constantFrom(...tenants) }),
  fc.record({ tenantId: fc.constantFrom(...tenants), name: fc.constantFrom(...names) }),
  fc.record({ tenantId: fc.record({ $eq: fc.constantFrom(...tenants) }), rank: fc.record({ $gte: fc.integer({ min: 0, max: 4 }) }) }),
  fc.constantFrom(...tenants).map((tenantId): Filter => ({ $and: [{ tenantId }, { name: { $in: ['Alpha', 'beta', null] } }] })),
  fc.constantFrom(...tenants).map((tenantId): Filter => ({ $and: [{ tenantId }, { tenantId: 't-b' }] })),
  fc.record({ 'meta.level': fc.integer({ min: 0, max: 2 }) }),
  fc.record({ tags: fc.constantFrom('x', 'y') }),
  fc.constant({}),
);

const sortArbitrary: fc.Arbitrary<SortSpec | undefined> = fc.constantFrom<SortSpec | undefined>(
  undefined,
  { name: 1 },
  { name: -1 },
  { name: 1, _id: -1 },
  { name: -1, rank: 1 },
  { rank: -1 },
  { rank: -1, _id: -1 },
  { rank: 1 },
  { tenantId: 1, name: 1 },
  { 'meta.level': 1 },
  { _id: -1 },
);

const changeArbitrary = fc.array(
  fc.oneof(
    documentArbitrary.map((document): WriteOperation => ({ replaceOne: { filter: { _id: toDocument(document)._id }, replacement: toDocument(document), upsert: true } })),
    fc.integer({ min: 0, max: 40 }).map((id): WriteOperation => ({ deleteOne: { filter: { _id: `d-${String(id).padStart(2, '0')}` } } })),
    fc.record({ tenantId: fc.constantFrom(...tenants), name: fc.constantFrom(...names) }).map(({ tenantId, name }): WriteOperation => ({ updateMany: { filter: { tenantId }, update: { $set: { name } } } })),
    fc.constantFrom(...tenants).map((tenantId): WriteOperation => ({ updateMany: { filter: { tenantId }, update: { $inc: { rank: 1 } } } })),
  ),
  { maxLength: 8 },
);

async function pages(store: InMemoryProjectionStore, filter: Filter, sort: SortSpec | undefined, limit: number): Promise<string[][]> {
  const collection = store.collection('teams');
  const out: string[][] = [];
  let after: string | undefined;
  do {
    const page = await collection.find(filter, { ...(sort ? { sort } : {}), limit, ...(after ? { after } : {}) });
    out.push(page.items.map((document) => document._id));
    after = page.next;
  } while (after && out.length < 50);
  return out;
}

describe('the in-memory store’s ordered indexes', () => {
  it('answer every query, page by page and after changes, as a scan of the whole collection does', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(documentArbitrary, { maxLength: 40 }),
        indexArbitrary,
        fc.array(fc.tuple(filterArbitrary, sortArbitrary, fc.integer({ min: 1, max: 7 })), { minLength: 1, maxLength: 4 }),
        changeArbitrary,
        async (documents, indexes, queries, changes) => {
          const indexed = new InMemoryProjectionStore();
          const scanned = new InMemoryProjectionStore();
          for (const spec of indexes) await indexed.collection('teams').createIndex(spec);
          const unique = [...new Map(documents.map((document) => [toDocument(document)._id, toDocument(document)])).values()];
          for (const store of [indexed, scanned]) if (unique.length > 0) await store.collection('teams').bulkWrite(unique.map((document) => ({ insertOne: { document } })));
          const answers = async (store: InMemoryProjectionStore) => {
            const out: unknown[] = [];
            for (const [filter, sort, limit] of queries) {
              out.push(await pages(store, filter, sort, limit));
              out.push(await store.collection('teams').count(filter));
              out.push(await store.collection('teams').summarise(filter, { groupBy: 'name', sum: ['rank', 'meta.level'] }));
            }
            return out;
          };
          expect(await answers(indexed)).toEqual(await answers(scanned));
          for (const store of [indexed, scanned]) if (changes.length > 0) await store.collection('teams').bulkWrite(changes);
          expect(await answers(indexed)).toEqual(await answers(scanned));
          expect((await indexed.collection('teams').find({}, { sort: { _id: 1 } })).items).toEqual((await scanned.collection('teams').find({}, { sort: { _id: 1 } })).items);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('pages a big tenant in name order while other tenants hold most of the documents', async () => {
    const store = new InMemoryProjectionStore();
    const teams = store.collection('teams');
    await teams.createIndex({ keys: { tenantId: 1, name: 1 } });
    await teams.bulkWrite(Array.from({ length: 3_000 }, (_, i) => ({ insertOne: { document: { _id: `team-${i}`, tenantId: i % 3 === 0 ? 'big' : `t-${i}`, name: `Team ${String(3_000 - i).padStart(4, '0')}` } } })));
    const first = await teams.find({ tenantId: 'big' }, { sort: { name: 1 }, limit: 2 });
    expect(first.items.map((team) => team.name)).toEqual(['Team 0003', 'Team 0006']);
    const second = await teams.find({ tenantId: 'big' }, { sort: { name: 1 }, limit: 2, after: first.next! });
    expect(second.items.map((team) => team.name)).toEqual(['Team 0009', 'Team 0012']);
  });
});
