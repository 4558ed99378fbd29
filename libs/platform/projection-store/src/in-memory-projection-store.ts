import { Context } from 'mingo';
import * as queryOperators from 'mingo/operators/query';
import { Query } from 'mingo/query';
import { afterCursorFilter, encodeCursor, valueAt, withFilter } from './cursor';
import { inKeyOrder } from './group-summary';
import { compareValues, orderedIndex, planQuery, type OrderedIndex } from './ordered-index';
import { compileSimpleFilter } from './simple-filter';
import { BulkWriteError, DuplicateKeyError, invalidArgument, ProjectionStoreClosedError, ProjectionStoreError } from './projection-store.errors';
import type {
  BulkWriteResult,
  DeleteResult,
  Document,
  Filter,
  FindOptions,
  GroupSummary,
  IndexSpec,
  Page,
  ProjectionCollection,
  SortSpec,
  ProjectionStore,
  SummariseOptions,
  Update,
  UpdateResult,
  WriteOperation,
} from './projection-store.port';
import {
  assertCollectionName,
  assertDocument,
  assertFilter,
  assertIndexSpec,
  assertSummariseOptions,
  assertUpdate,
  equalityFields,
  indexName,
  normaliseFind,
  upsertId,
} from './validation';
import { applyUpdateOperators as applyUpdate, cloneDocumentValue as clone } from './update-operators';
import { assertWriteOperations } from './write-operations';

interface IndexState {
  readonly spec: IndexSpec;
  readonly name: string;
  /** Key → document id, for unique indexes only. */
  readonly entries?: Map<string, string>;
  /** Every index, unique or not, also orders the documents by its keys for queries. */
  readonly ordered: OrderedIndex;
}

interface CollectionState {
  readonly documents: Map<string, Document>;
  readonly indexes: Map<string, IndexState>;
}

type AnyObject = Record<string, unknown>;

// A context holding only the query operators: mingo copies the context for every query it
// compiles, and the full default one (all expression operators too) made that the hot spot.
const QUERY_OPTIONS = { context: Context.init({ query: queryOperators }) };
const query = (filter: Filter): Query => new Query(filter as AnyObject, QUERY_OPTIONS);

/** A filter's test: plain JavaScript where that gives MongoDB's answer (see compileSimpleFilter), mingo for everything else. */
const matcher = (filter: Filter): { test(document: Document): boolean } => {
  const simple = compileSimpleFilter(filter);
  if (!simple) return query(filter);
  let full: Query | undefined;
  return { test: (document) => simple(document) ?? (full ??= query(filter)).test(document) };
};
const indexKey = (spec: IndexSpec, document: Document): string => JSON.stringify(Object.keys(spec.keys).map((path) => valueAt(document, path) ?? null));
const sameSpec = (a: IndexSpec, b: IndexSpec): boolean => JSON.stringify(a.keys) === JSON.stringify(b.keys) && Boolean(a.unique) === Boolean(b.unique);
const emptyResult = (): { -readonly [K in keyof BulkWriteResult]: BulkWriteResult[K] } => ({
  insertedCount: 0,
  matchedCount: 0,
  modifiedCount: 0,
  upsertedCount: 0,
  deletedCount: 0,
});

/**
 * The documents a filter of the form `{ _id: { $in: [ids] }, …}` can match, looked up by id
 * (a rebuild loads a batch's documents so); undefined for any other filter (scan them all).
 */
const byIds = (state: CollectionState, filter: Filter): Document[] | undefined => {
  const id = filter['_id'];
  if (id === null || typeof id !== 'object' || Array.isArray(id)) return undefined;
  const keys = Object.keys(id);
  const ids = (id as { $in?: unknown }).$in;
  if (keys.length !== 1 || !Array.isArray(ids) || !ids.every((value) => typeof value === 'string')) return undefined;
  return [...new Set(ids as string[])].flatMap((value) => state.documents.get(value) ?? []);
};

/** Reads one field path of a document (the path split once, not per document). */
const fieldReader = (path: string): ((document: Document) => unknown) => {
  const parts = path.split('.');
  if (parts.length === 1) return (document) => document[path];
  return (document) => {
    let current: unknown = document;
    for (const part of parts) {
      if (typeof current !== 'object' || current === null) return undefined;
      current = (current as AnyObject)[part];
    }
    return current;
  };
};

