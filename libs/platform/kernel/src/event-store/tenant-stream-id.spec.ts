import type { NewEvent } from '../envelope/event-envelope';
import { InMemoryEventStore } from '../testing/in-memory-event-store';
import { EventStoreClosedError } from './errors';
import type { EventStore, ReadStreamOptions } from './event-store.port';
import { assertStreamId } from './validation';
import { aggregateStreamId, legacyStreamIdOf, parseTenantStreamId, readTenantStream, tenantStreamId } from './tenant-stream-id';

const event = (tenantId: string, n = 1): NewEvent => ({
  eventId: `${tenantId}-${n}-${Math.random()}`,
  type: 'TeamCreated',
  schemaVersion: 1,
  tenantId,
  occurredAt: '2026-01-01T00:00:00.000Z',
  actor: { id: 'cora', kind: 'user' },
  correlationId: 'c',
  causationId: 'c',
  data: { n },
  metadata: {},
});

describe('tenant-scoped stream ids', () => {
  it('keep the prefix first and name the tenant with its length', () => {
    expect(tenantStreamId('team-', 'acme', '0193e1c2-aaaa')).toBe('team-4:acme:0193e1c2-aaaa');
    expect(parseTenantStreamId('team-4:acme:0193e1c2-aaaa')).toEqual({ prefix: 'team-', tenantId: 'acme', id: '0193e1c2-aaaa' });
    expect(legacyStreamIdOf('failure-learning-report-4:acme:r-1')).toBe('failure-learning-report-r-1');
    assertStreamId(tenantStreamId('assessment-maturity-', 'acme.eu:1', 't-1-anna'));
  });

  it("are what every domain's stream id function builds: two tenants' aggregates of one id are two streams", () => {
    expect(aggregateStreamId('team-', 'acme', 't-1')).toBe('team-4:acme:t-1');
    expect(aggregateStreamId('team-', 'globex', 't-1')).not.toBe(aggregateStreamId('team-', 'acme', 't-1'));
    expect(legacyStreamIdOf(aggregateStreamId('okr-objective-', 'acme', 'o-1'))).toBe('okr-objective-o-1');
  });

  it('never give two tenants the same stream, whatever separators their ids contain', () => {
    const pairs: [string, string][] = [
      ['a', 'b:c'],
      ['a:b', 'c'],
      ['a:1', 'b'],
      ['a', '1:b'],
      ['a-b', 'c'],
      ['a', 'b-c'],
      ['acme', 'x'],
      ['acm', 'e:x'],
    ];
    const ids = pairs.map(([tenant, id]) => tenantStreamId('team-', tenant, id));
    expect(new Set(ids).size).toBe(pairs.length);
    pairs.forEach(([tenantId, id], i) => expect(parseTenantStreamId(ids[i]!)).toEqual({ prefix: 'team-', tenantId, id }));
  });

  it('read no other stream id as scoped: legacy and tenant-named ids parse to null', () => {
    for (const streamId of ['team-0193e1c2-7c1e-7000-8000-000000000001', 'governance-settings-acme', 'team-9:acme:x', 'team-0:x', 'team-4:acme-x', 'audit-checkpoints']) {
      expect(parseTenantStreamId(streamId)).toBeNull();
    }
  });

  it('take tenant ids of any length, ten characters and more included', () => {
    for (const tenantId of ['acme-europe', 'a'.repeat(100), 'x'.repeat(200)]) {
      const streamId = tenantStreamId('team-', tenantId, 't-1');
      expect(parseTenantStreamId(streamId)).toEqual({ prefix: 'team-', tenantId, id: 't-1' });
    }
  });

  it('read an empty tenant id, and a scoped form not at the start of the id, as not scoped', () => {
    expect(parseTenantStreamId('team-0::x')).toBeNull();
    // `team-4:acm::x` one character in: the prefix must be the stream id's own start.
    expect(parseTenantStreamId('0team-4:acm::x')).toBeNull();
  });

  describe('readTenantStream', () => {
    const scoped = tenantStreamId('team-', 'acme', 't-1');

    it("reads a tenant's aggregate that does not exist as empty, under the scoped id", async () => {
      expect(await readTenantStream(new InMemoryEventStore(), scoped, 'acme')).toEqual({ streamId: scoped, events: [] });
    });

    it("never reads the caller's own legacy stream for another tenant's scoped id", async () => {
      const store = new InMemoryEventStore();
      await store.append('team-t-1', [event('acme')], { expectedVersion: 0 });
      const theirs = tenantStreamId('team-', 'globex', 't-1');
      expect(await readTenantStream(store, theirs, 'acme')).toEqual({ streamId: theirs, events: [] });
    });

    it("reads only the first event of another tenant's legacy stream, to learn whose it is", async () => {
      const store = new InMemoryEventStore();
      await store.append('team-t-1', [event('globex', 1), event('globex', 2), event('globex', 3)], { expectedVersion: 0 });
      const reads: [string, ReadStreamOptions | undefined][] = [];
      const spy: Pick<EventStore, 'readStream'> = {
        readStream: (streamId, options) => {
          reads.push([streamId, options]);
          return store.readStream(streamId, options);
        },
      };
      expect((await readTenantStream(spy, scoped, 'acme')).events).toEqual([]);
      expect(reads.filter(([streamId]) => streamId === 'team-t-1')).toEqual([['team-t-1', { maxCount: 1 }]]);
    });

    it('lets a failure other than a missing stream through', async () => {
      const store = new InMemoryEventStore();
      await store.close();
      await expect(readTenantStream(store, scoped, 'acme')).rejects.toBeInstanceOf(EventStoreClosedError);
    });

    it('reads the scoped stream when it exists', async () => {
      const store = new InMemoryEventStore();
      await store.append(scoped, [event('acme')], { expectedVersion: 0 });
      await store.append('team-t-1', [event('acme', 2)], { expectedVersion: 0 });
      const read = await readTenantStream(store, scoped, 'acme');
      expect(read.streamId).toBe(scoped);
      expect(read.events.map((e) => e.data)).toEqual([{ n: 1 }]);
    });

    it("falls back to the caller's own legacy global stream", async () => {
      const store = new InMemoryEventStore();
      await store.append('team-t-1', [event('acme', 1), event('acme', 2)], { expectedVersion: 0 });
      const read = await readTenantStream(store, scoped, 'acme');
      expect(read.streamId).toBe('team-t-1');
      expect(read.events.map((e) => e.streamPosition)).toEqual([1, 2]);
    });

    it("falls back to the caller's own `<prefix><tenant>-<id>` stream (tenant instruments), never to another tenant's that reads the same", async () => {
      const store = new InMemoryEventStore();
      // acme's instrument `eu-x`, written before ids were scoped; tenant `acme-eu`'s `x` would have had the same stream id.
      await store.append('assessment-instrument-acme-eu-x', [event('acme')], { expectedVersion: 0 });
      const own = await readTenantStream(store, tenantStreamId('assessment-instrument-', 'acme', 'eu-x'), 'acme');
      expect(own.streamId).toBe('assessment-instrument-acme-eu-x');
      expect(own.events).toHaveLength(1);
      const other = tenantStreamId('assessment-instrument-', 'acme-eu', 'x');
      expect(await readTenantStream(store, other, 'acme-eu')).toEqual({ streamId: other, events: [] });
    });

    it("never falls back to another tenant's legacy stream: it reads as absent, under the scoped id", async () => {
      const store = new InMemoryEventStore();
      await store.append('team-t-1', [event('globex')], { expectedVersion: 0 });
      expect(await readTenantStream(store, scoped, 'acme')).toEqual({ streamId: scoped, events: [] });
      expect(await readTenantStream(store, 'team-nobody', 'acme')).toEqual({ streamId: 'team-nobody', events: [] });
    });

    it("reads another tenant's scoped or unscoped stream as absent", async () => {
      const store = new InMemoryEventStore();
      await store.append(tenantStreamId('team-', 'globex', 't-1'), [event('globex')], { expectedVersion: 0 });
      await store.append('governance-settings-globex', [event('globex')], { expectedVersion: 0 });
      expect((await readTenantStream(store, tenantStreamId('team-', 'globex', 't-1'), 'acme')).events).toEqual([]);
      expect((await readTenantStream(store, 'governance-settings-globex', 'acme')).events).toEqual([]);
    });
  });
});
