import { MongoBulkWriteError, MongoClient, MongoServerError, type AnyBulkWriteOperation, type Collection, type Db } from 'mongodb';
import {
  BulkWriteError,
  DuplicateKeyError,
  InMemoryProjectionStore,
  invalidArgument,
  ProjectionStoreClosedError,
  ProjectionStoreError,
  afterCursorFilter,
  assertCollectionName,
  assertDocument,
  assertFilter,
  assertIndexSpec,
  assertSummariseOptions,
  assertUpdate,
  assertWriteOperations,
  encodeCursor,
  inKeyOrder,
  indexName,
  normaliseFind,
  upsertId,
  withFilter,
  type BulkWriteResult,
  type DeleteResult,
  type Document,
  type Filter,
  type FindOptions,
  type GroupSummary,
  type IndexSpec,
  type Page,
  type ProjectionCollection,
  type ProjectionStore,
  type SummariseOptions,
  type Update,
  type UpdateResult,
  type WriteOperation,
} from '@leerzone/projection-store';
import { fromStored, toStored } from './bson-instants';
import { READ_MODEL_POINTERS, ReadModelDirectory } from './read-model-directory';

export interface MongoProjectionStoreOptions {
  /** `mongodb://host:port/database?…`; the database defaults to `leerzone_projections`. */
  readonly url: string;
  /** Overrides the database named in the URL. */
  readonly database?: string;
  /**
   * Operations per bulk-write command. Default 1000 on MongoDB and 32 on FerretDB, whose
   * SQLite backend was seen to stall on ordered upsert batches of about 100 operations.
   * Runs of inserts and deletes only go in chunks of up to 1000 (or this, if larger).
   */
  readonly maxBulkOperations?: number;
}

type MongoDoc = Record<string, unknown> & { _id: string };

/** FerretDB 1.24 silently drops `$setOnInsert` fields whose value is null or an empty array. */
const hasDroppedInsertValues = (update: Update): boolean =>
  Object.values(update.$setOnInsert ?? {}).some((value) => value === null || (Array.isArray(value) && value.length === 0));

/** Inserts and deletes, which need no per-document update step on the server. */
const isPlainWrite = (operation: WriteOperation): boolean => 'insertOne' in operation || 'deleteMany' in operation || 'deleteOne' in operation;
const PLAIN_BULK_OPERATIONS = 1_000;
/** Far above any single command here (a bulk write of 1,000 documents takes well under a second). */
const SOCKET_TIMEOUT_MS = 60_000;

const DUPLICATE_KEY = 11000;
const NAMESPACE_NOT_FOUND = 26;
const INDEX_CONFLICT = new Set([85, 86]);

const emptyResult = (): { -readonly [K in keyof BulkWriteResult]: BulkWriteResult[K] } => ({
  insertedCount: 0,
  matchedCount: 0,
  modifiedCount: 0,
  upsertedCount: 0,
  deletedCount: 0,
});

const indexFromMessage = (message: string | undefined): string | undefined => /index: (\S+) dup key/.exec(message ?? '')?.[1];
// FerretDB's SQLite backend reports a unique-index violation by an update or an index
// build as InternalError (code 1) carrying SQLite's message, not as E11000.
const isFerretUniqueViolation = (code: number, message: string | undefined): boolean => code === 1 && /UNIQUE constraint failed/.test(message ?? '');

/**
 * The production projection store: the official `mongodb` driver. Everything a caller
 * passes is validated by the same shared rules as the in-memory adapter, so a query that
 * works in standalone mode works here and the other way round.
 */
export class MongoProjectionStore implements ProjectionStore {
  private closed = false;
  /** @internal */
  readonly directory: ReadModelDirectory;

  private constructor(
    private readonly client: MongoClient,
    private readonly db: Db,
    /** FerretDB answers like MongoDB 7 but differs in a few reported details. */
    readonly ferretDb: boolean,
    readonly maxBulkOperations: number,
  ) {
    this.directory = new ReadModelDirectory(db);
  }

