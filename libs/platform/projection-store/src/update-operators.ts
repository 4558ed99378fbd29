import * as updateOperators from 'mingo/operators/update';
import { isEqual, unique } from 'mingo/util';
import type { Document, Update } from './projection-store.port';

type AnyObject = Record<string, unknown>;
type UpdateOperatorName = Exclude<keyof Update, '$setOnInsert'>;
type OperatorFunction = (expression: AnyObject) => (document: AnyObject) => string[];
const MINGO_OPERATORS = updateOperators as unknown as Record<UpdateOperatorName, OperatorFunction>;

/**
 * Documents are JSON-like (validation refuses anything else), so a plain recursive copy
 * suffices. Not structuredClone: it builds objects in Node's main realm, and under jest's
 * VM realm mingo then no longer recognises them as plain objects (it compared two
 * different objects as equal and skipped a $set).
 */
export const cloneDocumentValue = <T>(value: T): T => {
  if (Array.isArray(value)) return value.map(cloneDocumentValue) as T;
  if (value !== null && typeof value === 'object' && !(value instanceof Date) && !(value instanceof RegExp)) {
    const copy: AnyObject = {};
    for (const key of Object.keys(value)) copy[key] = cloneDocumentValue((value as AnyObject)[key]);
    return copy as T;
  }
  return value;
};

const isTopLevel = (path: string): boolean => !path.includes('.');
const isScalar = (value: unknown): value is string | number | boolean => typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';

/**
 * `$set`, `$unset`, `$inc` of top-level fields and `$push`/`$addToSet`/`$pull` of one scalar on
 * a top-level array — most of what projections write — applied directly, with mingo's semantics
 * (a `$set` of an equal value and an `$unset` of a missing field change nothing; `$inc` starts a
 * missing field at 0 and leaves a non-number alone; `$addToSet` keeps the array's distinct
 * values as mingo's `unique` does); anything else (dotted paths, `$each`, document values,
 * `$min`/`$max`, …) goes through mingo's own operator. Returns whether the path was
 * handled here.
 */
function applyDirect(document: AnyObject, operator: string, path: string, value: unknown, changed: string[]): boolean {
  if (!isTopLevel(path)) return false;
  switch (operator) {
    case '$set': {
      const copy = cloneDocumentValue(value);
      if (!isEqual(document[path], copy)) {
        document[path] = copy;
        changed.push(path);
      }
      return true;
    }
    case '$unset':
      if (Object.prototype.hasOwnProperty.call(document, path)) {
        delete document[path];
        changed.push(path);
      }
      return true;
    case '$inc': {
      const current = document[path];
      if (current !== undefined && typeof current !== 'number') return false;
      const next = (current ?? 0) + (value as number);
      document[path] = next;
      if (next !== current) changed.push(path);
      return true;
    }
    case '$addToSet': {
      if (!isScalar(value) && value !== null) return false;
      const current = document[path];
      if (current === undefined) {
        document[path] = [value];
        changed.push(path);
      } else if (Array.isArray(current)) {
        const distinct = unique(current.concat([value]));
        if (distinct.length === current.length) return true;
        document[path] = cloneDocumentValue(distinct);
        changed.push(path);
      }
      return true;
    }
    case '$push': {
      if (!isScalar(value) && value !== null) return false;
      const current = document[path];
      if (current === undefined) document[path] = [value];
      else if (Array.isArray(current)) current.push(value);
      else return true;
      changed.push(path);
      return true;
    }
    case '$pull': {
      const current = document[path];
      // A scalar pulled from an array of scalars is plain equality; anything else is a query.
      if (!isScalar(value) || (Array.isArray(current) && !current.every(isScalar))) return false;
      if (!Array.isArray(current) || !current.includes(value)) return true;
      document[path] = current.filter((element) => element !== value);
      changed.push(path);
      return true;
    }
    default:
      return false;
  }
}

/**
 * Applies an already validated update's operators (not `$setOnInsert`) to a document in
 * place, returning the paths that changed, sorted. Conflicting paths were refused by
 * validation, which is the check mingo's `update()` wrapper adds (at the cost of rebuilding
 * its context on every call). Values are copied into the document, never shared with the update.
 */
export function applyUpdateOperators(document: Document | AnyObject, modifier: Omit<Update, '$setOnInsert'>): string[] {
  const target = document as AnyObject;
  const changed: string[] = [];
  for (const operator of Object.keys(modifier)) {
    const fields = (modifier as AnyObject)[operator] as AnyObject;
    let rest: AnyObject | undefined;
    for (const path of Object.keys(fields)) {
      if (applyDirect(target, operator, path, fields[path], changed)) continue;
      (rest ??= {})[path] = fields[path];
    }
    if (rest) changed.push(...MINGO_OPERATORS[operator as UpdateOperatorName](cloneDocumentValue(rest))(target));
  }
  return changed.length > 1 ? changed.sort() : changed;
}
