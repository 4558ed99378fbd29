import { GENESIS_HASH, InvalidArgumentError, canonicalJson } from '@leerzone/kernel';
import { newEvent } from '@leerzone/kernel/testing';
import {
  assertNamespace,
  expectedStateFor,
  fromStreamName,
  normaliseConnectionString,
  readFromPosition,
  toEnvelopeMetadata,
  toKurrentEventId,
  toStoredEvent,
  toStreamName,
  versionFromRevision,
  type RecordedLike,
} from './kurrentdb-mapping';

const recorded = (overrides: Partial<RecordedLike> & { metadata: unknown }): RecordedLike => ({
  streamId: 'leerzone:team-1',
  id: '0190f0c4-6c1b-7000-8000-000000000001',
  revision: 0n,
  type: 'TeamCreated',
  data: { name: 'Noord' },
  isJson: true,
  position: { commit: 4096n, prepare: 4096n },
  ...overrides,
});

describe('KurrentDB mapping', () => {
  it('maps our version N to revision N-1, and 0 to no_stream', () => {
    expect(expectedStateFor(0)).toBe('no_stream');
    expect(expectedStateFor(1)).toBe(0n);
    expect(expectedStateFor(42)).toBe(41n);
    expect(versionFromRevision('no_stream')).toBe(0);
    expect(versionFromRevision(undefined)).toBe(0);
    expect(versionFromRevision(0n)).toBe(1);
    expect(versionFromRevision(41n)).toBe(42);
    expect(versionFromRevision('9')).toBe(10);
    expect(() => versionFromRevision(2n ** 60n)).toThrow(/exceeds/);
  });

  it('names streams inside a namespace and refuses names from another', () => {
    expect(toStreamName('leerzone', 'team-1')).toBe('leerzone:team-1');
    expect(fromStreamName('leerzone', 'leerzone:team:1')).toBe('team:1');
    expect(() => fromStreamName('leerzone', 'other:team-1')).toThrow(/namespace/);
    expect(() => assertNamespace('with:colon')).toThrow(InvalidArgumentError);
    expect(() => assertNamespace('')).toThrow(InvalidArgumentError);
    expect(() => assertNamespace('t-1a2b')).not.toThrow();
  });

  it('passes canonical UUIDs through and maps other ids to stable v5 UUIDs', () => {
    const v7 = '0190f0c4-6c1b-7000-8000-000000000001';
    expect(toKurrentEventId(v7)).toBe(v7);
    const mapped = toKurrentEventId('not-a-uuid-42');
    expect(mapped).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(toKurrentEventId('not-a-uuid-42')).toBe(mapped);
    expect(toKurrentEventId('not-a-uuid-43')).not.toBe(mapped);
    // Upper case is not how KurrentDB returns ids; map it rather than lose the original spelling.
    expect(toKurrentEventId(v7.toUpperCase())).not.toBe(v7.toUpperCase());
  });

  it('reads "after N" as an inclusive read from the record at N', () => {
    expect(readFromPosition(0)).toBe('start');
    expect(readFromPosition(4096)).toEqual({ commit: 4096n, prepare: 4096n });
  });

  it('round-trips the whole envelope through event metadata', () => {
    const event = newEvent({ reason: 'asked', traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01', metadata: { source: 'x' } });
    const metadata = toEnvelopeMetadata(event, 1, '2026-03-01T10:00:01.000Z', 'a'.repeat(64));
    expect(metadata).toMatchObject({ $correlationId: event.correlationId, $causationId: event.causationId, tenantId: 'tenant-a', streamPosition: 1 });
    // What the client sends is JSON; read it back as the server would return it.
    const stored = toStoredEvent('leerzone', recorded({ type: event.type, data: event.data, metadata: JSON.parse(JSON.stringify(metadata)) }));
    expect(stored).toEqual({ ...event, streamId: 'team-1', streamPosition: 1, globalPosition: 4096, recordedAt: '2026-03-01T10:00:01.000Z', hash: 'a'.repeat(64) });
  });

  it('omits absent optional fields instead of storing nulls', () => {
    const metadata = toEnvelopeMetadata(newEvent(), 3, '2026-03-01T10:00:01.000Z', GENESIS_HASH);
    expect(canonicalJson(metadata)).not.toContain('reason');
    expect(canonicalJson(metadata)).not.toContain('traceparent');
    const stored = toStoredEvent('leerzone', recorded({ revision: 2n, metadata }));
    expect(stored).not.toHaveProperty('reason');
    expect(stored).not.toHaveProperty('traceparent');
  });

  it('refuses events without our envelope, with a mismatched position, or without a log position', () => {
    expect(() => toStoredEvent('leerzone', recorded({ metadata: { some: 'thing' } }))).toThrow(/no Leerzone envelope/);
    const metadata = toEnvelopeMetadata(newEvent(), 1, '2026-03-01T10:00:01.000Z', GENESIS_HASH);
    expect(() => toStoredEvent('leerzone', recorded({ revision: 5n, metadata }))).toThrow(/stream position 1/);
    expect(() => toStoredEvent('leerzone', recorded({ metadata, position: undefined }))).toThrow(/log position/);
  });

  it('rewrites the deprecated esdb scheme', () => {
    expect(normaliseConnectionString('esdb://localhost:2113?tls=false')).toBe('kurrentdb://localhost:2113?tls=false');
    expect(normaliseConnectionString('esdb+discover://a:2113')).toBe('kurrentdb+discover://a:2113');
    expect(normaliseConnectionString('kurrentdb://a:2113')).toBe('kurrentdb://a:2113');
  });
});
