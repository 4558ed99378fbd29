import type { Response } from 'supertest';
import { addMonths } from '@leerzone/governance-domain';
import { startServiceTestApp, expectProblem, expectStatus, clockPast, type Caller, type ServiceTestApp, refusedWith } from '@leerzone/service-kit/testing';
import { governanceService } from '../governance.module';

/** The rollout plan (pilot first, then the rest) and the teams list's stall flag over HTTP. */
describe('governance HTTP: rollout plan and stalled teams', () => {
  let t: ServiceTestApp;
  let lena: Caller;
  let cora: Caller;
  let anna: Caller;
  let planId: string;
  const teams: Record<'pilot' | 'follower' | 'unplanned', string> = { pilot: '', follower: '', unplanned: '' };
  const plan = () => `/api/governance/rollout-plans/${planId}`;

  // Refused with this problem, and nothing written.
  const refused: ReturnType<typeof refusedWith> = (send, status, code, field) => refusedWith(t)(send, status, code, field);
  const names = (response: Response) => (response.body.items as { teamId: string }[]).map((team) => Object.entries(teams).find(([, id]) => id === team.teamId)?.[0]);

  beforeAll(async () => {
    t = await startServiceTestApp([governanceService]);
    lena = await t.as('lena', ['transformation-lead']);
    cora = await t.as('cora', ['coach']);
    anna = await t.as('anna', ['member']);
    for (const key of Object.keys(teams) as (keyof typeof teams)[]) {
      teams[key] = (await cora.post('/api/governance/teams', { name: `Team ${key}` })).body.teamId;
    }
  });
  afterAll(async () => t.close());

  it('creates a plan (transformation lead or admin only)', async () => {
    await refused(() => cora.post('/api/governance/rollout-plans', { name: 'Zorg 2020' }), 403, 'AUTH.FORBIDDEN');
    await refused(() => lena.post('/api/governance/rollout-plans', { name: '' }), 400, 'VALIDATION.FAILED', 'name');
    await refused(() => lena.post('/api/governance/rollout-plans', { name: 'Zorg', unitId: 'atlantis' }), 422, 'UNIT.UNKNOWN', 'unitId');
    const created = await lena.post('/api/governance/rollout-plans', { name: 'Zorg 2020' });
    expectStatus(created, 201);
    planId = created.body.planId;
    expectProblem(await anna.get('/api/governance/rollout-plans/00000000-0000-7000-8000-000000000000'), 404, 'ROLLOUT.PLAN_NOT_FOUND');
  });

  it('schedules a pilot first, then the teams that follow', async () => {
    await refused(() => lena.post(`${plan()}/teams`, { teamId: teams.follower, wave: 'following', plannedStartOn: '2020-02-01' }), 422, 'ROLLOUT.PILOT_FIRST', 'plannedStartOn');
    await refused(() => lena.post(`${plan()}/teams`, { teamId: '00000000-0000-7000-8000-000000000000', wave: 'pilot', plannedStartOn: '2020-01-01' }), 422, 'ROLLOUT.TEAM_UNKNOWN', 'teamId');
    await refused(() => lena.post(`${plan()}/teams`, { teamId: teams.pilot, wave: 'pilot', plannedStartOn: '2020-02-30' }), 400, 'VALIDATION.FAILED', 'plannedStartOn');
    expectStatus(await lena.post(`${plan()}/teams`, { teamId: teams.pilot, wave: 'pilot', plannedStartOn: '2020-01-01', plannedSelfSteeringOn: '2020-12-01' }), 201);
    await refused(() => lena.post(`${plan()}/teams`, { teamId: teams.follower, wave: 'following', plannedStartOn: '2019-12-01' }), 422, 'ROLLOUT.PILOT_FIRST');
    expectStatus(await lena.post(`${plan()}/teams`, { teamId: teams.follower, wave: 'following', plannedStartOn: '2020-02-01' }), 201);
    const read = await anna.get(plan());
    expectStatus(read, 200);
    expect(read.headers['etag']).toBe('"3"');
    expect(read.body.teams).toEqual([
      { teamId: teams.pilot, wave: 'pilot', plannedStartOn: '2020-01-01', plannedSelfSteeringOn: '2020-12-01' },
      { teamId: teams.follower, wave: 'following', plannedStartOn: '2020-02-01', plannedSelfSteeringOn: null },
    ]);
    await refused(() => lena.delete(`${plan()}/teams/${teams.pilot}`, { reason: 'not ready' }), 422, 'ROLLOUT.PILOT_FIRST');
  });

  it('flags teams that stalled: a planned start that passed, too long in a phase, too long on the journey', async () => {
    // Both planned starts (2020) have passed while the teams are still preparing.
    expect(names(await anna.get('/api/governance/teams?stalled=true'))).toEqual(['follower', 'pilot']);
    const listed = await anna.get('/api/governance/teams');
    expect(listed.body.items.find((team: { teamId: string }) => team.teamId === teams.pilot)).toMatchObject({ stalled: true, stallReasons: ['start-overdue'] });
    expectStatus(await cora.put(`/api/governance/teams/${teams.pilot}/phase`, { phase: 'pilot' }), 200);
    expect(names(await anna.get('/api/governance/teams?stalled=true'))).toEqual(['follower']);
    expect(names(await anna.get('/api/governance/teams?stalled=false'))).toEqual(['pilot', 'unplanned']);
    const inSevenMonths = addMonths(new Date(), 7).toISOString();
    const later = await anna.get(`/api/governance/teams?stalled=true&evaluatedAt=${encodeURIComponent(inSevenMonths)}`);
    expect(names(later)).toEqual(['follower', 'pilot']);
    expect(later.body.items.find((team: { teamId: string }) => team.teamId === teams.pilot)).toMatchObject({ stallReasons: ['phase-too-long'], monthsInPhase: 7 });
    const inThirteenMonths = addMonths(new Date(), 13).toISOString();
    const progress = await anna.get(`/api/governance/teams/${teams.pilot}/phase?evaluatedAt=${encodeURIComponent(inThirteenMonths)}`);
    expect(progress.body).toMatchObject({ phase: 'pilot', stalled: true, reasons: ['phase-too-long', 'journey-too-long'], plannedStartOn: '2020-01-01' });
    expectProblem(await anna.get('/api/governance/teams?stalled=maybe'), 400, 'VALIDATION.FAILED', 'stalled');
  });

  let beforeReschedule: string;

  it('reschedules with a reason; the plan as of an earlier moment keeps the old dates', async () => {
    beforeReschedule = new Date().toISOString();
    await clockPast(beforeReschedule);
    await refused(() => lena.put(`${plan()}/teams/${teams.follower}`, { wave: 'following', plannedStartOn: '2099-01-01' }), 400, 'GOVERNANCE.REASON_REQUIRED', 'reason');
    await refused(() => lena.put(`${plan()}/teams/${teams.unplanned}`, { wave: 'following', plannedStartOn: '2099-01-01', reason: 'x' }), 404, 'ROLLOUT.TEAM_NOT_SCHEDULED');
    expectStatus(await lena.put(`${plan()}/teams/${teams.follower}`, { wave: 'following', plannedStartOn: '2099-01-01', reason: 'coach on leave' }), 200);
    expect(names(await anna.get('/api/governance/teams?stalled=true'))).toEqual([]);
    const then = await anna.get(`${plan()}?asOf=${encodeURIComponent(beforeReschedule)}`);
    expect(then.body.teams.find((s: { teamId: string }) => s.teamId === teams.follower).plannedStartOn).toBe('2020-02-01');
    const now = await anna.get(plan());
    expect(now.body.teams.find((s: { teamId: string }) => s.teamId === teams.follower).plannedStartOn).toBe('2099-01-01');
  });

  it('unschedules with a reason and lists plans and their history', async () => {
    await refused(() => lena.delete(`${plan()}/teams/${teams.follower}`), 400, 'GOVERNANCE.REASON_REQUIRED', 'reason');
    expectStatus(await lena.delete(`${plan()}/teams/${teams.follower}`, { reason: 'team merged' }), 200);
    expect((await anna.get('/api/governance/rollout-plans')).body.items.map((p: { name: string }) => p.name)).toEqual(['Zorg 2020']);
    const history = await anna.get(`${plan()}/history`);
    expect(history.body.entries.map((e: { type: string; by: string; reason: string | null }) => [e.type, e.by, e.reason])).toEqual([
      ['RolloutPlanCreated', 'lena', null],
      ['TeamScheduled', 'lena', null],
      ['TeamScheduled', 'lena', null],
      ['TeamRescheduled', 'lena', 'coach on leave'],
      ['TeamUnscheduled', 'lena', 'team merged'],
    ]);
  });
});
