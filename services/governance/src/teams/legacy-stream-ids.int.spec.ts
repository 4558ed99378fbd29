import { randomUUID } from 'node:crypto';
import { CheckpointKeyRing, verifyEventStore } from '@leerzone/audit';
import { parseTenantStreamId, type NewEvent } from '@leerzone/kernel';
import { teamStreamId } from '@leerzone/governance-domain';
import { expectProblem, expectStatus, startServiceTestApp, type Caller, type ServiceTestApp } from '@leerzone/service-kit/testing';
import { governanceService } from '../governance.module';

const eventually = async <T>(read: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> => {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const value = await read();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${what}: ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

/**
 * Stores written before stream ids were scoped by tenant hold a team under its legacy global
 * stream `team-<id>`. Nothing is migrated: the tenant's commands and queries find it there
 * and keep appending to it, another tenant may create a team with the same id (its own
 * stream, `team-<n>:<tenant>:<id>`), and the hash chains stay intact.
 */
describe('governance: a store written before stream ids were scoped by tenant', () => {
  let t: ServiceTestApp;
  let tess: Caller;
  let gina: Caller;
  const teamId = randomUUID();
  const legacyStreamId = `team-${teamId}`;
  const at = new Date(Date.now() - 86_400_000).toISOString();
  const legacy = (type: string, data: Record<string, unknown>, n: number): NewEvent => ({
    eventId: `01900000-0000-7000-8000-0000000001${String(n).padStart(2, '0')}`,
    type,
    schemaVersion: 1,
    tenantId: 'acme',
    occurredAt: at,
    actor: { id: 'cora', kind: 'user' },
    reason: 'written by an earlier release',
    correlationId: `corr-legacy-${n}`,
    causationId: `cause-legacy-${n}`,
    data,
    metadata: {},
  });

  beforeAll(async () => {
    t = await startServiceTestApp([governanceService]);
    tess = await t.as('tess', ['transformation-lead']);
    gina = await t.as('gina', ['admin', 'transformation-lead'], 'globex');
    await t.store.append(
      legacyStreamId,
      [
        legacy('TeamCreated', { teamId, name: 'Wijkteam Oud', unitId: null, purpose: null, createdBy: 'cora', createdAt: at }, 1),
        legacy('MemberAdded', { teamId, memberId: 'anna', roles: ['member'], addedBy: 'cora', addedAt: at }, 2),
      ],
      { expectedVersion: 0 },
    );
  });
  afterAll(() => t.close());

  it('builds new aggregates under tenant-scoped stream ids', () => {
    expect(parseTenantStreamId(teamStreamId('acme', teamId))).toEqual({ prefix: 'team-', tenantId: 'acme', id: teamId });
  });

  it("serves the legacy team to its own tenant: queries from the read models and the stream", async () => {
    const team = await eventually(() => tess.get(`/api/governance/teams/${teamId}`), (r) => r.status === 200, 'the legacy team in the read model');
    expect(team.body).toMatchObject({ teamId, name: 'Wijkteam Oud', memberCount: 1, version: 2 });
    const events = await (await t.as('ida', ['auditor'])).get(`/api/governance/teams/${teamId}/events`);
    expectStatus(events, 200);
    expect(events.body.events.map((e: { type: string; streamId: string }) => [e.type, e.streamId])).toEqual([
      ['TeamCreated', legacyStreamId],
      ['MemberAdded', legacyStreamId],
    ]);
  });

  it('appends its commands to the legacy stream, so its history stays one stream', async () => {
    expectStatus(await tess.post(`/api/governance/teams/${teamId}/members`, { memberId: 'bram' }), 201);
    expect((await t.store.readStream(legacyStreamId)).map((e) => [e.type, e.streamPosition])).toEqual([
      ['TeamCreated', 1],
      ['MemberAdded', 2],
      ['MemberAdded', 3],
    ]);
    expect(await t.store.readStream(teamStreamId('acme', teamId)).catch(() => [])).toEqual([]);
    const members = await eventually(() => tess.get(`/api/governance/teams/${teamId}/members`), (r) => r.body?.members?.length === 2, 'both members');
    expect(members.body.members.map((m: { memberId: string }) => m.memberId)).toEqual(['anna', 'bram']);
  });

  it('lets another tenant create a team with the same id: its own fresh aggregate, not a 409', async () => {
    // Before anything exists for globex, the id reads exactly like an unknown one.
    const unknown = randomUUID();
    const theirs = await gina.get(`/api/governance/teams/${teamId}`);
    const nobodys = await gina.get(`/api/governance/teams/${unknown}`);
    expectProblem(theirs, 404, 'TEAM.NOT_FOUND');
    expect(Object.keys(theirs.body).sort()).toEqual(Object.keys(nobodys.body).sort());

    const created = await gina.post('/api/governance/teams', { teamId, name: 'Globex Eigen' });
    expectStatus(created, 201);
    expect(created.body).toMatchObject({ teamId, version: 1 });
    expect((await t.store.readStream(teamStreamId('globex', teamId))).map((e) => [e.type, e.tenantId])).toEqual([['TeamCreated', 'globex']]);

    const globexTeam = await eventually(() => gina.get(`/api/governance/teams/${teamId}`), (r) => r.status === 200, "globex's team");
    expect(globexTeam.body).toMatchObject({ teamId, name: 'Globex Eigen', memberCount: 0, version: 1 });
    // Each tenant sees its own, in lists too; acme's legacy team is untouched.
    expect((await tess.get(`/api/governance/teams/${teamId}`)).body).toMatchObject({ name: 'Wijkteam Oud', memberCount: 2, version: 3 });
    expect((await gina.get('/api/governance/teams')).body.items.map((i: { name: string }) => i.name)).toEqual(['Globex Eigen']);
    expect((await tess.get('/api/governance/teams')).body.items.map((i: { name: string }) => i.name)).toEqual(['Wijkteam Oud']);
    // A second create in the same tenant is the same id taken twice.
    expectProblem(await gina.post('/api/governance/teams', { teamId, name: 'Globex Nogmaals' }), 409, 'TEAM.ALREADY_EXISTS');
    expect((await t.store.readStream(legacyStreamId)).length).toBe(3);
  });

  it('keeps audit verify intact across legacy and scoped streams', async () => {
    expect((await verifyEventStore(t.store, { keys: new CheckpointKeyRing() })).status).toBe('intact');
  });
});
