import type { StoredEvent } from '@leerzone/kernel';
import {
  BulkWriteError,
  DuplicateKeyError,
  InMemoryProjectionStore,
  applyUpdateOperators,
  assertDocument,
  assertUpdate,
  cloneDocumentValue,
  type Document,
  type ProjectionStore,
  type Update,
  type WriteOperation,
} from '@leerzone/projection-store';
import { DELETED_FIELD, POSITION_FIELD, type DocumentWriter, type ProjectionDefinition, type ProjectionWriter } from './projection';
import type { FoldedDocument, GenerationCache } from './generation-cache';
import { ProjectionError, ProjectionHandlerError } from './projection.errors';

/** `recreate`: an upsert of a document this batch deleted; written as a fresh document over its tombstone. */
type WriteKind = 'upsert' | 'update' | 'put' | 'delete' | 'recreate';

interface PendingWrite {
  readonly collection: string;
  readonly id: string;
  readonly kind: WriteKind;
  readonly position: number;
  readonly update?: Update;
  document?: Record<string, unknown>;
}

export interface FlushResult {
  readonly writes: number;
  /** Upserts and puts that met their document already past this event (replays after a crash); guarded updates and deletes skip silently. */
  readonly skipped: number;
  /** Physical collections that received deletes (tombstones to purge once the checkpoint passes them). */
  readonly tombstoned: readonly string[];
}

const BULK_CHUNK = 1_000;
const RESERVED = [POSITION_FIELD, DELETED_FIELD];

const touchesReserved = (path: string): boolean => RESERVED.some((field) => path === field || path.startsWith(`${field}.`));

/**
 * Collects what a projection's handlers write for one batch of events, then writes it with
 * a per-document guard: every document carries the global position of the last event
 * applied to it (`_position`), and a write for event p only lands where `_position < p`.
 * Replaying events after a crash therefore skips exactly the writes that already landed.
 * Deletes leave a tombstone (`_deleted`) so a replayed older event cannot resurrect the
 * document; tombstones are purged once the checkpoint has passed them.
 */
export class BatchWriter {
  private readonly pending: PendingWrite[] = [];
  private position = 0;
  private readonly touched = new Set<string>();
  /** Documents deleted earlier in this batch: upserting one again must start from scratch. */
  private readonly deleted = new Set<string>();
  private readonly writer: ProjectionWriter;

  constructor(
    private readonly projection: ProjectionDefinition,
    private readonly physical: Readonly<Record<string, string>>,
  ) {
    const writers = new Map<string, DocumentWriter>();
    this.writer = {
      collection: (name: string) => {
        let writer = writers.get(name);
        if (!writer) {
          if (!Object.prototype.hasOwnProperty.call(physical, name)) {
            throw new ProjectionError('PROJECTION.UNKNOWN_COLLECTION', `${projection.name} does not own a collection named ${String(name)}.`, 'collection');
          }
          writer = this.documentWriter(name);
          writers.set(name, writer);
        }
        return writer;
      },
    };
  }

  get size(): number {
    return this.pending.length;
  }

  /** Runs the handler for one event, buffering its writes. A throw leaves nothing of this event buffered. */
  apply(event: StoredEvent): void {
    this.position = event.globalPosition;
    this.touched.clear();
    const mark = this.pending.length;
    try {
      this.projection.apply(event, this.writer);
    } catch (error) {
      this.pending.length = mark;
      throw new ProjectionHandlerError(this.projection.name, event.globalPosition, event.type, error);
    }
  }

  private documentWriter(collection: string): DocumentWriter {
    const record = (kind: WriteKind, id: string, extra: Partial<PendingWrite>): void => {
      if (typeof id !== 'string' || id.length === 0) throw new ProjectionError('PROJECTION.INVALID_WRITE', `${collection}: a document id is a non-empty string.`, 'id');
      const key = `${collection}\u0000${id}`;
      if (this.touched.has(key)) {
        throw new ProjectionError('PROJECTION.DOUBLE_WRITE', `${collection}/${id} is written twice for one event; combine the updates into one.`, 'id');
      }
      this.touched.add(key);
      if (kind === 'delete') this.deleted.add(key);
      else if (kind === 'put') this.deleted.delete(key);
      else if (kind === 'upsert' && this.deleted.delete(key)) kind = 'recreate';
      this.pending.push({ collection, id, kind, position: this.position, ...extra });
    };
    const checkUpdate = (update: Update): void => {
      assertUpdate(update);
      for (const fields of Object.values(update)) {
        for (const path of Object.keys(fields as object)) {
          if (touchesReserved(path)) throw new ProjectionError('PROJECTION.RESERVED_FIELD', `${path} is kept by the runner.`, path);
        }
      }
    };
    return {
      upsert: (id, update) => {
        checkUpdate(update);
        record('upsert', id, { update });
      },
      update: (id, update) => {
        checkUpdate(update);
        record('update', id, { update });
      },
      put: (id, document) => {
        const full = { ...(document as Record<string, unknown>), _id: id };
        assertDocument(full);
        const reserved = Object.keys(full).find(touchesReserved);
        if (reserved) throw new ProjectionError('PROJECTION.RESERVED_FIELD', `${reserved} is kept by the runner.`, reserved);
        record('put', id, { document: full });
      },
      delete: (id) => record('delete', id, {}),
    };
  }

