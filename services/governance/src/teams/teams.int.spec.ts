import { startServiceTestApp, expectProblem, expectStatus, type Caller, type ServiceTestApp, refusedWith } from '@leerzone/service-kit/testing';
import { governanceService } from '../governance.module';

/**
 * Teams over HTTP: lifecycle, members and the personal yes, phases up to self-steering,
 * coaching, principles, history; with the refusals (400 nothing written, 403, 404, 412).
 */
describe('governance HTTP: teams, members, the yes, phases, coaching, principles', () => {
  let t: ServiceTestApp;
  let cora: Caller; // coach who creates and coaches the team
  let anna: Caller;
  let bram: Caller;
  let otto: Caller; // a coach of another team
  let tess: Caller; // transformation lead
  let teamId: string;
  const base = () => `/api/governance/teams/${teamId}`;

  beforeAll(async () => {
    t = await startServiceTestApp([governanceService]);
    cora = await t.as('cora', ['coach']);
    anna = await t.as('anna', ['member']);
    bram = await t.as('bram', ['member']);
    otto = await t.as('otto', ['coach']);
    tess = await t.as('tess', ['transformation-lead']);
  });
  afterAll(async () => t.close());

  /** Runs a request that must be refused and proves nothing was written. */
  // Refused with this problem, and nothing written.
  const refused: ReturnType<typeof refusedWith> = (send, status, code, field) => refusedWith(t)(send, status, code, field);

  it('creates a team (201, Location, ETag) that a GET sees at once', async () => {
    const created = await cora.post('/api/governance/teams', { name: 'Wijkteam Noord', purpose: 'Care at home', reason: 'pilot team' });
    expectStatus(created, 201);
    teamId = created.body.teamId;
    expect(created.headers['location']).toBe(`/api/governance/teams/${teamId}`);
    expect(created.headers['etag']).toBe('"1"');
    expect(created.body.events).toEqual([expect.objectContaining({ type: 'TeamCreated', streamPosition: 1 })]);
    const team = await anna.get(base());
    expectStatus(team, 200);
    expect(team.headers['etag']).toBe('"1"');
    expect(team.body).toMatchObject({ teamId, name: 'Wijkteam Noord', phase: 'preparing', memberCount: 0, createdBy: 'cora', version: 1 });
    const events = await (await t.as('ida', ['auditor'])).get(`${base()}/events`);
    expect(events.body.events[0]).toMatchObject({ reason: 'pilot team', actor: { id: 'cora', kind: 'user' } });
  });

  it('shows full envelopes only to auditors and admins (issue 16): members, coaches and leads get 403', async () => {
    for (const caller of [anna, cora, tess]) expectProblem(await caller.get(`${base()}/events`), 403, 'AUTH.FORBIDDEN');
    expectStatus(await (await t.as('adam', ['admin'])).get(`${base()}/events`), 200);
  });

  it('refuses bad input with 400 and field errors, writing nothing', async () => {
    const bad = await refused(() => cora.post('/api/governance/teams', { name: '', colour: 'red' }), 400, 'VALIDATION.FAILED');
    expect(bad.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'name' })]));
    await refused(() => cora.post(`${base()}/members`, { memberId: 'anna', roles: ['overlord'] }), 400, 'VALIDATION.FAILED', 'roles.0');
    await refused(() => cora.put(`${base()}/phase`, { phase: 'flying' }), 400, 'VALIDATION.FAILED', 'phase');
    await refused(() => cora.post(`${base()}/members`, { memberId: ' spaced id ' }), 400, 'VALIDATION.FAILED', 'memberId');
    await refused(() => cora.post(`${base()}/coaching/topics`, { topic: 'Budgeting!' }), 400, 'VALIDATION.FAILED', 'topic');
    await refused(() => cora.get('/api/governance/teams/not-a-uuid'), 400, 'VALIDATION.FAILED', 'teamId');
  });

  it('answers 404 for unknown teams, also for other tenants, on reads and writes', async () => {
    const unknown = '00000000-0000-7000-8000-000000000000';
    expectProblem(await anna.get(`/api/governance/teams/${unknown}`), 404, 'TEAM.NOT_FOUND');
    expectProblem(await anna.get(`/api/governance/teams/${unknown}/members`), 404, 'TEAM.NOT_FOUND');
    expectProblem(await anna.get(`/api/governance/teams/${unknown}/history`), 404, 'TEAM.NOT_FOUND');
    await refused(() => tess.post(`/api/governance/teams/${unknown}/members`, { memberId: 'x' }), 404, 'TEAM.NOT_FOUND');
    const globex = await t.as('gina', ['admin'], 'globex');
    expectProblem(await globex.get(base()), 404, 'TEAM.NOT_FOUND');
    await refused(() => globex.put(`${base()}/phase`, { phase: 'pilot' }), 404, 'TEAM.NOT_FOUND');
    expect((await globex.get('/api/governance/teams')).body.items).toEqual([]);
  });

  it('refuses callers without the role (403) and without a token (401)', async () => {
    await refused(() => anna.post('/api/governance/teams', { name: 'Mine' }), 403, 'AUTH.FORBIDDEN');
    await refused(() => anna.post(`${base()}/members`, { memberId: 'anna' }), 403, 'AUTH.FORBIDDEN');
    // A coach of another team may not steer this one.
    await refused(() => otto.post(`${base()}/members`, { memberId: 'otto' }), 403, 'TEAM.NOT_COACH_OF_TEAM');
    await refused(() => t.anonymous().get(base()), 401, 'AUTH.UNAUTHENTICATED');
  });

  it('adds members with roles; later joiners must say yes too', async () => {
    expectStatus(await cora.post(`${base()}/members`, { memberId: 'anna' }), 201);
    expectStatus(await cora.post(`${base()}/members`, { memberId: 'cora', roles: ['coach'] }), 201);
    // A transformation lead acts on every team of the tenant.
    expectStatus(await tess.post(`${base()}/members`, { memberId: 'bram', roles: ['member'] }), 201);
    await refused(() => cora.post(`${base()}/members`, { memberId: 'anna' }), 409, 'MEMBER.ALREADY_ADDED', 'memberId');
    const members = await anna.get(`${base()}/members`);
    expectStatus(members, 200);
    expect(members.body.members.map((m: { memberId: string; roles: string[] }) => [m.memberId, m.roles])).toEqual([
      ['anna', ['member']],
      ['cora', ['coach']],
      ['bram', ['member']],
    ]);
    expect(members.body.readiness).toEqual({ requiredMemberIds: ['anna', 'bram'], saidYesMemberIds: [], missingMemberIds: ['anna', 'bram'], ready: false });
    expect((await anna.get(base())).body.memberCount).toBe(3);
  });

  it('records the yes only in person, once', async () => {
    await refused(() => anna.post(`${base()}/members/bram/yes`), 403, 'YES.ONLY_IN_PERSON', 'memberId');
    await refused(() => cora.post(`${base()}/members/anna/yes`), 403, 'YES.ONLY_IN_PERSON');
    await refused(() => anna.post(`${base()}/members/nobody/yes`), 404, 'MEMBER.NOT_FOUND');
    const yes = await anna.post(`${base()}/members/anna/yes`);
    expectStatus(yes, 200);
    expect(yes.body).toMatchObject({ memberId: 'anna', saidYes: true, events: [{ type: 'YesGiven' }] });
    const again = await anna.post(`${base()}/members/anna/yes`);
    expectStatus(again, 200);
    expect(again.body.events).toEqual([]);
  });

  it('moves through the phases; self-steering waits for every member’s yes', async () => {
    expectStatus(await cora.put(`${base()}/phase`, { phase: 'pilot' }), 200);
    await refused(() => cora.put(`${base()}/phase`, { phase: 'self-steering' }), 422, 'PHASE.SKIPPED', 'phase');
    expectStatus(await cora.put(`${base()}/phase`, { phase: 'forming' }), 200);
    expectStatus(await cora.put(`${base()}/phase`, { phase: 'performing' }), 200);
    const missing = await refused(() => cora.put(`${base()}/phase`, { phase: 'self-steering' }), 422, 'PHASE.YES_MISSING');
    expect(missing.body.detail).toContain('bram');
    expectStatus(await bram.post(`${base()}/members/bram/yes`), 200);
    const steering = await cora.put(`${base()}/phase`, { phase: 'self-steering' });
    expectStatus(steering, 200);
    expect(steering.body).toMatchObject({ phase: 'self-steering' });
    // Going back is allowed but needs a reason: taking control back must be visible.
    await refused(() => cora.put(`${base()}/phase`, { phase: 'performing' }), 400, 'GOVERNANCE.REASON_REQUIRED', 'reason');
    expectStatus(await cora.put(`${base()}/phase`, { phase: 'performing', reason: 'budget overrun, coaching on budgeting first' }), 200);
    const progress = await anna.get(`${base()}/phase`);
    expectStatus(progress, 200);
    expect(progress.body).toMatchObject({ phase: 'performing', stalled: false, readiness: { ready: true } });
    expect(progress.body.history.map((p: { phase: string }) => p.phase)).toEqual(['preparing', 'pilot', 'forming', 'performing', 'self-steering', 'performing']);
  });

  it('keeps a withdrawn yes in the history', async () => {
    const withdrawn = await bram.delete(`${base()}/members/bram/yes`, { reason: 'not ready yet' });
    expectStatus(withdrawn, 200);
    await refused(() => bram.delete(`${base()}/members/bram/yes`), 422, 'YES.NOT_GIVEN');
    const history = await anna.get(`${base()}/history?topic=yes`);
    expectStatus(history, 200);
    expect(history.body.entries.map((e: { type: string; by: string; reason: string | null }) => [e.type, e.by, e.reason])).toEqual([
      ['YesGiven', 'anna', null],
      ['YesGiven', 'bram', null],
      ['YesWithdrawn', 'bram', 'not ready yet'],
    ]);
    expect((await anna.get(`${base()}/members`)).body.readiness).toMatchObject({ missingMemberIds: ['bram'], ready: false });
  });

  it('plans coaching and records the sessions held', async () => {
    expectStatus(await cora.post(`${base()}/coaching/topics`, { topic: 'budgeting', goal: 'Plan a quarter budget together' }), 201);
    await refused(() => cora.post(`${base()}/coaching/topics`, { topic: 'budgeting' }), 409, 'COACHING.TOPIC_ALREADY_PLANNED');
    const heldAt = new Date(Date.now() - 3_600_000).toISOString();
    await refused(
      () => cora.post(`${base()}/coaching/sessions`, { topics: ['planning'], heldAt, coachId: 'cora', attendeeIds: ['anna'] }),
      422,
      'COACHING.TOPIC_NOT_PLANNED',
      'topics',
    );
    await refused(() => cora.post(`${base()}/coaching/sessions`, { topics: ['budgeting'], heldAt, coachId: 'anna', attendeeIds: ['bram'] }), 422, 'COACHING.NOT_A_COACH');
    const session = await cora.post(`${base()}/coaching/sessions`, { sessionId: 's-1', topics: ['budgeting'], heldAt, coachId: 'cora', attendeeIds: ['anna', 'bram'], notes: 'Went well' });
    expectStatus(session, 201);
    const coaching = await anna.get(`${base()}/coaching`);
    expect(coaching.body.plan).toEqual([expect.objectContaining({ topic: 'budgeting', goal: 'Plan a quarter budget together', sessionsHeld: 1 })]);
    expect(coaching.body.sessions).toEqual([expect.objectContaining({ sessionId: 's-1', coachId: 'cora', attendeeIds: ['anna', 'bram'] })]);
  });

  it('lets team members adopt, revise and retire principles', async () => {
    await refused(() => otto.post(`${base()}/principles`, { rule: 'We always tell each other the truth', value: 'integrity' }), 403, 'TEAM.NOT_A_MEMBER');
    await refused(() => anna.post(`${base()}/principles`, { rule: 'Integrity', value: 'integrity' }), 400, 'PRINCIPLE.NOT_CONCRETE', 'rule');
    const adopted = await anna.post(`${base()}/principles`, { principleId: 'p-honest', rule: 'I am always honest, even when the truth is uncomfortable', value: 'integrity' });
    expectStatus(adopted, 201);
    await refused(() => bram.put(`${base()}/principles/p-honest`, { rule: 'We are honest with each other, always', value: 'integrity' }), 400, 'GOVERNANCE.REASON_REQUIRED', 'reason');
    expectStatus(await bram.put(`${base()}/principles/p-honest`, { rule: 'We are honest with each other, always', value: 'integrity', reason: 'we, not I' }), 200);
    await refused(() => anna.delete(`${base()}/principles/nope`, { reason: 'x' }), 404, 'PRINCIPLE.NOT_FOUND');
    expectStatus(await anna.post(`${base()}/principles`, { principleId: 'p-help', rule: 'We ask for help before we get stuck', value: 'collaboration' }), 201);
    expectStatus(await anna.delete(`${base()}/principles/p-help`, { reason: 'merged into another' }), 200);
    const active = await bram.get(`${base()}/principles?status=active`);
    expect(active.body.principles).toEqual([expect.objectContaining({ principleId: 'p-honest', rule: 'We are honest with each other, always', value: 'integrity', status: 'active' })]);
    expect((await bram.get(`${base()}/principles`)).body.principles).toHaveLength(2);
  });

  it('honours If-Match: a stale ETag gets 412 and changes nothing', async () => {
    const current = await anna.get(base());
    const etag = current.headers['etag'];
    await refused(() => cora.patch(base(), { name: 'Stale name' }, { 'If-Match': `"${current.body.version - 1}"` }), 412, 'STREAM.VERSION_MISMATCH', 'If-Match');
    await refused(() => cora.patch(base(), { name: 'Bad tag' }, { 'If-Match': 'W/"3"' }), 400, 'REQUEST.INVALID_IF_MATCH', 'If-Match');
    const renamed = await cora.patch(base(), { name: 'Wijkteam Noord-Oost' }, { 'If-Match': etag });
    expectStatus(renamed, 200);
    expect(renamed.headers['etag']).toBe(`"${current.body.version + 1}"`);
    expect((await anna.get(base())).body).toMatchObject({ name: 'Wijkteam Noord-Oost', version: current.body.version + 1 });
  });

  it('removes a member with a reason; the membership read model follows', async () => {
    expectStatus(await cora.delete(`${base()}/members/bram`, { reason: 'moved to team Zuid' }), 200);
    expect((await anna.get(`${base()}/members`)).body.members.map((m: { memberId: string }) => m.memberId)).toEqual(['anna', 'cora']);
    expectStatus(await cora.put(`${base()}/members/anna/roles`, { roles: ['member', 'analyst'] }), 200);
    expect((await anna.get(`${base()}/members`)).body.members[0]).toMatchObject({ memberId: 'anna', roles: ['member', 'analyst'], saidYes: true });
  });

  it('lists teams with guarded filters', async () => {
    const second = await tess.post('/api/governance/teams', { name: 'Wijkteam Zuid' });
    expectStatus(second, 201);
    const all = await anna.get('/api/governance/teams');
    expect(all.body.items.map((team: { name: string }) => team.name)).toEqual(['Wijkteam Noord-Oost', 'Wijkteam Zuid']);
    const performing = await anna.get('/api/governance/teams?phase=performing');
    expect(performing.body.items.map((team: { name: string }) => team.name)).toEqual(['Wijkteam Noord-Oost']);
    const prefix = await anna.get('/api/governance/teams?namePrefix=Wijkteam%20Z');
    expect(prefix.body.items.map((team: { name: string }) => team.name)).toEqual(['Wijkteam Zuid']);
    const paged = await anna.get('/api/governance/teams?limit=1&sort=-name');
    expect(paged.body.items.map((team: { name: string }) => team.name)).toEqual(['Wijkteam Zuid']);
    const next = await anna.get(`/api/governance/teams?limit=1&sort=-name&after=${encodeURIComponent(paged.body.next)}`);
    expect(next.body.items.map((team: { name: string }) => team.name)).toEqual(['Wijkteam Noord-Oost']);
    expectProblem(await anna.get('/api/governance/teams?sort=tenantId'), 400, 'PROJECTION.INVALID_QUERY', 'sort');
    expectProblem(await anna.get('/api/governance/teams?phase=flying'), 400, 'VALIDATION.FAILED', 'phase.0');
    expectProblem(await anna.get('/api/governance/teams?tenantId=globex'), 400, 'VALIDATION.FAILED');
    expectProblem(await anna.get('/api/governance/teams?namePrefix[$ne]=x'), 400, 'VALIDATION.FAILED');
    expectProblem(await anna.get('/api/governance/teams?after=garbage'), 400, 'VALIDATION.FAILED', 'after');
  });

  it('tells the history of a team: who, when, why', async () => {
    const history = await anna.get(`${base()}/history`);
    expectStatus(history, 200);
    const entries = history.body.entries as { type: string; by: string; reason: string | null; occurredAt: string; position: number }[];
    expect(entries[0]).toMatchObject({ type: 'TeamCreated', by: 'cora', position: 1 });
    expect(entries.find((e) => e.type === 'MemberRemoved')).toMatchObject({ by: 'cora', reason: 'moved to team Zuid' });
    expect(entries.find((e) => e.type === 'TeamPhaseChanged' && e.reason !== null)).toMatchObject({ by: 'cora', reason: 'budget overrun, coaching on budgeting first' });
    expect(entries.map((e) => e.position)).toEqual(entries.map((_, i) => i + 1));
    const phases = await anna.get(`${base()}/history?topic=phase,team&from=${encodeURIComponent(entries[0]!.occurredAt)}`);
    expect(new Set(phases.body.entries.map((e: { topic: string }) => e.topic))).toEqual(new Set(['team', 'phase']));
    expectProblem(await anna.get(`${base()}/history?topic=gossip`), 400, 'VALIDATION.FAILED', 'topic.0');
  });
});