interface Tally {
  readonly key: unknown;
  count: number;
  readonly sums: number[];
}

const orderedIndexes = (state: CollectionState): OrderedIndex[] => [...state.indexes.values()].map((index) => index.ordered);

/**
 * The documents a filter can match: those listed by id, those in an index's range, or all of
 * them. An array or the map's own iterator, not a generator: resuming generators per document
 * cost more than testing the documents against the filter.
 */
const candidates = (state: CollectionState, listed: Document[] | undefined, plan: ReturnType<typeof planQuery>, all = true): Iterable<Document> => {
  if (listed) return listed;
  if (plan) return all ? plan.index.idsWith(plan.prefix).map((id) => state.documents.get(id)!) : firstOfRange(state, plan);
  return state.documents.values();
};

/** The range walked lazily, for a query that stops at its first match (findOne): the range is not built for one document. */
function* firstOfRange(state: CollectionState, plan: NonNullable<ReturnType<typeof planQuery>>): Generator<Document> {
  for (const id of plan.index.scan(plan.prefix, false, 1)) yield state.documents.get(id)!;
}

/**
 * The first `limit` documents (all without one) in sort order, by mingo's comparison of
 * values (the order its $sort and its $gt/$lt use, so keyset cursors line up). The sort key
 * of each document is read once, and with a limit only the best `limit` are kept as the
 * documents stream past (a page of 50 from thousands: no sort of the thousands).
 */
const firstInOrder = (documents: readonly Document[], sort: SortSpec, limit: number | undefined): Document[] => {
  const keys = Object.entries(sort);
  const paths = keys.map(([path]) => path);
  const order = (a: unknown[], b: unknown[]): number => {
    for (let i = 0; i < keys.length; i++) {
      const c = compareValues(a[i], b[i]);
      if (c !== 0) return keys[i]![1] === -1 ? -c : c;
    }
    return 0;
  };
  const keyed = (document: Document) => ({ document, key: paths.map((path) => (path === '_id' ? document._id : valueAt(document, path))) });
  if (limit === undefined || limit >= documents.length) {
    return documents.map(keyed).sort((a, b) => order(a.key, b.key)).map((entry) => entry.document);
  }
  const best: { document: Document; key: unknown[] }[] = [];
  for (const document of documents) {
    const entry = keyed(document);
    if (best.length === limit && order(entry.key, best[limit - 1]!.key) >= 0) continue;
    let low = 0;
    let high = best.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (order(best[middle]!.key, entry.key) <= 0) low = middle + 1;
      else high = middle;
    }
    best.splice(low, 0, entry);
    if (best.length > limit) best.pop();
  }
  return best.map((entry) => entry.document);
};

/**
 * The standalone projection store: documents in memory, queries and updates evaluated by
 * mingo (a maintained implementation of MongoDB's query and update language). Every call
 * runs to completion on the event loop, so each single-document write is atomic, as in MongoDB.
 */
export class InMemoryProjectionStore implements ProjectionStore {
  private readonly collections = new Map<string, CollectionState>();
  private closed = false;

  collection<T extends Document = Document>(name: string): ProjectionCollection<T> {
    assertCollectionName(name);
    return new InMemoryCollection<T>(name, this) as ProjectionCollection<T>;
  }

  async listCollections(): Promise<string[]> {
    this.assertOpen();
    return [...this.collections.keys()].sort();
  }

  async close(): Promise<void> {
    this.closed = true;
  }

  /** @internal */
  assertOpen(): void {
    if (this.closed) throw new ProjectionStoreClosedError();
  }

  /** @internal Collections exist from their first write or index, as in MongoDB. */
  state(name: string, create: boolean): CollectionState | undefined {
    this.assertOpen();
    let state = this.collections.get(name);
    if (!state && create) {
      state = { documents: new Map(), indexes: new Map() };
      this.collections.set(name, state);
    }
    return state;
  }

