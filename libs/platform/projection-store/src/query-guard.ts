import { InvalidQueryError } from './projection-store.errors';
import type { Filter, SortSpec } from './projection-store.port';

/**
 * Turns user input (query strings, request bodies) into a filter without letting the user
 * write MongoDB: only the fields a read model declares, only the operators it allows for
 * them, only scalar values of the declared type. A `$` anywhere in the input is refused, so
 * `?name[$ne]=x` or `{"_id": {"$gt": ""}}` can never reach the store.
 */

export type QueryFieldType = 'string' | 'number' | 'boolean' | 'instant';
export type QueryOperator = 'eq' | 'ne' | 'in' | 'nin' | 'gt' | 'gte' | 'lt' | 'lte' | 'prefix';

export interface QueryField {
  readonly type: QueryFieldType;
  /** Default: eq/ne/in/nin, plus prefix for strings and gt/gte/lt/lte for numbers and instants. */
  readonly operators?: readonly QueryOperator[];
  /** The document path, when it differs from the public name (e.g. `owner` → `owner.id`). */
  readonly path?: string;
}

export type QuerySchema = Readonly<Record<string, QueryField>>;
export type Scalar = string | number | boolean;

const MAX_STRING = 1_000;
const MAX_LIST = 100;
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;
const NUMBER = /^-?\d+(\.\d+)?$/;

const DEFAULT_OPERATORS: Record<QueryFieldType, readonly QueryOperator[]> = {
  string: ['eq', 'ne', 'in', 'nin', 'prefix'],
  number: ['eq', 'ne', 'in', 'nin', 'gt', 'gte', 'lt', 'lte'],
  instant: ['eq', 'ne', 'in', 'nin', 'gt', 'gte', 'lt', 'lte'],
  boolean: ['eq', 'ne'],
};

const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One value from user input, checked to be a scalar of `type` (numbers and booleans may
 * arrive as strings from a query string). Use it for path parameters too: `{ _id: safeScalar(id, 'id') }`.
 */
export function safeScalar(value: unknown, field: string, type: QueryFieldType = 'string'): Scalar {
  switch (type) {
    case 'string':
      if (typeof value !== 'string') throw new InvalidQueryError(field, `${field} must be a string.`);
      if (value.length > MAX_STRING) throw new InvalidQueryError(field, `${field} is longer than ${MAX_STRING} characters.`);
      return value;
    case 'instant':
      if (typeof value !== 'string' || !ISO_INSTANT.test(value)) throw new InvalidQueryError(field, `${field} must be an ISO-8601 instant in UTC.`);
      return value;
    case 'number': {
      const number = typeof value === 'string' && NUMBER.test(value) ? Number(value) : value;
      if (typeof number !== 'number' || !Number.isFinite(number)) throw new InvalidQueryError(field, `${field} must be a number.`);
      return number;
    }
    case 'boolean':
      if (value === 'true' || value === true) return true;
      if (value === 'false' || value === false) return false;
      throw new InvalidQueryError(field, `${field} must be true or false.`);
  }
}

const isPlainObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** `{ status: 'open', score: { gte: 3 }, name: { prefix: 'Te' }, team: { in: ['a', 'b'] } }` → a MongoDB filter. */
export function buildSafeFilter(input: unknown, schema: QuerySchema): Filter {
  if (input === undefined || input === null) return {};
  if (!isPlainObject(input)) throw new InvalidQueryError('filter', 'A filter is an object of field → value or { operator: value }.');
  const conditions: Record<string, unknown>[] = [];
  for (const [name, raw] of Object.entries(input)) {
    if (name.startsWith('$')) throw new InvalidQueryError(name, 'Query operators are not accepted from users.');
    const rule = Object.prototype.hasOwnProperty.call(schema, name) ? schema[name] : undefined;
    if (!rule) throw new InvalidQueryError(name, `${name} is not a field you can filter on (allowed: ${Object.keys(schema).join(', ') || 'none'}).`);
    const path = rule.path ?? name;
    const allowed = rule.operators ?? DEFAULT_OPERATORS[rule.type];
    const expression: Record<string, unknown> = isPlainObject(raw) ? raw : { eq: raw };
    if (Object.keys(expression).length === 0) throw new InvalidQueryError(name, `${name} needs a value.`);
    for (const [operator, operand] of Object.entries(expression)) {
      const field = `${name}.${operator}`;
      if (operator.startsWith('$')) throw new InvalidQueryError(field, 'Query operators are written without $ and only the documented ones are accepted.');
      if (!(allowed as readonly string[]).includes(operator)) throw new InvalidQueryError(field, `${operator} is not allowed on ${name} (allowed: ${allowed.join(', ')}).`);
      switch (operator as QueryOperator) {
        case 'in':
        case 'nin': {
          const list = typeof operand === 'string' ? operand.split(',') : operand;
          if (!Array.isArray(list) || list.length === 0 || list.length > MAX_LIST) throw new InvalidQueryError(field, `${operator} takes 1 to ${MAX_LIST} values.`);
          conditions.push({ [path]: { [`$${operator}`]: list.map((item, i) => safeScalar(item, `${field}[${i}]`, rule.type)) } });
          break;
        }
        case 'prefix':
          conditions.push({ [path]: { $regex: `^${escapeRegex(String(safeScalar(operand, field, 'string')))}` } });
          break;
        default:
          conditions.push({ [path]: { [`$${operator}`]: safeScalar(operand, field, rule.type) } });
      }
    }
  }
  if (conditions.length === 0) return {};
  return conditions.length === 1 ? conditions[0]! : { $and: conditions };
}

/** `"name,-score"` or `['name', '-score']` → `{ name: 1, score: -1 }`, only over `allowed` fields. */
export function buildSafeSort(input: unknown, allowed: readonly string[]): SortSpec {
  if (input === undefined || input === null || input === '') return {};
  const parts = typeof input === 'string' ? input.split(',') : input;
  if (!Array.isArray(parts) || parts.length > 8) throw new InvalidQueryError('sort', 'sort is a comma-separated list of at most 8 fields, each optionally prefixed by -.');
  const sort: Record<string, 1 | -1> = {};
  for (const part of parts) {
    if (typeof part !== 'string') throw new InvalidQueryError('sort', 'sort fields are strings.');
    const descending = part.startsWith('-');
    const name = descending ? part.slice(1) : part;
    if (!allowed.includes(name)) throw new InvalidQueryError('sort', `Cannot sort by ${name} (allowed: ${allowed.join(', ')}).`);
    sort[name] = descending ? -1 : 1;
  }
  return sort;
}
