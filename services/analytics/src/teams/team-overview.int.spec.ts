import { summariseTeams, type TeamOverview } from '@leerzone/analytics-domain';
import type { StoredEvent } from '@leerzone/kernel';
import type { DeadLetter } from '@leerzone/messaging';
import type { Role } from '@leerzone/nest-platform';
import type { ProjectionStore } from '@leerzone/projection-store';
import { MongoProjectionStore } from '@leerzone/projection-store-mongodb';
import { startServiceTestApp, type ServiceTestApp } from '@leerzone/service-kit/testing';
import { describeWithServer } from '@leerzone/test-servers';
import { analyticsService } from '../analytics.module';
import { GovernanceEvents } from '../testing/governance-events.fixture';

const TEAM_A = '01900000-0000-7000-8000-00000000000a';
const TEAM_B = '01900000-0000-7000-8000-00000000000b';
const TEAM_C = '01900000-0000-7000-8000-00000000000c';

const PHASES_AFTER_PREPARING = ['pilot', 'forming', 'performing', 'self-steering'] as const;

/**
 * `teams` teams of acme in every phase, with members who joined and left, decisions recorded and
 * escalated in varying numbers (some teams with none), and one team of globex, whose figures the
 * acme summary must leave out. `expected` is what acme's summary has to add up to.
 */
function organisation(g: GovernanceEvents, teams: number) {
  const events: StoredEvent[] = [];
  const expected = { teams, members: 0, decisionsRecorded: 0, decisionsEscalated: 0 };
  for (let n = 0; n < teams; n++) {
    const teamId = `01900000-0000-7000-8000-${String(1_000 + n).padStart(12, '0')}`;
    events.push(g.event(teamId, 'TeamCreated', { name: `Team ${String(n).padStart(2, '0')}`, unitId: null, purpose: null, createdBy: 'ada', createdAt: '2026-03-02T09:00:00.000Z' }));
    const joined = n % 7;
    for (let m = 0; m < joined; m++) events.push(g.event(teamId, 'MemberAdded', { memberId: `m${n}-${m}`, roles: ['member'] }));
    const left = n % 3 === 0 && joined > 0 ? 1 : 0;
    if (left) events.push(g.event(teamId, 'MemberRemoved', { memberId: `m${n}-0`, reason: null }));
    expected.members += joined - left;
    if (n % 5 !== 0) {
      events.push(g.event(teamId, 'TeamPhaseChanged', { previousPhase: 'preparing', phase: PHASES_AFTER_PREPARING[n % 4], changedAt: '2026-04-01T00:00:00.000Z', reason: null }));
    }
    for (let d = 0; d < n % 4; d++) events.push(g.event(teamId, 'DecisionRecorded', { decisionId: `d${n}-${d}`, area: 'tooling', decidedAt: '2026-04-02T09:00:00.000Z' }));
    expected.decisionsRecorded += n % 4;
    const escalated = n % 2 === 0 ? n % 3 : 0;
    for (let d = 0; d < escalated; d++) events.push(g.event(teamId, 'DecisionEscalated', { decisionId: `e${n}-${d}`, area: 'budget-spend', violations: [], escalatedAt: '2026-04-04T09:00:00.000Z' }));
    expected.decisionsEscalated += escalated;
  }
  const elsewhere = '01900000-0000-7000-8000-00000000fff0';
  events.push(g.event(elsewhere, 'TeamCreated', { name: 'Elsewhere', unitId: null, purpose: null, createdBy: 'bob', createdAt: '2026-03-03T09:00:00.000Z' }, { tenantId: 'globex' }));
  events.push(g.event(elsewhere, 'MemberAdded', { memberId: 'g1', roles: ['member'] }, { tenantId: 'globex' }));
  events.push(g.event(elsewhere, 'DecisionEscalated', { decisionId: 'g-e1', area: 'budget-spend', violations: [], escalatedAt: '2026-04-04T09:00:00.000Z' }, { tenantId: 'globex' }));
  return { events, expected };
}

