import { startServiceTestApp, expectProblem, expectStatus, type Caller, type ServiceTestApp, refusedWith } from '@leerzone/service-kit/testing';
import { governanceService } from '../governance.module';

// These tests close proposals by hand once their time box ends; the deadline scheduler stays off so it cannot get there first.
process.env['GOVERNANCE_SCHEDULER_INTERVAL_MS'] = '0';

const budget = (boundaryId: string, amount: number) => ({ boundaryId, kind: 'financial', title: 'Team budget', limit: { amount, currency: 'EUR' }, period: 'month', decisionArea: null });
const inMs = (ms: number) => new Date(Date.now() + ms).toISOString();
/** Everything but Date: a test moves the clock past a time box, and the app keeps running on real timers. */
const REAL_TIMERS: Extract<Parameters<typeof jest.useFakeTimers>[0], { doNotFake?: unknown }>['doNotFake'] = ['hrtime', 'nextTick', 'performance', 'queueMicrotask', 'requestAnimationFrame', 'cancelAnimationFrame', 'requestIdleCallback', 'cancelIdleCallback', 'setImmediate', 'clearImmediate', 'setInterval', 'clearInterval', 'setTimeout', 'clearTimeout'];

/** A boundary change by consent: propose, consent, object, close (adopt or escalate), withdraw. */
describe('governance HTTP: consent on boundary changes', () => {
  let t: ServiceTestApp;
  let cora: Caller;
  let anna: Caller;
  let bram: Caller;
  let eve: Caller; // not in the team
  let teamId: string;
  const team = () => `/api/governance/teams/${teamId}`;

  // Refused with this problem, and nothing written.
  const refused: ReturnType<typeof refusedWith> = (send, status, code, field) => refusedWith(t)(send, status, code, field);

  beforeAll(async () => {
    t = await startServiceTestApp([governanceService]);
    cora = await t.as('cora', ['coach']);
    anna = await t.as('anna', ['member']);
    bram = await t.as('bram', ['member']);
    eve = await t.as('eve', ['member']);
    teamId = (await cora.post('/api/governance/teams', { name: 'Wijkteam West' })).body.teamId;
    for (const memberId of ['anna', 'bram']) expectStatus(await cora.post(`${team()}/members`, { memberId }), 201);
    expectStatus(await cora.put(`${team()}/boundaries/t-month`, { boundary: { kind: 'financial', title: 'Team budget', limit: { amount: 1000, currency: 'EUR' }, period: 'month' }, reason: 'start' }), 200);
  });
  afterAll(async () => {
    jest.useRealTimers();
    await t.close();
  });

  it('refuses proposals without a reason, from outsiders, or with a bad time box', async () => {
    const change = { action: 'set', boundary: budget('t-month', 1500) };
    await refused(() => anna.post(`${team()}/proposals`, { change, closesAt: inMs(60_000) }), 400, 'GOVERNANCE.REASON_REQUIRED', 'reason');
    await refused(() => eve.post(`${team()}/proposals`, { change, closesAt: inMs(60_000), reason: 'x' }), 403, 'TEAM.NOT_A_MEMBER');
    await refused(() => anna.post(`${team()}/proposals`, { change, closesAt: '2001-01-01T00:00:00Z', reason: 'x' }), 400, 'PROPOSAL.TIME_BOX_INVALID', 'closesAt');
    await refused(() => anna.post(`${team()}/proposals`, { change: { action: 'grow' }, closesAt: inMs(60_000), reason: 'x' }), 400, 'VALIDATION.FAILED', 'change.action');
  });

  it('adopts a proposal everyone consented to, changing the boundary in the same step', async () => {
    const proposed = await anna.post(`${team()}/proposals`, { proposalId: 'p-1', change: { action: 'set', boundary: budget('t-month', 1500) }, closesAt: inMs(60_000), reason: 'more room for materials' });
    expectStatus(proposed, 201);
    expect(proposed.body).toMatchObject({ proposalId: 'p-1', status: 'open', participantIds: ['anna', 'bram'] });
    expect(proposed.headers['location']).toBe(`${team()}/proposals/p-1`);
    // While it is open, the boundary cannot be changed around it.
    await refused(() => cora.put(`${team()}/boundaries/t-month`, { boundary: { kind: 'financial', title: 'Team budget', limit: { amount: 900, currency: 'EUR' }, period: 'month' }, reason: 'x' }), 409, 'BOUNDARY.PROPOSAL_OPEN');
    await refused(() => cora.post(`${team()}/proposals/p-1/consent`, { memberId: 'cora' }), 403, 'PROPOSAL.NOT_A_PARTICIPANT');
    await refused(() => anna.post(`${team()}/proposals/p-1/consent`, { memberId: 'bram' }), 403, 'PROPOSAL.ONLY_IN_PERSON', 'memberId');
    expectStatus(await anna.post(`${team()}/proposals/p-1/consent`), 200);
    await refused(() => anna.post(`${team()}/proposals/p-1/close`), 422, 'PROPOSAL.TIME_BOX_OPEN');
    expectStatus(await bram.post(`${team()}/proposals/p-1/consent`, { memberId: 'bram' }), 200);
    const closed = await anna.post(`${team()}/proposals/p-1/close`);
    expectStatus(closed, 200);
    expect(closed.body.status).toBe('adopted');
    expect(closed.body.events.map((e: { type: string }) => e.type)).toEqual(['BoundaryChangeAdopted', 'TeamBoundarySet']);
    const boundaries = await anna.get(`${team()}/boundaries`);
    expect(boundaries.body.own).toEqual([expect.objectContaining({ boundary: expect.objectContaining({ limit: { amount: 1500, currency: 'EUR' } }), setBy: 'anna', proposalId: 'p-1', reason: 'more room for materials' })]);
    const proposal = await cora.get(`${team()}/proposals/p-1`);
    expect(proposal.body).toMatchObject({ status: 'adopted', outcome: { by: 'anna', consentedIds: ['anna', 'bram'], silentIds: [] } });
    expect(proposal.body.responses.map((r: { memberId: string; response: string }) => [r.memberId, r.response])).toEqual([
      ['anna', 'consent'],
      ['bram', 'consent'],
    ]);
    await refused(() => anna.post(`${team()}/proposals/p-1/close`), 409, 'PROPOSAL.NOT_OPEN');
  });

  it('escalates a proposal with a standing objection once its time box ends; the boundary stays', async () => {
    const closesAt = inMs(60_000);
    expectStatus(await cora.post(`${team()}/proposals`, { proposalId: 'p-2', change: { action: 'remove', boundaryId: 't-month' }, closesAt, reason: 'trust the team' }), 201);
    await refused(() => bram.post(`${team()}/proposals/p-2/objections`, {}), 400, 'GOVERNANCE.REASON_REQUIRED', 'reason');
    const objected = await bram.post(`${team()}/proposals/p-2/objections`, { reason: 'we still want a monthly cap' });
    expectStatus(objected, 201);
    expectStatus(await anna.post(`${team()}/proposals/p-2/consent`), 200);
    // The time box ends: the process's clock moves just past it (only Date is faked and keeps
    // ticking; timers, I/O and the store run as before), instead of waiting a wall-clock box.
    jest.useFakeTimers({ doNotFake: REAL_TIMERS, advanceTimers: true, now: new Date(closesAt).getTime() + 50 });
    await refused(() => anna.post(`${team()}/proposals/p-2/consent`), 422, 'PROPOSAL.TIME_BOX_ENDED');
    await refused(() => eve.post(`${team()}/proposals/p-2/close`), 403, 'TEAM.NOT_A_MEMBER');
    const closed = await cora.post(`${team()}/proposals/p-2/close`);
    expectStatus(closed, 200);
    expect(closed.body).toMatchObject({ status: 'escalated', events: [{ type: 'BoundaryChangeEscalated' }] });
    const proposal = await anna.get(`${team()}/proposals/p-2`);
    expect(proposal.body.outcome).toMatchObject({ by: 'cora', objections: [{ memberId: 'bram', reason: 'we still want a monthly cap' }] });
    expect((await anna.get(`${team()}/boundaries`)).body.own).toHaveLength(1);
  });

  it('lets only the proposer withdraw, with a reason', async () => {
    expectStatus(await anna.post(`${team()}/proposals`, { proposalId: 'p-3', change: { action: 'set', boundary: budget('t-month', 1200) }, closesAt: inMs(60_000), reason: 'try 1200' }), 201);
    await refused(() => bram.post(`${team()}/proposals/p-3/withdrawal`, { reason: 'not yours' }), 403, 'PROPOSAL.NOT_PROPOSER');
    await refused(() => anna.post(`${team()}/proposals/p-3/withdrawal`, {}), 400, 'GOVERNANCE.REASON_REQUIRED', 'reason');
    const withdrawn = await anna.post(`${team()}/proposals/p-3/withdrawal`, { reason: 'numbers were wrong' });
    expectStatus(withdrawn, 200);
    expect(withdrawn.body.status).toBe('withdrawn');
    await refused(() => anna.post(`${team()}/proposals/p-nope/consent`), 404, 'PROPOSAL.NOT_FOUND');
    expectProblem(await anna.get(`${team()}/proposals/p-nope`), 404, 'PROPOSAL.NOT_FOUND');
  });

  it('lists proposals by status and tells the consent history', async () => {
    const all = await anna.get(`${team()}/proposals`);
    expect(all.body.proposals.map((p: { proposalId: string; status: string }) => [p.proposalId, p.status])).toEqual([
      ['p-3', 'withdrawn'],
      ['p-2', 'escalated'],
      ['p-1', 'adopted'],
    ]);
    const escalated = await anna.get(`${team()}/proposals?status=escalated,adopted`);
    expect(escalated.body.proposals.map((p: { proposalId: string }) => p.proposalId)).toEqual(['p-2', 'p-1']);
    expectProblem(await anna.get(`${team()}/proposals?status=lost`), 400, 'VALIDATION.FAILED', 'status.0');
    const history = await anna.get(`${team()}/history?topic=consent`);
    expect(history.body.entries.map((e: { type: string; by: string }) => [e.type, e.by])).toEqual([
      ['BoundaryChangeProposed', 'anna'],
      ['BoundaryChangeConsented', 'anna'],
      ['BoundaryChangeConsented', 'bram'],
      ['BoundaryChangeAdopted', 'anna'],
      ['BoundaryChangeProposed', 'cora'],
      ['BoundaryChangeObjected', 'bram'],
      ['BoundaryChangeConsented', 'anna'],
      ['BoundaryChangeEscalated', 'cora'],
      ['BoundaryChangeProposed', 'anna'],
      ['BoundaryChangeWithdrawn', 'anna'],
    ]);
  });
});
