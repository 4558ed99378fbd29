import { invalidArgument } from './projection-store.errors';
import type { Document, Filter, FindOptions, IndexSpec, SortSpec, SummariseOptions, Update } from './projection-store.port';

// Shared by every adapter so all of them accept the same language and reject the rest with
// the same codes and fields. The lists are what FerretDB 1.24 evaluates like MongoDB.

export const QUERY_OPERATORS: ReadonlySet<string> = new Set([
  '$eq', '$ne', '$gt', '$gte', '$lt', '$lte', '$in', '$nin', '$exists', '$not', '$regex', '$options', '$size', '$all', '$elemMatch',
]);
export const LOGICAL_OPERATORS: ReadonlySet<string> = new Set(['$and', '$or', '$nor']);
export const UPDATE_OPERATORS: ReadonlySet<string> = new Set([
  '$set', '$setOnInsert', '$unset', '$inc', '$min', '$max', '$push', '$addToSet', '$pull',
]);

export const MAX_PAGE_SIZE = 10_000;
export const MAX_SUMMED_FIELDS = 16;
const COLLECTION_NAME = /^[A-Za-z0-9_][A-Za-z0-9_.-]{0,119}$/;
const MAX_DEPTH = 32;

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date) && !(value instanceof RegExp);

export function assertCollectionName(name: unknown): asserts name is string {
  if (typeof name !== 'string' || !COLLECTION_NAME.test(name) || name.includes('..') || name.startsWith('system.')) {
    throw invalidArgument('collection', 'A collection name is 1-120 letters, digits, _ . - and does not start with system.');
  }
}

// Non-empty dot-separated parts, none starting with $.
const FIELD_PATH = /^[^.$][^.]*(\.[^.$][^.]*)*$/;

const assertFieldPath = (path: string, field: string): void => {
  if (!FIELD_PATH.test(path)) {
    throw invalidArgument(field, `"${path}" is not a field path.`);
  }
};

/** Plain data only: no `$`-prefixed or dotted keys at any depth (they could not be queried alike everywhere). */
const assertPlainValue = (value: unknown, field: string, depth = 0): void => {
  if (depth > MAX_DEPTH) throw invalidArgument(field, 'Value is nested too deeply.');
  if (Array.isArray(value)) {
    return value.forEach((item, i) => {
      // FerretDB 1.24 refuses them; wrap the inner array in an object instead.
      if (Array.isArray(item)) throw invalidArgument(`${field}[${i}]`, 'Arrays directly inside arrays are not supported; wrap the inner array in an object.');
      assertPlainValue(item, `${field}[${i}]`, depth + 1);
    });
  }
  if (isPlainObject(value)) {
    for (const [key, inner] of Object.entries(value)) {
      if (key.startsWith('$') || key.includes('.') || key.length === 0) {
        throw invalidArgument(`${field}.${key}`, `"${key}" cannot be a key inside a value: keys may not be empty, start with $ or contain a dot.`);
      }
      assertPlainValue(inner, `${field}.${key}`, depth + 1);
    }
    return;
  }
  if (typeof value === 'function' || typeof value === 'symbol' || typeof value === 'bigint') {
    throw invalidArgument(field, 'Only JSON-like values can be stored or compared.');
  }
  if (typeof value === 'number' && !Number.isFinite(value)) throw invalidArgument(field, 'Numbers must be finite.');
};

const isOperatorExpression = (value: unknown): value is Record<string, unknown> =>
  isPlainObject(value) && Object.keys(value).length > 0 && Object.keys(value).every((key) => key.startsWith('$'));

const assertOperatorExpression = (expression: Record<string, unknown>, field: string, depth: number): void => {
  for (const [operator, operand] of Object.entries(expression)) {
    const at = `${field}.${operator}`;
    if (!QUERY_OPERATORS.has(operator)) throw invalidArgument(at, `Query operator ${operator} is not supported.`);
    switch (operator) {
      case '$in':
      case '$nin':
      case '$all':
        if (!Array.isArray(operand)) throw invalidArgument(at, `${operator} takes an array.`);
        operand.forEach((item, i) => assertPlainValue(item, `${at}[${i}]`, depth + 1));
        break;
      case '$exists':
        if (typeof operand !== 'boolean') throw invalidArgument(at, '$exists takes true or false.');
        break;
      case '$size':
        if (typeof operand !== 'number' || !Number.isSafeInteger(operand) || operand < 0) throw invalidArgument(at, '$size takes a non-negative integer.');
        break;
      case '$regex':
        if (typeof operand !== 'string' && !(operand instanceof RegExp)) throw invalidArgument(at, '$regex takes a string.');
        break;
      case '$options':
        if (typeof operand !== 'string' || !/^[imsx]*$/.test(operand)) throw invalidArgument(at, '$options takes some of i, m, s, x.');
        if (!('$regex' in expression)) throw invalidArgument(at, '$options needs $regex.');
        break;
      case '$not':
        if (!isOperatorExpression(operand)) throw invalidArgument(at, '$not takes an operator expression.');
        assertOperatorExpression(operand, at, depth + 1);
        break;
      case '$elemMatch':
        // Only the operator form: FerretDB 1.24 rejects $elemMatch with a document filter.
        if (!isOperatorExpression(operand)) throw invalidArgument(at, '$elemMatch takes an operator expression such as { $gt: 2 }; match fields of array elements with a dotted path.');
        assertOperatorExpression(operand, at, depth + 1);
        break;
      default:
        assertPlainValue(operand, at, depth + 1);
    }
  }
};

