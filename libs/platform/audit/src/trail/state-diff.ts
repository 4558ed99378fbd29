/** State as plain JSON: Maps become objects (keys sorted), Sets arrays, Dates ISO strings, undefined dropped. */
export function toPlainJson(value: unknown): unknown {
  if (value === undefined || value === null || typeof value !== 'object') return typeof value === 'bigint' ? value.toString() : value;
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Map) {
    return Object.fromEntries([...value.entries()].map(([k, v]) => [String(k), toPlainJson(v)] as const).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }
  if (value instanceof Set) return [...value].map(toPlainJson);
  if (Array.isArray(value)) return value.map((item) => (item === undefined ? null : toPlainJson(item)));
  return Object.fromEntries(
    Object.entries(value as Record<string, unknown>)
      .filter(([, member]) => member !== undefined && typeof member !== 'function')
      .map(([key, member]) => [key, toPlainJson(member)]),
  );
}

export interface StateChange {
  /** JSON pointer style path: `/members/ada/role`; `` for the whole state. */
  readonly path: string;
  readonly kind: 'added' | 'removed' | 'changed';
  readonly before?: unknown;
  readonly after?: unknown;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const escape = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

/** The leaf-level differences between two plain JSON values, in key order. */
export function diffJson(before: unknown, after: unknown, path = ''): StateChange[] {
  if (isObject(before) && isObject(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
    return keys.flatMap((key) => {
      const at = `${path}/${escape(key)}`;
      if (!(key in after)) return [{ path: at, kind: 'removed' as const, before: before[key] }];
      if (!(key in before)) return [{ path: at, kind: 'added' as const, after: after[key] }];
      return diffJson(before[key], after[key], at);
    });
  }
  if (Array.isArray(before) && Array.isArray(after)) {
    const length = Math.max(before.length, after.length);
    return Array.from({ length }, (_, i) => {
      const at = `${path}/${i}`;
      if (i >= after.length) return [{ path: at, kind: 'removed' as const, before: before[i] }];
      if (i >= before.length) return [{ path: at, kind: 'added' as const, after: after[i] }];
      return diffJson(before[i], after[i], at);
    }).flat();
  }
  return JSON.stringify(before) === JSON.stringify(after) ? [] : [{ path, kind: 'changed', before, after }];
}
