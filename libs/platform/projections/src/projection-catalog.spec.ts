import { InMemoryProjectionStore } from '@leerzone/projection-store';
import { ProjectionCatalog } from './projection-catalog';
import { readModelChecksum } from './read-model-checksum';
import { rebuildProjection } from './rebuild-projection';
import { InMemoryEventStore, rosterEvents, teamRosterProjection } from './testing';

// Two services' projections with the same logical collections (`teams`, …) in one store, as in standalone.
const otherServicesRoster = { ...teamRosterProjection, name: 'other.team-roster' };
const frozenClock = () => new Date('2026-12-01T12:00:00.000Z');

describe('generations of projections that share logical collection names in one store', () => {
  it('never share a physical collection, even when made in the same millisecond, and dropping one’s stale generations leaves the other’s', async () => {
    const events = new InMemoryEventStore();
    for (const { streamId, event } of rosterEvents(60, { teams: 3 })) await events.append(streamId, [event], { expectedVersion: 'any' });
    const store = new InMemoryProjectionStore();
    const ours = await rebuildProjection({ eventStore: events, store, projection: teamRosterProjection, clock: frozenClock });
    const theirs = await rebuildProjection({ eventStore: events, store, projection: otherServicesRoster, clock: frozenClock });
    expect(ours.generation).toBe(theirs.generation);
    const catalog = new ProjectionCatalog(store);
    const [oursNow, theirsNow] = [await catalog.pointer(teamRosterProjection.name), await catalog.pointer(otherServicesRoster.name)];
    expect(oursNow!.collections['teams']).not.toBe(theirsNow!.collections['teams']);
    const before = await readModelChecksum(store, otherServicesRoster);

    // A legacy, unqualified generation the other projection still reads: not ours to drop.
    await store.collection('teams__v1_1').insertOne({ _id: 'legacy' });
    await store.collection('leerzone_projections').updateOne({ _id: otherServicesRoster.name }, { $set: { previous: { generation: 'v1_1', collections: { teams: 'teams__v1_1' } } } });
    await store.collection('teams__v1_2').insertOne({ _id: 'nobody reads this' });

    const dropped = await catalog.dropStaleGenerations(teamRosterProjection);
    expect(dropped).toEqual(['teams__v1_2']);
    expect(await store.listCollections()).toEqual(expect.arrayContaining([theirsNow!.collections['teams'], 'teams__v1_1']));
    expect((await readModelChecksum(store, otherServicesRoster)).sha256).toBe(before.sha256);
    expect(before.collections['teams']!.documents).toBeGreaterThan(0);
  });
});
