import { describe, expect, it } from '@jest/globals';
import { updateEntry, withEntry } from './maps';

describe('immutable map updates', () => {
  it('sets an entry on a copy, leaving the original as it was', () => {
    const before: ReadonlyMap<string, number> = new Map([['a', 1]]);
    const after = withEntry(before, '__proto__', 2);
    expect([...after]).toEqual([['a', 1], ['__proto__', 2]]);
    expect([...before]).toEqual([['a', 1]]);
  });

  it('changes an entry that exists, and leaves the map alone for a key it does not hold', () => {
    const map: ReadonlyMap<string, number> = new Map([['a', 1]]);
    expect([...updateEntry(map, 'a', (n) => n + 1)]).toEqual([['a', 2]]);
    const calls: unknown[] = [];
    const same = updateEntry(map, 'b', (n) => {
      calls.push(n);
      return n + 1;
    });
    expect(same).toBe(map);
    expect(calls).toEqual([]);
  });
});
