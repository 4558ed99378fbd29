/** Immutable ReadonlyMap updates. Maps rather than records: an id such as "__proto__" must stay an ordinary key. */
export const withEntry = <K, V>(map: ReadonlyMap<K, V>, key: K, value: V): ReadonlyMap<K, V> => new Map(map).set(key, value);

export const updateEntry = <K, V>(map: ReadonlyMap<K, V>, key: K, change: (value: V) => V): ReadonlyMap<K, V> => {
  const current = map.get(key);
  return current === undefined ? map : withEntry(map, key, change(current));
};