  static async connect(options: MongoProjectionStoreOptions): Promise<MongoProjectionStore> {
    // A command the server never answers (seen once in the fault suite's projection-store restart:
    // every projection of a service waited on its in-flight write for good, "live" and silent)
    // fails after SOCKET_TIMEOUT_MS instead; the runner then retries it, which is safe because
    // every live write is guarded by the document's position.
    const client = new MongoClient(options.url, { serverSelectionTimeoutMS: 10_000, socketTimeoutMS: SOCKET_TIMEOUT_MS });
    await client.connect();
    try {
      const database = options.database ?? (client.options.dbName && client.options.dbName !== 'test' ? client.options.dbName : 'leerzone_projections');
      const db = client.db(database);
      const buildInfo = await db.admin().command({ buildInfo: 1 });
      const ferretDb = 'ferretdbVersion' in buildInfo || 'ferretdbFeatures' in buildInfo;
      const maxBulk = options.maxBulkOperations ?? (ferretDb ? 32 : 1_000);
      if (!Number.isSafeInteger(maxBulk) || maxBulk < 1) throw invalidArgument('maxBulkOperations', 'maxBulkOperations is a positive integer.');
      const store = new MongoProjectionStore(client, db, ferretDb, maxBulk);
      // Heals a directory left behind by a process that stopped between a switch and its sync.
      await store.directory.sync();
      return store;
    } catch (error) {
      await client.close();
      throw error;
    }
  }

  get databaseName(): string {
    return this.db.databaseName;
  }

  collection<T extends Document = Document>(name: string): ProjectionCollection<T> {
    assertCollectionName(name);
    return new MongoCollection<T>(name, this.db.collection<MongoDoc>(name), this) as ProjectionCollection<T>;
  }

  async listCollections(): Promise<string[]> {
    this.assertOpen();
    const collections = await this.db.listCollections({}, { nameOnly: true }).toArray();
    return collections
      .map((collection) => collection.name)
      .filter((name) => !name.startsWith('system.'))
      .sort();
  }

  /** Drops the whole database (tests: one fresh database per run). */
  async dropDatabase(): Promise<void> {
    this.assertOpen();
    await this.db.dropDatabase();
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await this.client.close();
  }

  /** @internal */
  get isClosed(): boolean {
    return this.closed;
  }

  /** @internal */
  assertOpen(): void {
    if (this.closed) throw new ProjectionStoreClosedError();
  }
}

class MongoCollection<T extends Document> implements ProjectionCollection<T> {
  constructor(
    readonly name: string,
    private readonly native: Collection<MongoDoc>,
    private readonly store: MongoProjectionStore,
  ) {}

  async insertOne(document: T): Promise<void> {
    assertDocument(document);
    await this.write(() => this.native.insertOne(toStored({ ...document })));
  }

  async updateOne(filter: Filter, update: Update, options: { upsert?: boolean } = {}): Promise<UpdateResult> {
    assertFilter(filter);
    assertUpdate(update);
    if (options.upsert) upsertId(filter);
    if (options.upsert && this.store.ferretDb && hasDroppedInsertValues(update)) return this.emulatedUpsert(filter, update);
    const result = await this.write(() => this.native.updateOne(toStored(filter) as never, toStored(update) as never, { upsert: Boolean(options.upsert) }));
    return toUpdateResult(result);
  }

  async updateMany(filter: Filter, update: Update): Promise<UpdateResult> {
    assertFilter(filter);
    assertUpdate(update);
    return toUpdateResult(await this.write(() => this.native.updateMany(toStored(filter) as never, toStored(update) as never)));
  }

  async replaceOne(filter: Filter, replacement: T, options: { upsert?: boolean } = {}): Promise<UpdateResult> {
    assertFilter(filter);
    assertDocument(replacement, 'replacement');
    if (options.upsert && filter['_id'] !== undefined && upsertId(filter) !== replacement._id) {
      throw invalidArgument('replacement._id', 'The replacement names a different _id than the filter.');
    }
    const current = await this.run(() => this.native.findOne(toStored(filter) as never, { projection: { _id: 1 } }));
    // MongoDB reports an _id change as a generic write error; say it like every adapter does.
    if (current && current._id !== replacement._id) throw invalidArgument('replacement._id', 'The _id of a document cannot change.');
    const result = await this.write(() => this.native.replaceOne(toStored(filter) as never, toStored({ ...replacement }), { upsert: Boolean(options.upsert) }));
    return toUpdateResult(result);
  }

