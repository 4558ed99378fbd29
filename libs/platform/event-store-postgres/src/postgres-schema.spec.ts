import { InvalidArgumentError } from '@leerzone/kernel';
import { appendLockKey, assertSchemaName, notifyChannel, quoteIdentifier } from './postgres-schema';

describe('postgres schema naming', () => {
  it('accepts plain lower-case schema names and refuses anything that would need quoting tricks', () => {
    expect(() => assertSchemaName('event_store')).not.toThrow();
    expect(() => assertSchemaName('es_test_0a1b')).not.toThrow();
    for (const bad of ['', 'Events', '1abc', 'a-b', 'a"b', 'x'.repeat(64), 'public; drop table x']) {
      expect(() => assertSchemaName(bad)).toThrow(InvalidArgumentError);
    }
  });

  it('derives a distinct, stable 64-bit lock key and channel per schema', () => {
    const key = appendLockKey('event_store');
    expect(key).toBe(appendLockKey('event_store'));
    expect(key).not.toBe(appendLockKey('other'));
    const asBigInt = BigInt(key);
    expect(asBigInt >= -(2n ** 63n) && asBigInt < 2n ** 63n).toBe(true);
    expect(notifyChannel('event_store')).toMatch(/^leerzone_events_[0-9a-f]{16}$/);
    expect(notifyChannel('event_store')).not.toBe(notifyChannel('other'));
  });

  it('quotes identifiers', () => {
    expect(quoteIdentifier('a"b')).toBe('"a""b"');
  });
});
