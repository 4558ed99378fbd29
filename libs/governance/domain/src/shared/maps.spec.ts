import { describe, expect, it, jest } from '@jest/globals';
import { updateEntry, withEntry, withoutEntry } from './maps';

describe('immutable map updates', () => {
  const map: ReadonlyMap<string, number> = new Map([['a', 1]]);

  it('adds and removes entries in a copy, leaving the original alone', () => {
    expect([...withEntry(map, 'b', 2)]).toEqual([['a', 1], ['b', 2]]);
    expect([...withoutEntry(map, 'a')]).toEqual([]);
    expect([...map]).toEqual([['a', 1]]);
  });

  it('updates an existing entry from its current value', () => {
    expect([...updateEntry(map, 'a', (n) => n + 10)]).toEqual([['a', 11]]);
    expect([...map]).toEqual([['a', 1]]);
  });

  it('leaves the map as it is when the key is missing, without calling the update', () => {
    const update = jest.fn((n: number) => n + 10);
    expect(updateEntry(map, 'missing', update)).toBe(map);
    expect(update).not.toHaveBeenCalled();
  });
});