  /** @internal */
  dropState(name: string): void {
    this.assertOpen();
    this.collections.delete(name);
  }
}

class InMemoryCollection<T extends Document> implements ProjectionCollection<T> {
  constructor(
    readonly name: string,
    private readonly store: InMemoryProjectionStore,
  ) {}

  async insertOne(document: T): Promise<void> {
    assertDocument(document);
    this.insert(document);
  }

  async updateOne(filter: Filter, update: Update, options: { upsert?: boolean } = {}): Promise<UpdateResult> {
    assertFilter(filter);
    assertUpdate(update);
    if (options.upsert) upsertId(filter);
    return this.update(filter, update, Boolean(options.upsert), false);
  }

  async updateMany(filter: Filter, update: Update): Promise<UpdateResult> {
    assertFilter(filter);
    assertUpdate(update);
    return this.update(filter, update, false, true);
  }

  async replaceOne(filter: Filter, replacement: T, options: { upsert?: boolean } = {}): Promise<UpdateResult> {
    assertFilter(filter);
    assertDocument(replacement, 'replacement');
    return this.replace(filter, replacement, Boolean(options.upsert));
  }

  async deleteOne(filter: Filter): Promise<DeleteResult> {
    assertFilter(filter);
    return this.delete(filter, false);
  }

  async deleteMany(filter: Filter): Promise<DeleteResult> {
    assertFilter(filter);
    return this.delete(filter, true);
  }

  async findOne(filter: Filter): Promise<T | null> {
    assertFilter(filter);
    const [first] = this.matching(filter, false);
    return first ? (clone(first) as T) : null;
  }

  async find(filter: Filter, options?: FindOptions): Promise<Page<T>> {
    assertFilter(filter);
    const { sort, limit, after } = normaliseFind(options);
    const state = this.store.state(this.name, false);
    if (!state) return { items: [] };
    const effective = withFilter(filter, after ? afterCursorFilter(after, sort) : undefined);
    const listed = byIds(state, effective);
    let found: Document[];
    if (listed && Object.keys(effective).length === 1) found = firstInOrder(listed, sort, limit);
    else {
      const compiled = matcher(effective);
      const plan = listed ? undefined : planQuery(orderedIndexes(state), filter, sort);
      if (plan?.order) {
        // The index walks the documents in the query's order: stop at the limit.
        found = [];
        for (const id of plan.index.scan(plan.prefix, plan.order.reverse, plan.order.idOrder)) {
          const document = state.documents.get(id)!;
          if (!compiled.test(document)) continue;
          found.push(document);
          if (found.length === limit) break;
        }
      } else {
        const matched: Document[] = [];
        for (const document of candidates(state, listed, plan)) if (compiled.test(document)) matched.push(document);
        found = firstInOrder(matched, sort, limit);
      }
    }
    const items = found.map((document) => clone(document) as T);
    const full = limit !== undefined && items.length === limit;
    return full ? { items, next: encodeCursor(sort, items[items.length - 1]!) } : { items };
  }

  async count(filter: Filter = {}): Promise<number> {
    assertFilter(filter);
    return this.matching(filter, true).length;
  }

  async summarise<F extends string = never>(filter: Filter, options: SummariseOptions<F>): Promise<GroupSummary<F>[]> {
    assertFilter(filter);
    assertSummariseOptions(options);
    const fields: readonly F[] = options.sum ?? [];
    const groupKey = fieldReader(options.groupBy);
    const summed = fields.map(fieldReader);
    // Scalars group by value (as MongoDB compares them: 1 and 1.0 are one group); arrays and objects by their JSON.
    const byValue = new Map<unknown, Tally>();
    const byJson = new Map<string, Tally>();
    const tallies: Tally[] = [];
    const tallyOf = <K>(groups: Map<K, Tally>, at: K, key: () => unknown): Tally => {
      let tally = groups.get(at);
      if (!tally) {
        tally = { key: key(), count: 0, sums: fields.map(() => 0) };
        groups.set(at, tally);
        tallies.push(tally);
      }
      return tally;
    };
    // The stored documents themselves, read field by field: nothing is copied but the keys.
    for (const document of this.matching(filter, true)) {
      const value = groupKey(document) ?? null;
      let tally: Tally;
      if (typeof value === 'object' && value !== null) {
        const json = JSON.stringify(value);
        tally = tallyOf(byJson, json, () => JSON.parse(json) as unknown);
      } else {
        tally = tallyOf(byValue, value, () => value);
      }
      tally.count++;
      for (let i = 0; i < summed.length; i++) {
        const amount = summed[i]!(document);
        if (typeof amount === 'number') tally.sums[i]! += amount;
      }
    }
    return inKeyOrder(
      tallies.map((tally) => ({ key: tally.key, count: tally.count, sums: Object.fromEntries(fields.map((field, i) => [field, tally.sums[i]!])) as Record<F, number> })),
    );
  }

