/** Immutable updates of ReadonlyMap. Maps, not records: ids such as "__proto__" must not reach Object.prototype. */
export const withEntry = <K, V>(map: ReadonlyMap<K, V>, key: K, value: V): ReadonlyMap<K, V> => new Map(map).set(key, value);

export const withoutEntry = <K, V>(map: ReadonlyMap<K, V>, key: K): ReadonlyMap<K, V> => {
  const copy = new Map(map);
  copy.delete(key);
  return copy;
};

export const updateEntry = <K, V>(map: ReadonlyMap<K, V>, key: K, update: (value: V) => V): ReadonlyMap<K, V> => {
  const current = map.get(key);
  return current === undefined ? map : withEntry(map, key, update(current));
};
