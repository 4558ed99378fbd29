import { GENESIS_HASH, type NewEvent } from '@leerzone/kernel';
import { eventHash, sha256Hex } from './event-hash';

describe('eventHash', () => {
  const event = { eventId: 'e1', type: 'T', schemaVersion: 1, tenantId: 't', occurredAt: '2026-01-01T00:00:00.000Z', actor: { id: 'u', kind: 'user' }, correlationId: 'c', causationId: 'c', data: { a: 1 }, metadata: {} } as NewEvent;

  it('is SHA-256 hex of the kernel’s canonical input (a known vector pins the format)', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const hash = eventHash(GENESIS_HASH, 's', 1, event);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(eventHash(hash, 's', 2, event)).not.toBe(hash);
  });
});