  async createIndex(spec: IndexSpec): Promise<string> {
    assertIndexSpec(spec);
    const name = indexName(spec);
    const state = this.store.state(this.name, true)!;
    const existing = state.indexes.get(name);
    if (existing) {
      if (!sameSpec(existing.spec, spec)) throw invalidArgument('name', `An index named ${name} exists with different keys or options.`);
      return name;
    }
    let entries: Map<string, string> | undefined;
    if (spec.unique) {
      entries = new Map();
      for (const document of state.documents.values()) {
        const key = indexKey(spec, document);
        if (entries.has(key)) throw new DuplicateKeyError(this.name, name, `Cannot build unique index ${name}: documents ${entries.get(key)} and ${document._id} share key ${key}.`);
        entries.set(key, document._id);
      }
    }
    state.indexes.set(name, { spec, name, ordered: orderedIndex(spec, state.documents.values()), ...(entries ? { entries } : {}) });
    return name;
  }

  async bulkWrite(operations: readonly WriteOperation[]): Promise<BulkWriteResult> {
    this.store.assertOpen();
    // Bad input changes nothing: every operation is checked before the first one runs.
    assertWriteOperations(operations);
    const result = emptyResult();
    for (const [index, operation] of operations.entries()) {
      try {
        if ('insertOne' in operation) {
          this.insert(operation.insertOne.document as T);
          result.insertedCount++;
        } else if ('deleteOne' in operation || 'deleteMany' in operation) {
          const deleted = 'deleteOne' in operation ? this.delete(operation.deleteOne.filter, false) : this.delete(operation.deleteMany.filter, true);
          result.deletedCount += deleted.deletedCount;
        } else {
          const outcome =
            'updateOne' in operation
              ? this.update(operation.updateOne.filter, operation.updateOne.update, Boolean(operation.updateOne.upsert), false)
              : 'updateMany' in operation
                ? this.update(operation.updateMany.filter, operation.updateMany.update, false, true)
                : this.replace(operation.replaceOne.filter, operation.replaceOne.replacement as T, Boolean(operation.replaceOne.upsert));
          result.matchedCount += outcome.matchedCount;
          result.modifiedCount += outcome.modifiedCount;
          if (outcome.upsertedId !== undefined) result.upsertedCount++;
        }
      } catch (error) {
        if (error instanceof ProjectionStoreError) throw new BulkWriteError(index, error, result);
        throw error;
      }
    }
    return result;
  }

  async drop(): Promise<void> {
    this.store.dropState(this.name);
  }

  private matching(filter: Filter, all: boolean): Document[] {
    const state = this.store.state(this.name, false);
    if (!state) return [];
    // Projections address documents by id; looking the id up first keeps that O(1).
    const id = filter['_id'];
    if (typeof id === 'string') {
      const document = state.documents.get(id);
      if (!document) return [];
      const keys = Object.keys(filter);
      return keys.length === 1 || matcher(filter).test(document) ? [document] : [];
    }
    const listed = byIds(state, filter);
    // `{ _id: { $in } }` alone: every document looked up matches (mingo would compare each with the whole list).
    if (listed && Object.keys(filter).length === 1) return all ? listed : listed.slice(0, 1);
    const compiled = matcher(filter);
    const found: Document[] = [];
    for (const document of candidates(state, listed, listed ? undefined : planQuery(orderedIndexes(state), filter), all)) {
      if (compiled.test(document)) {
        found.push(document);
        if (!all) break;
      }
    }
    return found;
  }