  /** Writes everything buffered, one ordered bulk write per collection (collections in parallel). */
  async flush(store: ProjectionStore): Promise<FlushResult> {
    const byCollection = new Map<string, PendingWrite[]>();
    for (const write of this.pending) {
      const physical = this.physical[write.collection]!;
      const list = byCollection.get(physical) ?? [];
      list.push(write);
      byCollection.set(physical, list);
    }
    for (const write of this.pending) if (write.kind === 'recreate') write.document = await freshDocument(write);
    const results = await Promise.all([...byCollection].map(([physical, writes]) => flushCollection(store, physical, writes)));
    const total = this.pending.length;
    this.pending.length = 0;
    this.deleted.clear();
    return {
      writes: total,
      skipped: results.reduce((sum, skipped) => sum + skipped, 0),
      tombstoned: [...byCollection].filter(([, writes]) => writes.some((write) => write.kind === 'delete')).map(([physical]) => physical),
    };
  }

  /**
   * For a generation that nothing else writes or reads yet (a rebuild before its switch-over):
   * the batch's writes are folded per document in memory — the documents they touch are read
   * once (`_id: { $in }`), every write of the batch is applied to them in order by the in-memory
   * adapter's update semantics, and each touched document is written once, its final state
   * replacing the old one (one delete of the old ones, then plain inserts). The same read model
   * as the guarded flush, without a guarded round trip per write: no other writer can race it,
   * a failed rebuild drops the whole generation, and deleted documents go at once (no
   * tombstones, since no replay can meet them). A unique index of the read model is checked
   * against each batch's final documents, not their intermediate states.
   */
  async flushFolded(store: ProjectionStore, cache?: GenerationCache): Promise<FlushResult> {
    const byCollection = new Map<string, PendingWrite[]>();
    for (const write of this.pending) {
      const physical = this.physical[write.collection]!;
      const list = byCollection.get(physical) ?? [];
      list.push(write);
      byCollection.set(physical, list);
    }
    await Promise.all([...byCollection].map(([physical, writes]) => foldCollection(store, physical, writes, cache)));
    const total = this.pending.length;
    this.pending.length = 0;
    this.deleted.clear();
    return { writes: total, skipped: 0, tombstoned: [] };
  }
}

const LOAD_CHUNK = 1_000;

/**
 * One write applied, unguarded, to the batch's working copy of its documents, with the
 * in-memory adapter's update semantics (an upsert that creates takes `$setOnInsert` too).
 * The writes were validated when the handler made them.
 */
function foldWrite(documents: Map<string, FoldedDocument>, write: PendingWrite): void {
  switch (write.kind) {
    case 'upsert':
    case 'recreate':
    case 'update': {
      const { $setOnInsert, ...modifier } = write.update!;
      let document = documents.get(write.id);
      if (!document) {
        if (write.kind === 'update') return;
        document = { _id: write.id };
        applyUpdateOperators(document, modifier);
        if ($setOnInsert) applyUpdateOperators(document, { $set: $setOnInsert });
        documents.set(write.id, document);
      } else {
        applyUpdateOperators(document, modifier);
      }
      document[POSITION_FIELD] = write.position;
      return;
    }
    case 'put':
      documents.set(write.id, { ...cloneDocumentValue(write.document!), _id: write.id, [POSITION_FIELD]: write.position });
      return;
    case 'delete':
      documents.delete(write.id);
      return;
  }
}

async function foldCollection(store: ProjectionStore, physical: string, writes: readonly PendingWrite[], cache: GenerationCache | undefined): Promise<void> {
  const collection = store.collection(physical);
  const ids = [...new Set(writes.map((write) => write.id))];
  const existing = new Set<string>();
  // The stores hand out copies, and the cache's documents are this rebuild's own: the batch changes them in place.
  const documents = new Map<string, FoldedDocument>();
  const unknown: string[] = [];
  for (const id of ids) {
    const known = cache ? cache.lookup(physical, id) : undefined;
    if (known === undefined) unknown.push(id);
    else if (known !== null) {
      existing.add(id);
      documents.set(id, known);
    }
  }
  for (let start = 0; start < unknown.length; start += LOAD_CHUNK) {
    const chunk = unknown.slice(start, start + LOAD_CHUNK);
    const { items } = await collection.find({ _id: { $in: chunk } }, { limit: chunk.length });
    for (const document of items) {
      existing.add(document._id);
      // A tombstone is as good as no document to every write (guarded writes skip it, upserts recreate).
      if (document[DELETED_FIELD] !== true) documents.set(document._id, document as FoldedDocument);
    }
  }
  for (const write of writes) foldWrite(documents, write);
  const operations: WriteOperation[] = [];
  if (existing.size > 0) operations.push({ deleteMany: { filter: { _id: { $in: [...existing] } } } });
  for (const document of documents.values()) operations.push({ insertOne: { document } });
  if (operations.length === 0) return;
  try {
    await collection.bulkWrite(operations);
  } catch (error) {
    const cause = error instanceof BulkWriteError ? error.cause : error;
    if (!(cause instanceof DuplicateKeyError)) throw error;
    throw new ProjectionError('PROJECTION.WRITE_CONFLICT', `${physical}: a document written by the batch ending at event ${writes[writes.length - 1]!.position} collides with a unique index of the read model.`, 'id');
  }
  cache?.remember(physical, ids, documents);
}