/** Every acme team document of the overview's current generation, read from the store itself. */
async function acmeTeamDocuments(store: ProjectionStore): Promise<TeamOverview[]> {
  const generations = (await store.listCollections()).filter((name) => name.startsWith('analytics.team-overview.teams__'));
  expect(generations).toHaveLength(1);
  return (await store.collection(generations[0]!).find({ tenantId: 'acme', _deleted: { $ne: true } })).items as unknown as TeamOverview[];
}

/**
 * The summary the store computes (counts and sums by phase) against `summariseTeams` over the
 * documents themselves, on a tenant with teams in every phase; filters and pages do not change it.
 */
async function summaryEqualsTheDocuments(analytics: ServiceTestApp & { governance: GovernanceEvents }, timeoutMs: number): Promise<void> {
  const { events, expected } = organisation(analytics.governance, 40);
  await analytics.bus.publish('governance', events);
  const caller = await analytics.as('ana', ['analyst'], 'acme');
  const deadline = Date.now() + timeoutMs;
  let summary: Record<string, unknown> = {};
  for (;;) {
    const response = await caller.get('/api/analytics/teams?limit=5');
    expect(response.status).toBe(200);
    summary = response.body.summary;
    const done = ['teams', 'members', 'decisionsRecorded', 'decisionsEscalated'].every((figure) => summary[figure] === expected[figure as keyof typeof expected]);
    if (done || Date.now() > deadline) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const documents = await acmeTeamDocuments(analytics.projectionStore);
  expect(documents).toHaveLength(40);
  expect(summary).toEqual(summariseTeams(documents));
  expect(summary).toMatchObject(expected);
  // 8 teams stayed preparing (n % 5 === 0); the other 32 are spread over the four later phases.
  expect(summary['byPhase']).toEqual({ preparing: 8, pilot: 8, forming: 8, performing: 8, 'self-steering': 8 });
  expect(summary['escalationShare']).toBe(Math.round((expected.decisionsEscalated / (expected.decisionsRecorded + expected.decisionsEscalated)) * 1000) / 1000);

  const pilots = await caller.get('/api/analytics/teams?phase=pilot&limit=3');
  expect(pilots.body.items).toHaveLength(3);
  expect(pilots.body.summary).toEqual(summary);
  const globex = await (await analytics.as('gus', ['admin'], 'globex')).get('/api/analytics/teams');
  expect(globex.body.summary).toMatchObject({ teams: 1, members: 1, decisionsRecorded: 0, decisionsEscalated: 1, escalationShare: 1 });
}

describeWithServer('mongo', 'analytics: team overview with its read model in MongoDB', (mongo) => {
  let analytics: ServiceTestApp & { governance: GovernanceEvents };
  let database: string;

  beforeEach(async () => {
    database = `lz_test_overview_${process.pid}_${Date.now().toString(36)}`;
    const url = await mongo();
    analytics = Object.assign(await startServiceTestApp([analyticsService], { projectionStore: () => MongoProjectionStore.connect({ url, database }) }), { governance: new GovernanceEvents() });
  });
  afterEach(async () => {
    // Closing the app closes its store; the database is dropped over a connection of its own.
    await analytics.close();
    const store = await MongoProjectionStore.connect({ url: await mongo(), database });
    await store.dropDatabase();
    await store.close();
  });

  it("sums the tenant's teams by phase on the server, equal to the summary of every team's document", async () => {
    await summaryEqualsTheDocuments(analytics, 30_000);
  });
});

describe('analytics: team overview over the bus', () => {
  let analytics: ServiceTestApp & { governance: GovernanceEvents };

  beforeEach(async () => {
    analytics = Object.assign(await startServiceTestApp([analyticsService]), { governance: new GovernanceEvents() });
  });
  afterEach(() => analytics.close());

  const overview = async (userId = 'ana', roles: Role[] = ['analyst'], tenantId?: string, query = '') => (await analytics.as(userId, roles, tenantId)).get(`/api/analytics/teams${query}`);

  /** Polls until the body satisfies `done` (the bus delivers asynchronously), then returns it. */
  const settled = async (done: (body: { items: Array<Record<string, unknown>>; summary: Record<string, unknown> }) => boolean, query = '') => {
    const deadline = Date.now() + 5_000;
    for (;;) {
      const response = await overview('ana', ['analyst'], 'acme', query);
      expect(response.status).toBe(200);
      if (done(response.body) || Date.now() > deadline) return response.body as { items: Array<Record<string, unknown>>; next?: string; summary: Record<string, unknown> };
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };

  function teamHistory(): StoredEvent[] {
    const g = analytics.governance;
    return [
      g.event(TEAM_A, 'TeamCreated', { name: 'Noord', unitId: null, purpose: null, createdBy: 'ada', createdAt: '2026-03-02T09:00:00.000Z' }),
      g.event(TEAM_A, 'MemberAdded', { memberId: 'm1', roles: ['member'] }),
      g.event(TEAM_A, 'MemberAdded', { memberId: 'm2', roles: ['member'] }),
      g.event(TEAM_A, 'MemberAdded', { memberId: 'm3', roles: ['coach'] }),
      g.event(TEAM_A, 'MemberRemoved', { memberId: 'm3', reason: null }),
      g.event(TEAM_A, 'TeamPhaseChanged', { previousPhase: 'preparing', phase: 'pilot', changedAt: '2026-04-01T00:00:00.000Z', reason: null }),
      g.event(TEAM_A, 'DecisionRecorded', { decisionId: 'd1', area: 'tooling', decidedAt: '2026-04-02T09:00:00.000Z' }),
      g.event(TEAM_A, 'DecisionRecorded', { decisionId: 'd2', area: 'tooling', decidedAt: '2026-04-03T09:00:00.000Z' }),
      g.event(TEAM_A, 'DecisionEscalated', { decisionId: 'd3', area: 'budget-spend', violations: [], escalatedAt: '2026-04-04T09:00:00.000Z' }),
      g.event(TEAM_A, 'PrincipleAdopted', { principleId: 'p1' }),
      g.event(TEAM_B, 'TeamCreated', { name: 'Zuid', unitId: 'u-1', purpose: null, createdBy: 'ada', createdAt: '2026-03-03T09:00:00.000Z' }),
      g.event(TEAM_B, 'TeamRenamed', { previousName: 'Zuid', name: 'Zuidwest' }),
      g.event(TEAM_C, 'TeamCreated', { name: 'Elsewhere', unitId: null, purpose: null, createdBy: 'bob', createdAt: '2026-03-03T09:00:00.000Z' }, { tenantId: 'globex' }),
    ];
  }

  it("keeps each team's phase, members and decisions from governance's events, with the tenant's summary", async () => {
    const history = teamHistory();
    await analytics.bus.publish('governance', history);
    const body = await settled((b) => b.items.length === 2 && b.items.some((t) => t['name'] === 'Zuidwest') && b.items.some((t) => t['decisionsEscalated'] === 1));
    expect(body.items).toEqual([
      {
        tenantId: 'acme',
        teamId: TEAM_A,
        name: 'Noord',
        unitId: null,
        phase: 'pilot',
        phaseSince: '2026-04-01T00:00:00.000Z',
        memberCount: 2,
        decisionsRecorded: 2,
        decisionsEscalated: 1,
        createdAt: '2026-03-02T09:00:00.000Z',
        // PrincipleAdopted is not something the overview tracks.
        lastActivityAt: history[8]!.occurredAt,
      },
      expect.objectContaining({ teamId: TEAM_B, name: 'Zuidwest', unitId: 'u-1', phase: 'preparing', memberCount: 0, decisionsRecorded: 0, lastActivityAt: history[11]!.occurredAt }),
    ]);
    expect(body.summary).toEqual({
      teams: 2,
      byPhase: { preparing: 1, pilot: 1, forming: 0, performing: 0, 'self-steering': 0 },
      members: 2,
      decisionsRecorded: 2,
      decisionsEscalated: 1,
      escalationShare: 0.333,
    });

    // The other tenant sees only its own team.
    const globex = await overview('gus', ['admin'], 'globex');
    expect(globex.body.items.map((t: { teamId: string }) => t.teamId)).toEqual([TEAM_C]);

    // Redelivered and resent events change nothing.
    await analytics.bus.publish('governance', history.slice(3));
    await analytics.bus.publish('governance', history);
    const marker = analytics.governance.event(TEAM_B, 'MemberAdded', { memberId: 'm9', roles: ['member'] });
    await analytics.bus.publish('governance', [marker]);
    const after = await settled((b) => b.items.some((t) => t['teamId'] === TEAM_B && t['memberCount'] === 1));
    expect(after.items[0]).toEqual(body.items[0]);
    expect(after.summary).toMatchObject({ members: 3, decisionsRecorded: 2, decisionsEscalated: 1 });
  });

  it("sums the tenant's teams by phase in the store, equal to the summary of every team's document", async () => {
    await summaryEqualsTheDocuments(analytics, 5_000);
  });

  it('filters by phase and pages by name; the summary still covers the whole tenant', async () => {
    await analytics.bus.publish('governance', teamHistory());
    await settled((b) => b.items.length === 2 && b.items.some((t) => t['phase'] === 'pilot'));
    const pilots = await settled(() => true, '?phase=pilot');
    expect(pilots.items.map((t) => t['name'])).toEqual(['Noord']);
    expect(pilots.summary['teams']).toBe(2);

    const first = await settled(() => true, '?limit=1');
    expect(first.items.map((t) => t['name'])).toEqual(['Noord']);
    const second = await settled(() => true, `?limit=1&after=${encodeURIComponent(first.next!)}`);
    expect(second.items.map((t) => t['name'])).toEqual(['Zuidwest']);
  });

  it('needs an analyst, transformation-lead or admin token, and names a bad query parameter', async () => {
    expect((await overview('mo', ['member'])).status).toBe(403);
    expect((await overview('co', ['coach'])).body).toMatchObject({ status: 403, code: 'AUTH.FORBIDDEN' });
    expect((await overview('tl', ['transformation-lead'])).status).toBe(200);
    const anonymous = await (await import('supertest')).default(analytics.app.getHttpServer()).get('/api/analytics/teams');
    expect(anonymous.status).toBe(401);

    const badPhase = await overview('ana', ['analyst'], 'acme', '?phase=finished');
    expect(badPhase.status).toBe(400);
    expect(badPhase.body).toMatchObject({ code: 'VALIDATION.FAILED', field: 'phase' });
    expect((await overview('ana', ['analyst'], 'acme', '?limit=0')).body).toMatchObject({ status: 400, field: 'limit' });
    expect((await overview('ana', ['analyst'], 'acme', '?colour=red')).body).toMatchObject({ status: 400 });
    expect((await overview('ana', ['analyst'], 'acme', '?after=not-a-cursor')).body).toMatchObject({ status: 400, field: 'after' });
  });

  it('dead-letters team events it reads but cannot understand, and goes on with the rest', async () => {
    const g = analytics.governance;
    const letters: DeadLetter[] = [];
    const watcher = await analytics.bus.subscribeDeadLetters({ group: 'test.dead-letters', sources: ['governance'], handle: (batch) => void letters.push(...batch) });
    const created = g.event(TEAM_A, 'TeamCreated', { name: 'Noord', unitId: null, createdAt: '2026-03-02T09:00:00.000Z' });
    const noMember = g.event(TEAM_A, 'MemberAdded', { roles: ['member'] });
    const newer = g.event(TEAM_A, 'TeamRenamed', { name: 'Noord 2', nameParts: ['Noord', '2'] }, { schemaVersion: 2 });
    const fine = g.event(TEAM_A, 'MemberAdded', { memberId: 'm1', roles: ['member'] });
    await analytics.bus.publish('governance', [created, noMember, newer, fine]);

    const body = await settled((b) => b.items[0]?.['memberCount'] === 1);
    expect(body.items[0]).toMatchObject({ name: 'Noord', memberCount: 1 });
    const deadline = Date.now() + 5_000;
    while (letters.length < 2 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 20));
    expect(letters.map((l) => [l.event?.eventId, l.error.code])).toEqual([
      [noMember.eventId, 'MESSAGING.INVALID_EVENT'],
      // Read through the process's schema registry, which knows TeamRenamed only up to version 1.
      [newer.eventId, 'MESSAGING.UNSUPPORTED_SCHEMA_VERSION'],
    ]);
    expect(letters[0]!.group).toMatch(/^analytics\.team-overview\.v3_\d+$/);
    expect(letters[0]!.error.message).toMatch(/memberId/);
    expect(letters[1]!.error.message).toMatch(/version 2/);
    await watcher.stop();
  });
});
