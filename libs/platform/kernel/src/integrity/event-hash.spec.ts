import { canonicalJson, eventHashInput, GENESIS_HASH } from './event-hash';
import type { NewEvent } from '../envelope/event-envelope';

describe('canonicalJson', () => {
  it('sorts keys at every depth, drops undefined members and keeps array order', () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: undefined, x: null }], c: 'é' } })).toBe('{"a":{"c":"é","d":[3,{"x":null,"z":1}]},"b":1}');
    expect(canonicalJson([undefined, 1])).toBe('[null,1]');
  });

  it('refuses numbers JSON cannot carry', () => {
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(TypeError);
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
});