const guard = (write: PendingWrite) => ({ _id: write.id, [POSITION_FIELD]: { $lt: write.position } });
const withPosition = (update: Update, position: number): Update => ({ ...update, $set: { ...(update.$set ?? {}), [POSITION_FIELD]: position } });

function toOperation(write: PendingWrite): WriteOperation {
  switch (write.kind) {
    case 'upsert':
    case 'update':
      return {
        updateOne: {
          filter: { ...guard(write), [DELETED_FIELD]: { $ne: true } },
          update: withPosition(write.update!, write.position),
          upsert: write.kind === 'upsert',
        },
      };
    case 'put':
      return { replaceOne: { filter: guard(write), replacement: { ...write.document, _id: write.id, [POSITION_FIELD]: write.position }, upsert: true } };
    case 'recreate':
      // The document (already carrying its position) replaces the tombstone left earlier in this batch.
      return { replaceOne: { filter: guard(write), replacement: write.document as Document, upsert: true } };
    case 'delete':
      return { replaceOne: { filter: guard(write), replacement: { _id: write.id, [POSITION_FIELD]: write.position, [DELETED_FIELD]: true } } };
  }
}

/** Returns how many writes were found already applied. */
async function flushCollection(store: ProjectionStore, physical: string, writes: readonly PendingWrite[]): Promise<number> {
  const collection = store.collection(physical);
  let skipped = 0;
  let start = 0;
  while (start < writes.length) {
    const chunk = writes.slice(start, start + BULK_CHUNK);
    try {
      await collection.bulkWrite(chunk.map(toOperation));
      start += chunk.length;
    } catch (error) {
      if (!(error instanceof BulkWriteError) || !(error.cause instanceof DuplicateKeyError)) throw error;
      if (error.index === undefined) {
        // The server did not say which write collided. Every write is guarded, so running
        // the chunk again one write at a time is safe: those that landed are skipped.
        skipped += await writeOneByOne(store, physical, chunk);
        start += chunk.length;
        continue;
      }
      // The write at error.index met a document that did not pass its guard.
      if (await resolveCollision(store, physical, chunk[error.index]!)) skipped++;
      start += error.index + 1;
    }
  }
  return skipped;
}

async function writeOneByOne(store: ProjectionStore, physical: string, writes: readonly PendingWrite[]): Promise<number> {
  const collection = store.collection(physical);
  let skipped = 0;
  for (const write of writes) {
    try {
      await collection.bulkWrite([toOperation(write)]);
    } catch (error) {
      const cause = error instanceof BulkWriteError ? error.cause : error;
      if (!(cause instanceof DuplicateKeyError)) throw error;
      if (await resolveCollision(store, physical, write)) skipped++;
    }
  }
  return skipped;
}

/**
 * An upsert or put met an existing document its guard excluded. Either the write landed
 * before (skip it), or the document is a tombstone older than this event (recreate it
 * from scratch, as if it had never existed), or a unique index of the read model refused
 * it (a real error). Returns true when skipped.
 */
async function resolveCollision(store: ProjectionStore, physical: string, write: PendingWrite): Promise<boolean> {
  const collection = store.collection(physical);
  for (let attempt = 0; attempt < 5; attempt++) {
    const current = await collection.findOne({ _id: write.id });
    if (!current) break;
    const position = current[POSITION_FIELD];
    if (typeof position === 'number' && position >= write.position) return true;
    if (current[DELETED_FIELD] !== true || write.kind !== 'upsert') break;
    // An upsert meeting an older tombstone (left by a batch that crashed before its checkpoint).
    const fresh = await freshDocument(write);
    // Compare-and-set on the tombstone's position: a concurrent writer makes us look again.
    const replaced = await collection.replaceOne({ _id: write.id, [POSITION_FIELD]: position, [DELETED_FIELD]: true }, fresh);
    if (replaced.matchedCount === 1) return false;
  }
  throw new ProjectionError(
    'PROJECTION.WRITE_CONFLICT',
    `${physical}/${write.id}: the write of event ${write.position} collides with a unique index of the read model.`,
    write.id,
  );
}

/** What an upsert creates on an empty slot, evaluated with the same update semantics. */
async function freshDocument(write: PendingWrite): Promise<Document> {
  const scratch = new InMemoryProjectionStore().collection('scratch');
  await scratch.updateOne({ _id: write.id }, withPosition(write.update!, write.position), { upsert: true });
  return (await scratch.findOne({ _id: write.id }))!;
}
