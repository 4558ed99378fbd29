import { InMemoryProjectionStore } from '@leerzone/projection-store';
import { ProjectionRunner } from './projection-runner';
import { readModelChecksum } from './read-model-checksum';
import { rebuildProjection } from './rebuild-projection';
import { InMemoryEventStore, rosterEvents, teamRosterProjection } from './testing';

const appendAll = async (store: InMemoryEventStore, events: ReturnType<typeof rosterEvents>): Promise<void> => {
  for (const { streamId, event } of events) await store.append(streamId, [event], { expectedVersion: 'any' });
};

describe('ProjectionRunner', () => {
  let runner: ProjectionRunner | undefined;
  afterEach(async () => {
    await runner?.stop();
    runner = undefined;
  });

  it('catches up on history, then follows live events; start resolves when caught up', async () => {
    const events = new InMemoryEventStore();
    const store = new InMemoryProjectionStore();
    await events.append('team-1', [rosterEvents(1)[0]!.event], { expectedVersion: 'any' });
    runner = new ProjectionRunner({ eventStore: events, store, projections: [teamRosterProjection] });
    await runner.start();
    const teams = runner.readModels.collection('test.team-roster', 'teams');
    expect(await teams.findOne({ _id: 'team-1' })).toBeNull();
    const first = await teams.find({});
    expect(first.items).toHaveLength(1);
    expect(first.items[0]).toMatchObject({ name: expect.stringMatching(/^Team /), archived: false, incarnation: 1, memberIds: [] });
    expect(first.items[0]).not.toHaveProperty('_position');

    const later = await events.append(
      'team-x',
      [{ ...rosterEvents(1)[0]!.event, eventId: 'live-1', data: { teamId: 'team-x', name: 'Live team' } }],
      { expectedVersion: 'any' },
    );
    await runner.waitForPosition(later.lastGlobalPosition);
    expect(await teams.findOne({ _id: 'team-x' })).toMatchObject({ name: 'Live team' });
    const [status] = await runner.status();
    expect(status).toMatchObject({ name: 'test.team-roster', state: 'live', position: 2, head: 2, lag: 0 });
  });

  it('builds the same read model incrementally as a full rebuild does', async () => {
    const events = new InMemoryEventStore();
    await appendAll(events, rosterEvents(2_000, { teams: 30 }));
    const store = new InMemoryProjectionStore();
    runner = new ProjectionRunner({ eventStore: events, store, projections: [teamRosterProjection], batchSize: 37 });
    await runner.start();
    const rebuilt = new InMemoryProjectionStore();
    await rebuildProjection({ eventStore: events, store: rebuilt, projection: teamRosterProjection });
    const incremental = await readModelChecksum(store, teamRosterProjection);
    const full = await readModelChecksum(rebuilt, teamRosterProjection);
    expect(incremental.sha256).toBe(full.sha256);
    expect(incremental.collections['teams']!.documents).toBeGreaterThan(0);
    expect(incremental.collections['memberships']!.documents).toBeGreaterThan(0);
  });
});
