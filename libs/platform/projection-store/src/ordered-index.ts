import { compare as mingoCompare } from 'mingo/util';
import type { Document, Filter, IndexSpec, SortSpec } from './projection-store.port';

/** mingo's order of values: the one its $sort and $gt/$lt use, so index order and query results line up. */
export const compareValues: (a: unknown, b: unknown) => number = mingoCompare;

type Scalar = string | number | boolean;
const isScalar = (value: unknown): value is Scalar => typeof value === 'string' || typeof value === 'boolean' || (typeof value === 'number' && Number.isFinite(value));

interface Entry {
  readonly key: readonly unknown[];
  readonly id: string;
}

/** The value at a path, or `unindexable` when the path runs through an array or ends at an array, object or date. */
const UNINDEXABLE = Symbol('unindexable');
function indexValue(document: Readonly<Record<string, unknown>>, path: string): unknown {
  let current: unknown = document;
  for (const part of path.split('.')) {
    if (current === undefined || current === null) return undefined;
    if (typeof current !== 'object' || Array.isArray(current)) return Array.isArray(current) ? UNINDEXABLE : undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current === undefined || current === null || isScalar(current) ? current : UNINDEXABLE;
}

/**
 * A declared index of the in-memory store: every document's key (the index's fields, then
 * `_id`) in one sorted array, in the index's directions. It answers two questions a scan of
 * the whole collection answered before: which documents have given values in the index's
 * leading fields (a contiguous range), and in which order they sort when the query's sort is
 * the index's next fields (so a page of 50 stops after 50 matches). Only documents whose
 * indexed fields hold scalars, null or nothing are ordered here; while any document holds an
 * array, object or date in one (where MongoDB's multikey semantics would apply), the index is
 * not used at all, and queries scan as before.
 */
export class OrderedIndex {
  private readonly entries: Entry[] = [];
  private readonly unindexable = new Set<string>();
  readonly paths: readonly string[];
  readonly directions: readonly (1 | -1)[];

  constructor(spec: IndexSpec) {
    this.paths = Object.keys(spec.keys);
    this.directions = Object.values(spec.keys);
  }

  get usable(): boolean {
    return this.unindexable.size === 0;
  }

  /** Moves a document's entry from its previous state to its next (either may be absent). */
  move(previous: Document | undefined, next: Document | undefined): void {
    const before = previous && this.keyOf(previous);
    const after = next && this.keyOf(next);
    if (before && after && previous!._id === next!._id && this.compareKeys(before, after) === 0) return;
    if (previous) {
      if (before) this.entries.splice(this.position(before, previous._id), 1);
      else this.unindexable.delete(previous._id);
    }
    if (next) {
      if (after) this.entries.splice(this.position(after, next._id), 0, { key: after, id: next._id });
      else this.unindexable.add(next._id);
    }
  }

  /** The ids whose leading fields equal `prefix`, in index order (or reversed), each run of equal keys by `_id` in `idOrder`. */
  *scan(prefix: readonly unknown[], reverse: boolean, idOrder: 1 | -1): Generator<string> {
    const low = this.bound(prefix, false);
    const high = this.bound(prefix, true);
    // Entries are sorted by _id ascending within equal keys; a run is reversed when the wanted order differs.
    const flipRuns = (reverse ? -1 : 1) !== idOrder;
    let i = reverse ? high - 1 : low;
    const step = reverse ? -1 : 1;
    while (reverse ? i >= low : i < high) {
      if (!flipRuns) {
        yield this.entries[i]!.id;
        i += step;
        continue;
      }
      let end = i;
      while ((reverse ? end - 1 >= low : end + 1 < high) && this.compareKeys(this.entries[end + step]!.key, this.entries[i]!.key) === 0) end += step;
      for (let j = end; reverse ? j <= i : j >= i; j -= step) yield this.entries[j]!.id;
      i = end + step;
    }
  }

  /** The ids whose leading fields equal `prefix`, in index order: `scan`'s forward walk as one array, for callers that read the whole range. */
  idsWith(prefix: readonly unknown[]): string[] {
    const high = this.bound(prefix, true);
    const ids: string[] = [];
    for (let i = this.bound(prefix, false); i < high; i++) ids.push(this.entries[i]!.id);
    return ids;
  }

  /** null: the document cannot be ordered here (see the class comment). */
  private keyOf(document: Document): unknown[] | null {
    const key: unknown[] = [];
    for (const path of this.paths) {
      const value = indexValue(document, path);
      if (value === UNINDEXABLE) return null;
      key.push(value);
    }
    return key;
  }

  private compareKeys(a: readonly unknown[], b: readonly unknown[], length = this.paths.length): number {
    for (let i = 0; i < length; i++) {
      const c = compareValues(a[i], b[i]);
      if (c !== 0) return c * this.directions[i]!;
    }
    return 0;
  }

  /** Where (key, id) is or would go. */
  private position(key: readonly unknown[], id: string): number {
    let low = 0;
    let high = this.entries.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const entry = this.entries[middle]!;
      const c = this.compareKeys(entry.key, key) || (entry.id < id ? -1 : entry.id > id ? 1 : 0);
      if (c < 0) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  /** The first entry whose prefix sorts after `prefix` (`upper`) or not before it. */
  private bound(prefix: readonly unknown[], upper: boolean): number {
    let low = 0;
    let high = this.entries.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      const c = this.compareKeys(this.entries[middle]!.key, prefix, prefix.length);
      if (c < 0 || (upper && c === 0)) low = middle + 1;
      else high = middle;
    }
    return low;
  }
}

/** Fields a filter pins to one scalar (top level, or inside a top-level $and): every match has exactly that value. */
function pinnedFields(filter: Filter, into = new Map<string, Scalar>()): Map<string, Scalar> {
  for (const [key, value] of Object.entries(filter)) {
    if (key === '$and' && Array.isArray(value)) {
      for (const inner of value) pinnedFields(inner as Filter, into);
    } else if (!key.startsWith('$') && !into.has(key)) {
      if (isScalar(value)) into.set(key, value);
      else if (value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 1 && isScalar((value as { $eq?: unknown }).$eq)) {
        into.set(key, (value as { $eq: Scalar }).$eq);
      }
    }
  }
  return into;
}

export interface IndexPlan {
  readonly index: OrderedIndex;
  /** The values of the index's leading fields the filter pins. */
  readonly prefix: readonly unknown[];
  /** Set when the index's order is the query's sort: walk it and stop at the limit. */
  readonly order?: { readonly reverse: boolean; readonly idOrder: 1 | -1 };
}

/**
 * The index that serves a query best: one whose order is the query's sort after the fields
 * the filter pins (a page stops at its limit), else the one pinning the most leading fields
 * (a range instead of the whole collection); none when no index helps. The filter is still
 * tested on every document the plan yields.
 */
export function planQuery(indexes: Iterable<OrderedIndex>, filter: Filter, sort?: SortSpec): IndexPlan | undefined {
  const pinned = pinnedFields(filter);
  const sortEntries = sort ? Object.entries(sort) : undefined;
  const idAt = sortEntries?.findIndex(([path]) => path === '_id') ?? -1;
  let ordered: IndexPlan | undefined;
  let ranged: IndexPlan | undefined;
  for (const index of indexes) {
    if (!index.usable) continue;
    let pinnedCount = 0;
    while (pinnedCount < index.paths.length && pinned.has(index.paths[pinnedCount]!)) pinnedCount++;
    const prefix = index.paths.slice(0, pinnedCount).map((path) => pinned.get(path));
    if (sortEntries && idAt >= 0) {
      const rest = index.paths.slice(pinnedCount);
      const before = sortEntries.slice(0, idAt);
      const spec = index.directions;
      const forward = before.every(([path, direction], i) => rest[i] === path && direction === spec[pinnedCount + i]);
      const backward = before.every(([path, direction], i) => rest[i] === path && direction === -spec[pinnedCount + i]!);
      if (before.length === rest.length && (forward || backward) && (!ordered || pinnedCount > ordered.prefix.length)) {
        ordered = { index, prefix, order: { reverse: !forward, idOrder: sortEntries[idAt]![1] } };
      }
    }
    if (pinnedCount > 0 && (!ranged || pinnedCount > ranged.prefix.length)) ranged = { index, prefix };
  }
  if (ordered && (!ranged || ordered.prefix.length >= ranged.prefix.length)) return ordered;
  return ranged;
}

/** Builds the ordered index of a spec over the documents a collection holds. */
export function orderedIndex(spec: IndexSpec, documents: Iterable<Document>): OrderedIndex {
  const index = new OrderedIndex(spec);
  for (const document of documents) index.move(undefined, document);
  return index;
}
