/** Immutable map updates for state; Maps, so ids like "__proto__" never reach Object.prototype. */
export const setEntry = <K, V>(map: ReadonlyMap<K, V>, key: K, value: V): ReadonlyMap<K, V> => new Map(map).set(key, value);

export function changeEntry<K, V>(map: ReadonlyMap<K, V>, key: K, change: (value: V) => V): ReadonlyMap<K, V> {
  const value = map.get(key);
  return value === undefined ? map : setEntry(map, key, change(value));
}