export function assertFilter(filter: unknown, field = 'filter', depth = 0): asserts filter is Filter {
  if (depth > MAX_DEPTH) throw invalidArgument(field, 'Filter is nested too deeply.');
  if (!isPlainObject(filter)) throw invalidArgument(field, 'A filter is an object.');
  for (const [key, value] of Object.entries(filter)) {
    const at = `${field}.${key}`;
    if (key.startsWith('$')) {
      if (!LOGICAL_OPERATORS.has(key)) throw invalidArgument(at, `Query operator ${key} is not supported here.`);
      if (!Array.isArray(value) || value.length === 0) throw invalidArgument(at, `${key} takes a non-empty array of filters.`);
      value.forEach((inner, i) => assertFilter(inner, `${at}[${i}]`, depth + 1));
      continue;
    }
    assertFieldPath(key, at);
    if (isOperatorExpression(value)) assertOperatorExpression(value, at, depth + 1);
    else if (value instanceof RegExp) continue;
    else assertPlainValue(value, at, depth + 1);
  }
}

/** Validates an update and returns every field path it touches (for conflict checks). */
export function assertUpdate(update: unknown, field = 'update'): asserts update is Update {
  if (!isPlainObject(update) || Object.keys(update).length === 0) throw invalidArgument(field, 'An update is a non-empty object of update operators.');
  const paths: string[] = [];
  for (const [operator, fields] of Object.entries(update)) {
    const at = `${field}.${operator}`;
    if (!UPDATE_OPERATORS.has(operator)) {
      throw invalidArgument(at, operator.startsWith('$') ? `Update operator ${operator} is not supported.` : 'Use update operators ($set, $inc, …); to replace a document use replaceOne.');
    }
    if (!isPlainObject(fields) || Object.keys(fields).length === 0) throw invalidArgument(at, `${operator} takes a non-empty object of field paths.`);
    for (const [path, value] of Object.entries(fields)) {
      assertFieldPath(path, `${at}.${path}`);
      if (path === '_id' || path.startsWith('_id.')) throw invalidArgument(`${at}._id`, 'The _id of a document cannot change.');
      if (operator === '$inc' && (typeof value !== 'number' || !Number.isFinite(value))) throw invalidArgument(`${at}.${path}`, '$inc takes a number.');
      if (operator === '$pull') {
        if (isOperatorExpression(value)) assertOperatorExpression(value, `${at}.${path}`, 1);
        else assertPlainValue(value, `${at}.${path}`);
      } else if ((operator === '$push' || operator === '$addToSet') && isPlainObject(value) && '$each' in value) {
        if (Object.keys(value).length !== 1 || !Array.isArray(value['$each'])) throw invalidArgument(`${at}.${path}`, `${operator} supports only { $each: [...] }.`);
        assertPlainValue(value['$each'], `${at}.${path}.$each`);
      } else if (operator !== '$unset') {
        assertPlainValue(value, `${at}.${path}`);
      }
      paths.push(path);
    }
  }
  const sorted = [...paths].sort();
  for (let i = 1; i < sorted.length; i++) {
    if (sorted[i] === sorted[i - 1] || sorted[i]!.startsWith(`${sorted[i - 1]}.`)) {
      throw invalidArgument(`${field}.${sorted[i]}`, `Updating ${sorted[i]} and ${sorted[i - 1]} in one update would conflict.`);
    }
  }
}

export function assertDocument(document: unknown, field = 'document'): asserts document is Document {
  if (!isPlainObject(document)) throw invalidArgument(field, 'A document is an object.');
  if (typeof document['_id'] !== 'string' || document['_id'].length === 0) throw invalidArgument(`${field}._id`, 'Every document needs a non-empty string _id.');
  assertPlainValue(document, field);
}

