import { Module } from '@nestjs/common';
import type { NewEvent, StoredEvent } from '@leerzone/kernel';
import { BusConsumers, ProjectionsHost } from '@leerzone/nest-platform';
import { expectStatus, startServiceTestApp, type Caller, type ServiceTestApp } from '@leerzone/service-kit/testing';
import { governanceService } from '../governance.module';
import { DELEGATION_BOARD_PROJECTION } from './read-model/delegation-board.projection';
import { teamStreamId } from '@leerzone/governance-domain';

const received: StoredEvent[] = [];

/** A consumer that brings no registry of its own: it reads through the process's. */
@Module({})
class RecordingConsumerModule {
  constructor(consumers: BusConsumers) {
    consumers.register({ group: 'test.level-recorder', sources: ['governance'], handle: (deliveries) => void received.push(...deliveries.map((d) => d.event)) });
  }
}

const eventually = async <T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> => {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

/**
 * One real upcast, end to end: a DelegationLevelChanged of version 1 (no review date),
 * written into the store as an older release wrote it, is read as version 2
 * (`reviewBy: null`) by command handling, the projections, the audit API and a bus
 * consumer — all through the one registry the governance module fills.
 */
describe('governance: an old event shape read as the new one everywhere', () => {
  let t: ServiceTestApp;
  let cora: Caller;
  let teamId: string;

  beforeAll(async () => {
    t = await startServiceTestApp([governanceService], { imports: [RecordingConsumerModule] });
    cora = await t.as('cora', ['coach']);
    const created = await cora.post('/api/governance/teams', { name: 'Team Upcast', reason: 'pilot' });
    expectStatus(created, 201);
    teamId = created.body.teamId as string;
    const legacy: NewEvent = {
      eventId: '01900000-0000-7000-8000-0000000000aa',
      type: 'DelegationLevelChanged',
      schemaVersion: 1,
      tenantId: 'acme',
      occurredAt: new Date().toISOString(),
      actor: { id: 'cora', kind: 'user' },
      reason: 'trust grows',
      correlationId: 'corr-legacy',
      causationId: 'cause-legacy',
      data: { teamId, area: 'planning', previousLevel: null, level: 5, changedBy: 'cora', changedAt: new Date().toISOString(), reason: 'trust grows' },
      metadata: {},
    };
    await t.store.append(teamStreamId('acme', teamId), [legacy], { expectedVersion: created.body.version as number });
  });
  afterAll(() => t.close());

  it('projects it with the new field', async () => {
    const areas = t.app.get(ProjectionsHost).readModels.collection<Record<string, unknown> & { _id: string }>(DELEGATION_BOARD_PROJECTION, 'areas');
    const planning = await eventually(() => areas.findOne({ teamId, area: 'planning' }), (doc) => doc?.['level'] === 5, 'the board');
    // Present and null, not merely missing: the projection saw version 2.
    expect(planning).toHaveProperty('reviewBy', null);
  });

  it('folds it with the new field in the audit API', async () => {
    const auditor = await t.as('aud', ['auditor']);
    const response = await auditor.get(`/api/audit/streams/${teamStreamId('acme', teamId)}/state?at=${encodeURIComponent(new Date(Date.now() + 60_000).toISOString())}`);
    expectStatus(response, 200);
    expect(JSON.stringify(response.body)).toContain('"reviewBy":null');
  });

  it('decides on it with the new field, and writes the current version', async () => {
    // Same level, no review date: with the upcast state this changes nothing.
    const unchanged = await cora.put(`/api/governance/teams/${teamId}/delegation-board/areas/planning/level`, { level: 5, reason: 'still fine' });
    expectStatus(unchanged, 200);
    expect(unchanged.body.events).toEqual([]);
    const reviewed = await cora.put(`/api/governance/teams/${teamId}/delegation-board/areas/planning/level`, { level: 5, reviewBy: '2030-01-01', reason: 'look again' });
    expectStatus(reviewed, 200);
    expect(reviewed.body).toMatchObject({ level: 5, reviewBy: '2030-01-01' });
    const stored = await t.store.readStream(teamStreamId('acme', teamId));
    expect(stored.at(-1)).toMatchObject({ type: 'DelegationLevelChanged', schemaVersion: 2, data: { reviewBy: '2030-01-01' } });
    expect(stored.at(-2)).toMatchObject({ type: 'DelegationLevelChanged', schemaVersion: 1 });
  });

  it('delivers it upcast to a bus consumer', async () => {
    const legacy = await eventually(async () => received.find((e) => e.eventId === '01900000-0000-7000-8000-0000000000aa'), (e) => e !== undefined, 'the delivery');
    expect(legacy).toMatchObject({ schemaVersion: 2, data: { level: 5, reviewBy: null } });
  });
});