  private insert(document: T): void {
    const state = this.store.state(this.name, true)!;
    if (state.documents.has(document._id)) throw new DuplicateKeyError(this.name, '_id_', `A document with _id ${document._id} exists in ${this.name}.`);
    const stored = clone(document) as Document;
    this.commit(state, undefined, stored);
  }

  private update(filter: Filter, update: Update, upsert: boolean, many: boolean): UpdateResult {
    const matches = this.matching(filter, many);
    const state = this.store.state(this.name, true)!;
    const { $setOnInsert, ...modifier } = update;
    if (matches.length === 0) {
      if (!upsert) return { matchedCount: 0, modifiedCount: 0 };
      const id = upsertId(filter);
      if (state.documents.has(id)) throw new DuplicateKeyError(this.name, '_id_', `A document with _id ${id} exists in ${this.name} but does not match the upsert's filter.`);
      const created: AnyObject = { _id: id };
      const { _id: _ignored, ...seed } = equalityFields(filter);
      if (Object.keys(seed).length > 0) applyUpdate(created, { $set: seed });
      applyUpdate(created, modifier);
      if ($setOnInsert) applyUpdate(created, { $set: $setOnInsert });
      this.commit(state, undefined, created as Document);
      return { matchedCount: 0, modifiedCount: 0, upsertedId: id };
    }
    let modifiedCount = 0;
    for (const current of matches) {
      if (Object.keys(modifier).length === 0) continue;
      const next = clone(current);
      const changed = applyUpdate(next as AnyObject, modifier);
      if (changed.length === 0) continue;
      this.commit(state, current, next);
      modifiedCount++;
    }
    return { matchedCount: matches.length, modifiedCount };
  }

  private replace(filter: Filter, replacement: T, upsert: boolean): UpdateResult {
    const [current] = this.matching(filter, false);
    const state = this.store.state(this.name, true)!;
    const next = clone(replacement) as Document;
    if (!current) {
      if (!upsert) return { matchedCount: 0, modifiedCount: 0 };
      const id = filter['_id'] === undefined ? replacement._id : upsertId(filter);
      if (id !== replacement._id) throw invalidArgument('replacement._id', 'The replacement names a different _id than the filter.');
      if (state.documents.has(id)) throw new DuplicateKeyError(this.name, '_id_', `A document with _id ${id} exists in ${this.name} but does not match the filter.`);
      this.commit(state, undefined, next);
      return { matchedCount: 0, modifiedCount: 0, upsertedId: id };
    }
    if (replacement._id !== current._id) throw invalidArgument('replacement._id', 'The _id of a document cannot change.');
    const modified = JSON.stringify(current) !== JSON.stringify(next);
    if (modified) this.commit(state, current, next);
    return { matchedCount: 1, modifiedCount: modified ? 1 : 0 };
  }

  private delete(filter: Filter, many: boolean): DeleteResult {
    const matches = this.matching(filter, many);
    const state = this.store.state(this.name, false);
    if (!state) return { deletedCount: 0 };
    matches.forEach((document) => this.commit(state, document, undefined));
    return { deletedCount: matches.length };
  }

  /** The one place documents change: unique keys are checked for the whole change first, then applied. */
  private commit(state: CollectionState, previous: Document | undefined, next: Document | undefined): void {
    for (const index of state.indexes.values()) {
      if (!index.entries || !next) continue;
      const key = indexKey(index.spec, next);
      const owner = index.entries.get(key);
      if (owner !== undefined && owner !== next._id) {
        throw new DuplicateKeyError(this.name, index.name, `${this.name}: key ${key} of unique index ${index.name} is taken by document ${owner}.`);
      }
    }
    for (const index of state.indexes.values()) {
      index.ordered.move(previous, next);
      if (!index.entries) continue;
      if (previous) index.entries.delete(indexKey(index.spec, previous));
      if (next) index.entries.set(indexKey(index.spec, next), next._id);
    }
    if (next) state.documents.set(next._id, next);
    else if (previous) state.documents.delete(previous._id);
  }
}