  async deleteOne(filter: Filter): Promise<DeleteResult> {
    assertFilter(filter);
    const result = await this.write(() => this.native.deleteOne(toStored(filter) as never));
    return { deletedCount: result.deletedCount };
  }

  async deleteMany(filter: Filter): Promise<DeleteResult> {
    assertFilter(filter);
    const result = await this.write(() => this.native.deleteMany(toStored(filter) as never));
    return { deletedCount: result.deletedCount };
  }

  async findOne(filter: Filter): Promise<T | null> {
    assertFilter(filter);
    return fromStored(await this.run(() => this.native.findOne(toStored(filter) as never))) as T | null;
  }

  async find(filter: Filter, options?: FindOptions): Promise<Page<T>> {
    assertFilter(filter);
    const { sort, limit, after } = normaliseFind(options);
    const effective = withFilter(filter, after ? afterCursorFilter(after, sort) : undefined);
    const items = (await this.run(() => {
      let cursor = this.native.find(toStored(effective) as never).sort(sort as never);
      if (limit !== undefined) cursor = cursor.limit(limit);
      return cursor.toArray();
    })).map((item) => fromStored(item)) as T[];
    const full = limit !== undefined && items.length === limit;
    return full ? { items, next: encodeCursor(sort, items[items.length - 1]!) } : { items };
  }

  async count(filter: Filter = {}): Promise<number> {
    assertFilter(filter);
    return this.run(() => this.native.countDocuments(toStored(filter) as never));
  }

  async summarise<F extends string = never>(filter: Filter, options: SummariseOptions<F>): Promise<GroupSummary<F>[]> {
    assertFilter(filter);
    assertSummariseOptions(options);
    const fields: readonly F[] = options.sum ?? [];
    // Output names of $group may not hold dots, so the totals are s0, s1, … and named back below.
    // $sum skips values that are no number, as the in-memory adapter does.
    const accumulators: [string, unknown][] = [['count', { $sum: 1 }], ...fields.map((field, i): [string, unknown] => [`s${i}`, { $sum: `$${field}` }])];
    // FerretDB 1.24 computes only the first accumulator of a $group and answers 0 for the rest
    // (FerretDB/FerretDB#4616): there, one $group per total, each a read of its own.
    const batches = this.store.ferretDb ? accumulators.map((accumulator) => [accumulator]) : [accumulators];
    const match = { $match: toStored(filter) };
    const answers = await Promise.all(
      batches.map((batch) => this.run(() => this.native.aggregate<Record<string, unknown>>([match, { $group: { _id: `$${options.groupBy}`, ...Object.fromEntries(batch) } }]).toArray())),
    );
    const groups = new Map<string, { key: unknown; count: number; sums: number[] }>();
    const [counted, ...totals] = answers;
    for (const row of counted!) {
      const key = fromStored(row['_id']) ?? null;
      const sums = fields.map((_, i) => Number(row[`s${i}`] ?? 0));
      groups.set(JSON.stringify(key), { key, count: Number(row['count']), sums });
    }
    // The groups are those the count found; a total's read may see a group that appeared since, and leaves it out.
    totals.forEach((rows, i) => {
      for (const row of rows) {
        const group = groups.get(JSON.stringify(fromStored(row['_id']) ?? null));
        if (group) group.sums[i] = Number(row[`s${i}`] ?? 0);
      }
    });
    return inKeyOrder([...groups.values()].map(({ key, count, sums }) => ({ key, count, sums: Object.fromEntries(fields.map((field, i) => [field, sums[i]!])) as Record<F, number> })));
  }

  async createIndex(spec: IndexSpec): Promise<string> {
    assertIndexSpec(spec);
    const name = indexName(spec);
    try {
      return await this.run(() => this.native.createIndex(spec.keys as never, { name, ...(spec.unique ? { unique: true } : {}) }));
    } catch (error) {
      if (error instanceof DuplicateKeyError) throw error;
      if (error instanceof MongoServerError && INDEX_CONFLICT.has(Number(error.code))) {
        throw invalidArgument('name', `An index named ${name} exists with different keys or options.`);
      }
      throw error;
    }
  }

