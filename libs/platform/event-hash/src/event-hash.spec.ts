import { GENESIS_HASH, type NewEvent } from '@leerzone/kernel';
import { eventHash, sha256Hex } from './event-hash';

describe('eventHash', () => {
  const event = { eventId: 'e1', type: 'T', schemaVersion: 1, tenantId: 't', occurredAt: '2026-01-01T00:00:00.000Z', actor: { id: 'u', kind: 'user' }, correlationId: 'c', causationId: 'c', data: { a: 1 }, metadata: {} } as NewEvent;

  it('is SHA-256 hex of the kernel’s canonical input', () => {
    expect(sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
    const hash = eventHash(GENESIS_HASH, 's', 1, event);
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(eventHash(hash, 's', 2, event)).not.toBe(hash);
  });

  // A full envelope: every optional field set, nested data, non-empty metadata.
  const previousHash = 'a'.repeat(64);
  const full: NewEvent = {
    eventId: 'evt-0001',
    type: 'TeamRenamed',
    schemaVersion: 2,
    tenantId: 'acme',
    occurredAt: '2026-03-01T10:00:00.000Z',
    actor: { id: 'ada', kind: 'user' },
    reason: 'quarterly reshuffle',
    correlationId: 'req-3',
    causationId: 'cmd-7',
    traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
    data: { name: 'Team Noord', size: 2, members: ['ada', 'bob'] },
    metadata: { source: 'governance' },
  };

  it('pins the chain format with a known vector over a full envelope (computed outside this code base)', () => {
    // The vector was computed with Python's hashlib over
    // json.dumps({...all fields..., previousHash, streamId, streamPosition}, sort_keys=True, separators=(',', ':')).
    // Any change to what is hashed or how (a field left out, renamed, reordered, reformatted)
    // changes this hash, and every chain already stored would stop verifying.
    expect(eventHash(previousHash, 'team-noord', 7, full)).toBe('ae88fe1c6b316a92602ecbbccd1ec8fd6de815f2d414f9ff5d34e1f0bf187a3b');
  });

  it('changes when any one hashed field changes, and with the previous hash, stream and position', () => {
    const base = eventHash(previousHash, 'team-noord', 7, full);
    const edits: Record<keyof NewEvent, NewEvent> = {
      eventId: { ...full, eventId: 'evt-0002' },
      type: { ...full, type: 'TeamRenamedX' },
      schemaVersion: { ...full, schemaVersion: 3 },
      tenantId: { ...full, tenantId: 'acmf' },
      occurredAt: { ...full, occurredAt: '2026-03-01T10:00:00.001Z' },
      actor: { ...full, actor: { id: 'ada', kind: 'service' } },
      reason: { ...full, reason: undefined },
      correlationId: { ...full, correlationId: 'req-4' },
      causationId: { ...full, causationId: 'cmd-8' },
      traceparent: { ...full, traceparent: undefined },
      data: { ...full, data: { name: 'Team Noord', size: 3, members: ['ada', 'bob'] } },
      metadata: { ...full, metadata: {} },
    };
    const hashes = new Set([base]);
    for (const [field, edited] of Object.entries(edits)) {
      const hash = eventHash(previousHash, 'team-noord', 7, edited);
      expect({ field, changed: hash !== base }).toEqual({ field, changed: true });
      hashes.add(hash);
    }
    hashes.add(eventHash('b'.repeat(64), 'team-noord', 7, full));
    hashes.add(eventHash(previousHash, 'team-zuid', 7, full));
    hashes.add(eventHash(previousHash, 'team-noord', 8, full));
    expect(hashes.size).toBe(Object.keys(edits).length + 4);
  });
});
