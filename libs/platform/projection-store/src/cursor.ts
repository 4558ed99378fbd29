import { invalidArgument } from './projection-store.errors';
import type { Document, Filter, SortSpec } from './projection-store.port';

// Keyset ("after") pagination shared by every adapter: the cursor carries the sort key of
// the last item, and the next page is the same query plus "sorts after that key". Unlike
// skip/offset it stays correct while documents are inserted, and costs the same on page 1000.

interface CursorBody {
  readonly s: [string, 1 | -1][];
  readonly v: unknown[];
}

export const valueAt = (document: Readonly<Record<string, unknown>>, path: string): unknown => {
  let current: unknown = document;
  for (const part of path.split('.')) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<string, unknown>)[part];
  }
  return current;
};

export function encodeCursor(sort: SortSpec, last: Document): string {
  const s = Object.entries(sort) as [string, 1 | -1][];
  // Missing fields sort as null in MongoDB; the cursor records them the same way.
  const body: CursorBody = { s, v: s.map(([path]) => valueAt(last, path) ?? null) };
  return Buffer.from(JSON.stringify(body), 'utf8').toString('base64url');
}

function decodeCursor(cursor: string, sort: SortSpec): unknown[] {
  let body: CursorBody;
  try {
    body = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as CursorBody;
  } catch {
    throw invalidArgument('after', 'The cursor is not one this store produced.');
  }
  const expected = Object.entries(sort);
  const valid =
    Array.isArray(body?.s) &&
    Array.isArray(body.v) &&
    body.s.length === expected.length &&
    body.v.length === expected.length &&
    body.s.every((entry, i) => Array.isArray(entry) && entry[0] === expected[i]![0] && entry[1] === expected[i]![1]) &&
    body.v.every((value) => value === null || ['string', 'number', 'boolean'].includes(typeof value));
  if (!valid) throw invalidArgument('after', 'The cursor belongs to a query with a different sort, or is damaged.');
  return body.v;
}

/**
 * The filter "sorts strictly after the cursor's key". Null and missing values sort first
 * ascending and last descending (MongoDB's order), and comparison operators never match
 * null, hence the explicit null branches.
 */
export function afterCursorFilter(cursor: string, sort: SortSpec): Filter {
  const values = decodeCursor(cursor, sort);
  const keys = Object.entries(sort);
  const branches: Filter[] = [];
  keys.forEach(([path, direction], i) => {
    const value = values[i];
    let after: Filter | undefined;
    if (direction === 1) after = value === null ? { [path]: { $ne: null } } : { [path]: { $gt: value } };
    else if (value !== null) after = { $or: [{ [path]: { $lt: value } }, { [path]: null }] };
    if (!after) return;
    const equalBefore = keys.slice(0, i).map(([p], j) => ({ [p]: values[j] === null ? null : { $eq: values[j] } }));
    branches.push(equalBefore.length === 0 ? after : { $and: [...equalBefore, after] });
  });
  // Nothing sorts after the cursor: a filter that matches nothing.
  if (branches.length === 0) return { _id: { $in: [] } };
  return branches.length === 1 ? branches[0]! : { $or: branches };
}

export const withFilter = (filter: Filter, extra: Filter | undefined): Filter =>
  !extra ? filter : Object.keys(filter).length === 0 ? extra : { $and: [filter, extra] };