  /**
   * On FerretDB, an upsert whose $setOnInsert holds null or [] is done in two steps: update
   * an existing match, else insert the document as MongoDB would have built it (evaluated
   * by the in-memory adapter). Same outcome, including DuplicateKeyError when the id exists
   * but does not match the filter; two round trips instead of one.
   */
  private async emulatedUpsert(filter: Filter, update: Update): Promise<UpdateResult> {
    const { $setOnInsert: _onInsert, ...onMatch } = update;
    if (Object.keys(onMatch).length > 0) {
      const updated = await this.write(() => this.native.updateOne(toStored(filter) as never, toStored(onMatch) as never));
      if (updated.matchedCount > 0) return toUpdateResult(updated);
    } else if (await this.run(() => this.native.findOne(toStored(filter) as never, { projection: { _id: 1 } }))) {
      return { matchedCount: 1, modifiedCount: 0 };
    }
    const scratch = new InMemoryProjectionStore().collection('upsert');
    const { upsertedId } = await scratch.updateOne(filter, update, { upsert: true });
    const document = (await scratch.findOne({ _id: upsertedId! }))!;
    await this.write(() => this.native.insertOne(toStored(document)));
    return { matchedCount: 0, modifiedCount: 0, upsertedId: upsertedId! };
  }

  async bulkWrite(operations: readonly WriteOperation[]): Promise<BulkWriteResult> {
    this.store.assertOpen();
    assertWriteOperations(operations);
    const total = emptyResult();
    const emulated = (operation: WriteOperation): boolean =>
      this.store.ferretDb && 'updateOne' in operation && Boolean(operation.updateOne.upsert) && hasDroppedInsertValues(operation.updateOne.update);
    // Runs of native operations go in chunks; an emulated upsert runs on its own, in order.
    // Runs of plain inserts and deletes (a rebuild's folded batches) go in chunks of up to
    // PLAIN_BULK_OPERATIONS: FerretDB's stalls were seen with update batches only.
    const plainLimit = Math.max(this.store.maxBulkOperations, PLAIN_BULK_OPERATIONS);
    const segments: { start: number; operations: WriteOperation[]; plain: boolean }[] = [];
    operations.forEach((operation, index) => {
      const last = segments[segments.length - 1];
      const plain = isPlainWrite(operation);
      const limit = last?.plain && plain ? plainLimit : this.store.maxBulkOperations;
      if (emulated(operation) || !last || last.operations.length >= limit || emulated(last.operations[0]!)) {
        segments.push({ start: index, operations: [operation], plain });
      } else {
        last.operations.push(operation);
        last.plain &&= plain;
      }
    });
    for (const { start, operations: chunk } of segments) {
      if (emulated(chunk[0]!)) {
        const { filter, update } = (chunk[0] as { updateOne: { filter: Filter; update: Update } }).updateOne;
        try {
          const result = await this.emulatedUpsert(filter, update);
          total.matchedCount += result.matchedCount;
          total.modifiedCount += result.modifiedCount;
          if (result.upsertedId !== undefined) total.upsertedCount++;
        } catch (error) {
          throw new BulkWriteError(start, this.asStoreError(error), total);
        }
        continue;
      }
      try {
        const result = await this.native.bulkWrite(chunk.map((operation) => toNative(toStored(operation))), { ordered: true });
        total.insertedCount += result.insertedCount;
        total.matchedCount += result.matchedCount;
        total.modifiedCount += result.modifiedCount;
        total.upsertedCount += result.upsertedCount;
        total.deletedCount += result.deletedCount;
        await this.afterWrite();
      } catch (error) {
        await this.afterWrite();
        if (!(error instanceof MongoBulkWriteError)) throw this.asStoreError(error);
        const writeErrors = Array.isArray(error.writeErrors) ? error.writeErrors : [error.writeErrors];
        const first = writeErrors[0];
        const cause = first ? this.translateWriteError(Number(first.code), first.errmsg) : this.asStoreError(error);
        // FerretDB 1.24 reports index 0 and no counts for a failed update command.
        // Its insert commands do report the right index, and an insert at the reported index means an insert command failed.
        const reliable = !this.store.ferretDb || (first?.index !== undefined && chunk[first.index] !== undefined && 'insertOne' in chunk[first.index]!);
        if (!reliable) throw new BulkWriteError(undefined, cause, total);
        total.insertedCount += error.result.insertedCount;
        total.matchedCount += error.result.matchedCount;
        total.modifiedCount += error.result.modifiedCount;
        total.upsertedCount += error.result.upsertedCount;
        total.deletedCount += error.result.deletedCount;
        throw new BulkWriteError(start + (first?.index ?? 0), cause, total);
      }
    }
    return total;
  }

