import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { teamStreamId } from '@leerzone/governance-domain';
import { startServiceTestApp, expectProblem, expectStatus, type Caller, type ServiceTestApp } from '@leerzone/service-kit/testing';
import { governanceService } from '../../governance.module';
import { ConsentDeadlineScheduler } from './consent-deadline.scheduler';

// The tests drive the scheduler's clock themselves; the timer stays off.
process.env['GOVERNANCE_SCHEDULER_INTERVAL_MS'] = '0';

const budget = (amount: number) => ({ boundaryId: 't-month', kind: 'financial', title: 'Team budget', limit: { amount, currency: 'EUR' }, period: 'month', decisionArea: null });
const later = (iso: string, ms: number) => new Date(Date.parse(iso) + ms);

/** Consent with a deadline, decided by a scheduler that survives a restart and never adopts twice. */
describe('governance: consent with a deadline', () => {
  const dir = mkdtempSync(join(tmpdir(), 'leerzone-deadline-'));
  let t: ServiceTestApp;
  let cora: Caller;
  let anna: Caller;
  let bram: Caller;
  let teamId: string;
  const team = () => `/api/governance/teams/${teamId}`;
  const callers = async () => {
    cora = await t.as('cora', ['coach']);
    anna = await t.as('anna', ['member']);
    bram = await t.as('bram', ['member']);
  };
  const scheduler = () => t.app.get(ConsentDeadlineScheduler, { strict: false });
  const streamTypes = async () => (await t.store.readStream(teamStreamId('acme', teamId))).map((e) => ({ type: e.type, proposalId: (e.data as { proposalId?: string }).proposalId }));
  const adoptions = async (proposalId: string) => (await streamTypes()).filter((e) => e.type === 'BoundaryChangeAdoptedByDeadline' && e.proposalId === proposalId);

  beforeAll(async () => {
    t = await startServiceTestApp([governanceService], { dir });
    await callers();
    teamId = (await cora.post('/api/governance/teams', { name: 'Wijkteam Zuid' })).body.teamId;
    for (const memberId of ['anna', 'bram']) expectStatus(await cora.post(`${team()}/members`, { memberId }), 201);
    expectStatus(await cora.put(`${team()}/boundaries/t-month`, { boundary: { kind: 'financial', title: 'Team budget', limit: { amount: 1000, currency: 'EUR' }, period: 'month' }, reason: 'start' }), 200);
  });
  afterAll(async () => {
    await t.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('adopts at the deadline exactly once, also when the process restarts in between', async () => {
    const proposed = await anna.post(`${team()}/proposals`, { proposalId: 'p-1', change: { action: 'set', boundary: budget(1500) }, closesAt: new Date(Date.now() + 60_000).toISOString(), reason: 'more room' });
    expectStatus(proposed, 201);
    const closesAt = proposed.body.closesAt as string;
    expectStatus(await anna.post(`${team()}/proposals/p-1/consent`), 200);
    // Before the deadline: nothing is due, nothing is written.
    const before = await t.head();
    expect(await scheduler().adoptDue(later(closesAt, -1_000))).toEqual({ due: 0, decided: 0, alreadyDecided: 0 });
    expect(await t.head()).toBe(before);

    // The process stops mid-deadline and starts again on the same store; its read models are rebuilt from the events.
    await t.close();
    t = await startServiceTestApp([governanceService], { dir });
    await callers();
    expect(await scheduler().adoptDue(later(closesAt, 1_000))).toEqual({ due: 1, decided: 1, alreadyDecided: 0 });
    expect(await adoptions('p-1')).toHaveLength(1);
    // A later pass (or another restart) finds nothing due.
    expect(await scheduler().adoptDue(later(closesAt, 2_000))).toEqual({ due: 0, decided: 0, alreadyDecided: 0 });
    await t.close();
    t = await startServiceTestApp([governanceService], { dir });
    await callers();
    expect(await scheduler().adoptDue(later(closesAt, 3_000))).toMatchObject({ decided: 0 });
    expect(await adoptions('p-1')).toHaveLength(1);

    const proposal = await anna.get(`${team()}/proposals/p-1`);
    expect(proposal.body).toMatchObject({ status: 'adopted', outcome: { by: 'governance-scheduler', byDeadline: true, consentedIds: ['anna'], silentIds: ['bram'] } });
    expect((await anna.get(`${team()}/boundaries`)).body.own).toEqual([expect.objectContaining({ boundary: expect.objectContaining({ limit: { amount: 1500, currency: 'EUR' } }), proposalId: 'p-1', setBy: 'anna' })]);
    const history = await anna.get(`${team()}/history?topic=consent`);
    expect(history.body.entries.map((e: { type: string }) => e.type)).toContain('BoundaryChangeAdoptedByDeadline');
  });

  it('two ticks racing adopt once: the decider refuses the second', async () => {
    const proposed = await anna.post(`${team()}/proposals`, { proposalId: 'p-2', change: { action: 'set', boundary: budget(1800) }, closesAt: new Date(Date.now() + 60_000).toISOString(), reason: 'even more room' });
    expectStatus(proposed, 201);
    const at = later(proposed.body.closesAt as string, 1_000);
    const passes = await Promise.all([scheduler().adoptDue(at), scheduler().adoptDue(at), scheduler().adoptDue(at)]);
    expect(passes.reduce((sum, p) => sum + p.decided, 0)).toBe(1);
    expect(passes.every((p) => p.due === p.decided + p.alreadyDecided)).toBe(true);
    expect(await adoptions('p-2')).toHaveLength(1);
    expect((await streamTypes()).filter((e) => e.type === 'TeamBoundarySet' && e.proposalId === 'p-2')).toHaveLength(1);
  });

  it('escalates at the deadline when an objection stands; the boundary stays', async () => {
    const proposed = await cora.post(`${team()}/proposals`, { proposalId: 'p-3', change: { action: 'remove', boundaryId: 't-month' }, closesAt: new Date(Date.now() + 60_000).toISOString(), reason: 'trust the team' });
    expectStatus(proposed, 201);
    expectProblem(await bram.post(`${team()}/proposals/p-3/objections`, {}), 400, 'GOVERNANCE.REASON_REQUIRED', 'reason');
    expectStatus(await bram.post(`${team()}/proposals/p-3/objections`, { reason: 'we still want a cap' }), 201);
    expect(await scheduler().adoptDue(later(proposed.body.closesAt as string, 1_000))).toMatchObject({ due: 1, decided: 1 });
    expect((await anna.get(`${team()}/proposals/p-3`)).body).toMatchObject({ status: 'escalated', outcome: { by: 'governance-scheduler', objections: [{ memberId: 'bram', reason: 'we still want a cap' }] } });
    expect(await adoptions('p-3')).toHaveLength(0);
    expect((await anna.get(`${team()}/boundaries`)).body.own).toHaveLength(1);
  });

  it('gives a proposal without closesAt the tenant’s consent default, and refuses a bad deadline', async () => {
    expectStatus(await (await t.as('lea', ['transformation-lead'])).put('/api/governance/settings', { consentDeadlineDays: 3, reason: 'short loops' }), 200);
    const head = await t.head();
    expectProblem(await anna.post(`${team()}/proposals`, { change: { action: 'set', boundary: budget(2100) }, closesAt: 'tomorrow', reason: 'x' }), 400, 'VALIDATION.FAILED', 'closesAt');
    expectProblem(await anna.post(`${team()}/proposals`, { change: { action: 'set', boundary: budget(2100) }, closesAt: new Date(Date.now() + 100 * 86_400_000).toISOString(), reason: 'x' }), 400, 'PROPOSAL.TIME_BOX_INVALID', 'closesAt');
    expect(await t.head()).toBe(head);
    const before = Date.now();
    const proposed = await anna.post(`${team()}/proposals`, { proposalId: 'p-4', change: { action: 'set', boundary: budget(2000) }, reason: 'room' });
    expectStatus(proposed, 201);
    const closes = Date.parse(proposed.body.closesAt as string);
    expect(closes).toBeGreaterThanOrEqual(before + 3 * 86_400_000);
    expect(closes).toBeLessThanOrEqual(Date.now() + 3 * 86_400_000);
  });
});
