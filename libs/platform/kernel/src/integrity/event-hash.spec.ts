import fc from 'fast-check';
import { canonicalJson, eventHashInput, GENESIS_HASH } from './event-hash';
import type { NewEvent } from '../envelope/event-envelope';

describe('canonicalJson', () => {
  it('sorts keys at every depth, drops undefined members and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: undefined, x: null }], c: 'é' } })).toBe('{"a":{"c":"é","d":[3,{"x":null,"z":1}]},"b":1}');
    expect(canonicalJson([undefined, 1])).toBe('[null,1]');
  });

  it('orders keys by UTF-16 code units and escapes like JSON', () => {
    expect(canonicalJson({ b: 1, B: 2, _: 3, ä: 4, aa: 5, a: 6, '10': 7, '9': 8, '': 9 })).toBe('{"":9,"10":7,"9":8,"B":2,"_":3,"a":6,"aa":5,"b":1,"ä":4}');
    expect(canonicalJson({ s: 'é\u0000"\\', n: -0, e: 1e21, nested: [[], {}, [undefined]] })).toBe('{"e":1e+21,"n":0,"nested":[[],{},[null]],"s":"é\\u0000\\"\\\\"}');
    expect(canonicalJson(JSON.parse('{"__proto__":{"x":1},"a":[1,{"c":2,"b":1}]}'))).toBe('{"__proto__":{"x":1},"a":[1,{"b":1,"c":2}]}');
  });

  it('refuses numbers JSON cannot carry, saying why', () => {
    for (const n of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) expect(() => canonicalJson({ n })).toThrow(TypeError);
    expect(() => canonicalJson([Number.NaN])).toThrow(/\S/);
  });

  it('is JSON.stringify of the value with its keys sorted at every depth, for any JSON value', () => {
    // The definition, written the slow, obvious way: the fast one must never drift from it.
    const sortedCopy = (value: unknown): unknown => {
      if (Array.isArray(value)) return value.map(sortedCopy);
      if (value === null || typeof value !== 'object') return value;
      return Object.fromEntries(
        Object.entries(value)
          .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
          .map(([key, member]) => [key, sortedCopy(member)]),
      );
    };
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        // Object.fromEntries puts integer-like keys first whatever the sort; compare members one by one then.
        const expected = JSON.stringify(sortedCopy(value));
        const actual = canonicalJson(value);
        expect(JSON.parse(actual)).toEqual(JSON.parse(expected));
        expect(actual.length).toBe(expected.length);
      }),
      { numRuns: 500 },
    );
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.integer()), (object) => {
        const keys = Object.keys(object).sort();
        expect(canonicalJson(object)).toBe(`{${keys.map((key) => `${JSON.stringify(key)}:${object[key]}`).join(',')}}`);
      }),
      { numRuns: 500 },
    );
  });

  it('writes what JSON cannot hold as null, as JSON.stringify does in an array', () => {
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson([() => 1, undefined])).toBe('[null,null]');
  });
});

describe('GENESIS_HASH', () => {
  it('is 64 zeros, the anchor every stored chain starts from (another value would break the verification of every store)', () => {
    expect(GENESIS_HASH).toBe('0000000000000000000000000000000000000000000000000000000000000000');
  });
});

describe('eventHashInput', () => {
  const event = { eventId: 'e1', type: 'T', schemaVersion: 1, tenantId: 't', occurredAt: '2026-01-01T00:00:00.000Z', actor: { id: 'u', kind: 'user' }, correlationId: 'c', causationId: 'c', data: { a: 1 }, metadata: {} } as NewEvent;

  it('changes with every disputable field and with the chain position', () => {
    const base = eventHashInput(GENESIS_HASH, 's', 1, event);
    expect(eventHashInput(GENESIS_HASH, 's', 2, event)).not.toBe(base);
    expect(eventHashInput('f'.repeat(64), 's', 1, event)).not.toBe(base);
    expect(eventHashInput(GENESIS_HASH, 's', 1, { ...event, actor: { id: 'v', kind: 'user' } })).not.toBe(base);
    expect(eventHashInput(GENESIS_HASH, 's', 1, { ...event, reason: 'x' })).not.toBe(base);
    expect(eventHashInput(GENESIS_HASH, 's', 1, { ...event, data: { a: 2 } })).not.toBe(base);
    // Key order of the payload does not matter.
    expect(eventHashInput(GENESIS_HASH, 's', 1, { ...event, data: { a: 1 } })).toBe(base);
  });

  it('is the canonical JSON of the covered fields, with or without the optional ones', () => {
    const covered = (previousHash: string, streamId: string, streamPosition: number, e: NewEvent) =>
      canonicalJson({
        previousHash, streamId, streamPosition, eventId: e.eventId, type: e.type, schemaVersion: e.schemaVersion, tenantId: e.tenantId, occurredAt: e.occurredAt,
        actor: e.actor, reason: e.reason, correlationId: e.correlationId, causationId: e.causationId, traceparent: e.traceparent, data: e.data, metadata: e.metadata,
      });
    const full = { ...event, reason: 'why "so"', traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01', data: { z: [1, { y: 'é' }], a: null }, metadata: { source: 'x' } };
    const bare = { ...event, metadata: undefined } as unknown as NewEvent;
    for (const e of [event, full, bare]) expect(eventHashInput('f'.repeat(64), 'team-1', 7, e)).toBe(covered('f'.repeat(64), 'team-1', 7, e));
    expect(eventHashInput(GENESIS_HASH, 's', 1, event)).toBe(
      `{"actor":{"id":"u","kind":"user"},"causationId":"c","correlationId":"c","data":{"a":1},"eventId":"e1","metadata":{},"occurredAt":"2026-01-01T00:00:00.000Z","previousHash":"${GENESIS_HASH}","schemaVersion":1,"streamId":"s","streamPosition":1,"tenantId":"t","type":"T"}`,
    );
  });
});