  async drop(): Promise<void> {
    try {
      await this.write(() => this.native.drop());
    } catch (error) {
      if (error instanceof MongoServerError && Number(error.code) === NAMESPACE_NOT_FOUND) return;
      throw error;
    }
  }

  /** A write; one to the projection pointers is followed by the read-model directory's sync. */
  private async write<R>(operation: () => Promise<R>): Promise<R> {
    try {
      return await this.run(operation);
    } finally {
      await this.afterWrite();
    }
  }

  private async afterWrite(): Promise<void> {
    if (this.name === READ_MODEL_POINTERS && !this.store.isClosed) await this.store.directory.sync();
  }

  private async run<R>(operation: () => Promise<R>): Promise<R> {
    this.store.assertOpen();
    try {
      return await operation();
    } catch (error) {
      throw this.translate(error);
    }
  }

  private translate(error: unknown): unknown {
    if (error instanceof ProjectionStoreError) return error;
    if (error instanceof MongoServerError) {
      const code = Number(error.code);
      const message = error.errmsg ?? error.message;
      if (code === DUPLICATE_KEY || isFerretUniqueViolation(code, message)) return this.translateWriteError(code, message);
    }
    return error;
  }

  private asStoreError(error: unknown): ProjectionStoreError {
    const translated = this.translate(error);
    if (translated instanceof ProjectionStoreError) return translated;
    return new ProjectionStoreError('PROJECTION_STORE.WRITE_FAILED', `${this.name}: ${translated instanceof Error ? translated.message : String(translated)}`);
  }

  private translateWriteError(code: number, message: string | undefined): ProjectionStoreError {
    if (code === DUPLICATE_KEY || isFerretUniqueViolation(code, message)) {
      return new DuplicateKeyError(this.name, indexFromMessage(message), `${this.name}: ${message ?? 'duplicate key'}`);
    }
    return new ProjectionStoreError('PROJECTION_STORE.WRITE_FAILED', `${this.name}: ${message ?? `server error ${code}`}`);
  }
}

const toUpdateResult = (result: { matchedCount: number; modifiedCount: number; upsertedId: unknown }): UpdateResult => ({
  matchedCount: result.matchedCount,
  modifiedCount: result.modifiedCount,
  ...(result.upsertedId !== null && result.upsertedId !== undefined ? { upsertedId: String(result.upsertedId) } : {}),
});

function toNative(operation: WriteOperation): AnyBulkWriteOperation<MongoDoc> {
  if ('insertOne' in operation) return { insertOne: { document: { ...operation.insertOne.document } } };
  if ('updateOne' in operation) {
    const { filter, update, upsert } = operation.updateOne;
    return { updateOne: { filter: filter as never, update: update as never, upsert: Boolean(upsert) } };
  }
  if ('updateMany' in operation) return { updateMany: { filter: operation.updateMany.filter as never, update: operation.updateMany.update as never } };
  if ('replaceOne' in operation) {
    const { filter, replacement, upsert } = operation.replaceOne;
    return { replaceOne: { filter: filter as never, replacement: { ...replacement }, upsert: Boolean(upsert) } };
  }
  if ('deleteOne' in operation) return { deleteOne: { filter: operation.deleteOne.filter as never } };
  return { deleteMany: { filter: operation.deleteMany.filter as never } };
}
