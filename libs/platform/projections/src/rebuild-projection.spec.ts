import { InMemoryProjectionStore } from '@leerzone/projection-store';
import { defineProjection } from './projection';
import { ProjectionError } from './projection.errors';
import { ProjectionRunner } from './projection-runner';
import { readModelChecksum } from './read-model-checksum';
import { rebuildProjection } from './rebuild-projection';
import { InMemoryEventStore, rosterEvents, teamRosterProjection } from './testing';

const appendAll = async (store: InMemoryEventStore, events: ReturnType<typeof rosterEvents>): Promise<void> => {
  for (const { streamId, event } of events) await store.append(streamId, [event], { expectedVersion: 'any' });
};

const incremental = async (events: InMemoryEventStore): Promise<{ store: InMemoryProjectionStore; sha256: string }> => {
  const store = new InMemoryProjectionStore();
  const runner = new ProjectionRunner({ eventStore: events, store, projections: [teamRosterProjection], batchSize: 1 });
  try {
    await runner.start();
  } finally {
    await runner.stop();
  }
  return { store, sha256: (await readModelChecksum(store, teamRosterProjection)).sha256 };
};

describe('rebuildProjection (writes folded per document)', () => {
  it('ends with the read model an event-by-event guarded run builds, in any batch size, whether or not it remembers what it wrote', async () => {
    const events = new InMemoryEventStore();
    // Few teams, many events: every batch deletes, re-creates and updates documents earlier batches wrote.
    await appendAll(events, rosterEvents(900, { teams: 9 }));
    const expected = await incremental(events);
    const counts = await readModelChecksum(expected.store, teamRosterProjection);
    expect(counts.collections['teams']!.documents).toBeGreaterThan(0);
    expect(counts.collections['memberships']!.documents).toBeGreaterThan(0);
    // 0: every batch reads its documents back; 20: the cache fills up part-way and batches read what it forgot.
    for (const [batchSize, cachedDocuments] of [[1, undefined], [7, undefined], [64, undefined], [1_000, undefined], [7, 0], [64, 0], [7, 20], [64, 20]] as const) {
      const store = new InMemoryProjectionStore();
      const result = await rebuildProjection({ eventStore: events, store, projection: teamRosterProjection, batchSize, ...(cachedDocuments !== undefined ? { cachedDocuments } : {}) });
      expect(result.events).toBe(900);
      expect((await readModelChecksum(store, teamRosterProjection)).sha256).toBe(expected.sha256);
      // Deleted documents are gone at once: no tombstone is left for a purge to find.
      for (const physical of await store.listCollections()) {
        if (physical.includes('__')) expect(await store.collection(physical).count({ _deleted: true })).toBe(0);
      }
    }
  });

  it('rebuilds over a previous generation and a runner continues from it as if it had run all along', async () => {
    const events = new InMemoryEventStore();
    await appendAll(events, rosterEvents(300, { teams: 6 }));
    const store = new InMemoryProjectionStore();
    await rebuildProjection({ eventStore: events, store, projection: teamRosterProjection, batchSize: 50 });
    await appendAll(events, rosterEvents(120, { teams: 6, seed: 3, prefix: 'later' }));
    const runner = new ProjectionRunner({ eventStore: events, store, projections: [teamRosterProjection], batchSize: 13 });
    try {
      await runner.start();
    } finally {
      await runner.stop();
    }
    expect((await readModelChecksum(store, teamRosterProjection)).sha256).toBe((await incremental(events)).sha256);
  });

  it('refuses a batch whose final documents break a unique index of the read model, and leaves no generation behind', async () => {
    const unique = defineProjection({
      name: 'test.unique-names',
      version: 1,
      collections: { teams: { indexes: [{ keys: { name: 1 }, unique: true }] } },
      handles: ['TeamCreated'],
      apply(event, write) {
        const data = event.data as { teamId: string };
        write.collection('teams').upsert(data.teamId, { $set: { name: 'same' } });
      },
    });
    const events = new InMemoryEventStore();
    await appendAll(events, rosterEvents(40, { teams: 4 }));
    const store = new InMemoryProjectionStore();
    const failed = rebuildProjection({ eventStore: events, store, projection: unique, batchSize: 10 });
    await expect(failed).rejects.toBeInstanceOf(ProjectionError);
    await expect(failed).rejects.toMatchObject({ code: 'PROJECTION.WRITE_CONFLICT' });
    expect((await store.listCollections()).filter((name) => /(^|\.)teams__v/.test(name))).toEqual([]);
  });
});
