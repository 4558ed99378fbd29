/**
 * Read-model storage with MongoDB semantics. Two adapters implement it: the official
 * `mongodb` driver (MongoDB in production, FerretDB in tests and CI) and an in-memory one
 * for standalone mode that evaluates the same query language with mingo. Both pass the
 * contract suite in `@leerzone/projection-store/testing`.
 *
 * Deliberately a subset: what FerretDB 1.24 serves and what incrementally maintained read
 * models need. No transactions, no server-side joins, and no aggregation beyond counting and
 * one grouped count-and-sum (`summarise`).
 */

/** Every read-model document has a string id chosen by the projection (deterministic ids make replays idempotent). */
export type Document = { _id: string } & Record<string, unknown>;

/** A MongoDB query filter. Operators are limited to `QUERY_OPERATORS` so every adapter evaluates them alike. */
export type Filter = Readonly<Record<string, unknown>>;

/** MongoDB update operators; limited to `UPDATE_OPERATORS`. */
export interface Update {
  readonly $set?: Readonly<Record<string, unknown>>;
  readonly $setOnInsert?: Readonly<Record<string, unknown>>;
  readonly $unset?: Readonly<Record<string, '' | 1 | true>>;
  readonly $inc?: Readonly<Record<string, number>>;
  readonly $min?: Readonly<Record<string, unknown>>;
  readonly $max?: Readonly<Record<string, unknown>>;
  readonly $push?: Readonly<Record<string, unknown>>;
  readonly $addToSet?: Readonly<Record<string, unknown>>;
  readonly $pull?: Readonly<Record<string, unknown>>;
}

/** Field → 1 (ascending) or -1 (descending), in priority order. `_id` is always the final tie-breaker. */
export type SortSpec = Readonly<Record<string, 1 | -1>>;

export interface FindOptions {
  readonly sort?: SortSpec;
  /** Page size, 1 to `MAX_PAGE_SIZE`. Without it every match is returned. */
  readonly limit?: number;
  /** The `next` cursor of the previous page, used with the same filter and sort. */
  readonly after?: string;
}

export interface Page<T> {
  readonly items: T[];
  /** Present when the page was full: pass it as `after` to read the next page. */
  readonly next?: string;
}

export interface UpdateResult {
  readonly matchedCount: number;
  readonly modifiedCount: number;
  /** The id of the document an upsert inserted. */
  readonly upsertedId?: string;
}

export interface DeleteResult {
  readonly deletedCount: number;
}

export interface IndexSpec {
  readonly keys: Readonly<Record<string, 1 | -1>>;
  readonly unique?: boolean;
  /** Defaults to MongoDB's name: `field_1_other_-1`. */
  readonly name?: string;
}

/** What `summarise` totals: the groups, and the numeric fields summed in each. */
export interface SummariseOptions<F extends string = string> {
  /** The field path whose value forms the groups. Documents without the field, or with null, form the group of key null. */
  readonly groupBy: string;
  /** Field paths to total per group, at most `MAX_SUMMED_FIELDS`; each once. Values that are no number (missing, text, booleans) add nothing. */
  readonly sum?: readonly F[];
}

/** One group of a `summarise` answer. */
export interface GroupSummary<F extends string = string> {
  /**
   * The group's value of `groupBy`, null for documents without one. Meant for scalar fields:
   * a path that runs through an array, or a field holding an array or object, groups alike
   * in every adapter only where the values are equal as JSON.
   */
  readonly key: unknown;
  /** The documents in the group. */
  readonly count: number;
  /** Per summed field, the total over the group's documents (exact for integers). */
  readonly sums: Readonly<Record<F, number>>;
}

export type WriteOperation =
  | { readonly insertOne: { readonly document: Document } }
  | { readonly updateOne: { readonly filter: Filter; readonly update: Update; readonly upsert?: boolean } }
  | { readonly updateMany: { readonly filter: Filter; readonly update: Update } }
  | { readonly replaceOne: { readonly filter: Filter; readonly replacement: Document; readonly upsert?: boolean } }
  | { readonly deleteOne: { readonly filter: Filter } }
  | { readonly deleteMany: { readonly filter: Filter } };

export interface BulkWriteResult {
  readonly insertedCount: number;
  readonly matchedCount: number;
  readonly modifiedCount: number;
  readonly upsertedCount: number;
  readonly deletedCount: number;
}

export interface ProjectionCollection<T extends Document = Document> {
  readonly name: string;
  /** Throws `DuplicateKeyError` when the id (or a unique index key) exists. */
  insertOne(document: T): Promise<void>;
  /**
   * Updates the first match. With `upsert`, inserts when nothing matches: the new document
   * takes the filter's equality fields, then the update (incl. `$setOnInsert`). The filter
   * must then name a string `_id`. If a document with that id exists but did not match the
   * filter, the insert fails with `DuplicateKeyError` (as in MongoDB).
   */
  updateOne(filter: Filter, update: Update, options?: { readonly upsert?: boolean }): Promise<UpdateResult>;
  updateMany(filter: Filter, update: Update): Promise<UpdateResult>;
  replaceOne(filter: Filter, replacement: T, options?: { readonly upsert?: boolean }): Promise<UpdateResult>;
  deleteOne(filter: Filter): Promise<DeleteResult>;
  deleteMany(filter: Filter): Promise<DeleteResult>;
  findOne(filter: Filter): Promise<T | null>;
  find(filter: Filter, options?: FindOptions): Promise<Page<T>>;
  count(filter?: Filter): Promise<number>;
  /**
   * The documents matching `filter`, grouped by one field: per group its key, how many
   * documents and the totals of the `sum` fields, computed by the store without handing out
   * documents (MongoDB: `$match` + `$group`). Groups come in `find`'s ascending order of
   * their keys (null first); no match, no groups.
   */
  summarise<F extends string = never>(filter: Filter, options: SummariseOptions<F>): Promise<GroupSummary<F>[]>;
  /** Idempotent for the same spec. Fails with `DuplicateKeyError` when existing documents violate a unique index. */
  createIndex(spec: IndexSpec): Promise<string>;
  /**
   * Ordered: operations run one after another and the first failure stops the rest. That
   * failure is thrown as `BulkWriteError` carrying its index and the counts of what ran.
   */
  bulkWrite(operations: readonly WriteOperation[]): Promise<BulkWriteResult>;
  /** Removes the collection and its indexes; a no-op when it does not exist. */
  drop(): Promise<void>;
}

export interface ProjectionStore {
  /** Collections come into existence on first write. Names: letters, digits, `_`, `-`, `.`; 1-120 characters. */
  collection<T extends Document = Document>(name: string): ProjectionCollection<T>;
  /** Names of the collections that hold documents or indexes, sorted. */
  listCollections(): Promise<string[]>;
  close(): Promise<void>;
}