/** The string `_id` an upsert's filter pins, or a clear error. */
export function upsertId(filter: Filter, field = 'filter'): string {
  const id = filter['_id'];
  if (typeof id === 'string' && id.length > 0) return id;
  if (isPlainObject(id) && typeof id['$eq'] === 'string' && Object.keys(id).length === 1) return id['$eq'];
  throw invalidArgument(`${field}._id`, 'An upsert needs the string _id of the document in its filter.');
}

/** The fields an upsert's new document takes from its filter: top-level equality conditions, as MongoDB does. */
export function equalityFields(filter: Filter): Record<string, unknown> {
  const seed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(filter)) {
    if (key.startsWith('$')) continue;
    if (isOperatorExpression(value)) {
      if ('$eq' in value && Object.keys(value).length === 1) seed[key] = value['$eq'];
    } else if (!(value instanceof RegExp)) {
      seed[key] = value;
    }
  }
  return seed;
}

export function assertSort(sort: unknown, field = 'sort'): asserts sort is SortSpec {
  if (!isPlainObject(sort)) throw invalidArgument(field, 'sort is an object of field → 1 or -1.');
  const entries = Object.entries(sort);
  if (entries.length > 8) throw invalidArgument(field, 'At most 8 sort fields.');
  for (const [path, direction] of entries) {
    assertFieldPath(path, `${field}.${path}`);
    if (direction !== 1 && direction !== -1) throw invalidArgument(`${field}.${path}`, 'A sort direction is 1 or -1.');
  }
}

export function normaliseFind(options: FindOptions = {}): { sort: SortSpec; limit?: number; after?: string } {
  const sort = options.sort ?? {};
  assertSort(sort);
  if (options.limit !== undefined && (!Number.isSafeInteger(options.limit) || options.limit < 1 || options.limit > MAX_PAGE_SIZE)) {
    throw invalidArgument('limit', `limit must be an integer from 1 to ${MAX_PAGE_SIZE}, got ${String(options.limit)}.`);
  }
  if (options.after !== undefined && (typeof options.after !== 'string' || options.after.length === 0)) {
    throw invalidArgument('after', 'after is the `next` cursor of a previous page.');
  }
  // _id last makes the order total, which cursor pagination needs.
  const total: Record<string, 1 | -1> = { ...sort };
  if (!('_id' in total)) total['_id'] = 1;
  return { sort: total, ...(options.limit !== undefined ? { limit: options.limit } : {}), ...(options.after !== undefined ? { after: options.after } : {}) };
}

const SUMMARISE_OPTIONS: ReadonlySet<string> = new Set(['groupBy', 'sum']);

export function assertSummariseOptions(options: unknown): asserts options is SummariseOptions {
  if (!isPlainObject(options)) throw invalidArgument('options', 'summarise takes { groupBy, sum }.');
  for (const key of Object.keys(options)) {
    if (!SUMMARISE_OPTIONS.has(key)) throw invalidArgument(key, `summarise has no option ${key} (it takes groupBy and sum).`);
  }
  const { groupBy, sum } = options;
  if (typeof groupBy !== 'string') throw invalidArgument('groupBy', 'groupBy is the field path to group by.');
  assertFieldPath(groupBy, 'groupBy');
  if (sum === undefined) return;
  if (!Array.isArray(sum) || sum.length > MAX_SUMMED_FIELDS) throw invalidArgument('sum', `sum is a list of at most ${MAX_SUMMED_FIELDS} field paths.`);
  sum.forEach((path: unknown, i) => {
    if (typeof path !== 'string') throw invalidArgument(`sum[${i}]`, 'A summed field is a field path.');
    assertFieldPath(path, `sum[${i}]`);
    if (sum.indexOf(path) !== i) throw invalidArgument(`sum[${i}]`, `${path} is summed twice.`);
  });
}

export function assertIndexSpec(spec: unknown): asserts spec is IndexSpec {
  if (!isPlainObject(spec) || !isPlainObject(spec['keys']) || Object.keys(spec['keys']).length === 0) {
    throw invalidArgument('keys', 'An index needs at least one key.');
  }
  assertSort(spec['keys'], 'keys');
  if (spec['unique'] !== undefined && typeof spec['unique'] !== 'boolean') throw invalidArgument('unique', 'unique is true or false.');
  if (spec['name'] !== undefined && (typeof spec['name'] !== 'string' || !/^[A-Za-z0-9_.-]{1,120}$/.test(spec['name']))) {
    throw invalidArgument('name', 'An index name is 1-120 letters, digits, _ . -');
  }
}

export const indexName = (spec: IndexSpec): string => spec.name ?? Object.entries(spec.keys).map(([key, direction]) => `${key}_${direction}`).join('_');
