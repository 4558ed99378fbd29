import { startServiceTestApp, expectProblem, expectStatus, clockPast, type Caller, type ServiceTestApp, refusedWith } from '@leerzone/service-kit/testing';
import { governanceService } from '../governance.module';

process.env['GOVERNANCE_SCHEDULER_INTERVAL_MS'] = '0';

const inMonths = (months: number) => {
  const at = new Date();
  at.setUTCMonth(at.getUTCMonth() + months);
  return at.toISOString();
};

/** The tenant's governance settings: their own stream, each change an event with a reason, read as of any moment; the stall rules read them. */
describe('governance HTTP: tenant settings', () => {
  let t: ServiceTestApp;
  let lea: Caller;
  let cora: Caller;
  let teamId: string;
  let beforeChange: string;

  // Refused with this problem, and nothing written.
  const refused: ReturnType<typeof refusedWith> = (send, status, code, field) => refusedWith(t)(send, status, code, field);

  beforeAll(async () => {
    t = await startServiceTestApp([governanceService]);
    lea = await t.as('lea', ['transformation-lead']);
    cora = await t.as('cora', ['coach']);
    teamId = (await cora.post('/api/governance/teams', { name: 'Wijkteam Oost' })).body.teamId;
    expectStatus(await cora.put(`/api/governance/teams/${teamId}/phase`, { phase: 'pilot' }), 200);
  });
  afterAll(async () => t.close());

  it('starts at the defaults: 6 and 12 months, 14 days to answer, 7 days for objections', async () => {
    const settings = await cora.get('/api/governance/settings');
    expectStatus(settings, 200);
    expect(settings.body).toMatchObject({ configured: false, settings: { maxMonthsInPhase: 6, maxMonthsOnJourney: 12, escalationTimeoutDays: 14, consentDeadlineDays: 7 }, version: 0 });
    expect(settings.headers['etag']).toBe('"0"');
  });

  it('judges stalls by the defaults until the tenant changes them', async () => {
    const stalled = await cora.get(`/api/governance/teams?stalled=true&evaluatedAt=${inMonths(7)}`);
    expect(stalled.body.items.map((team: { teamId: string }) => team.teamId)).toEqual([teamId]);
    expect(stalled.body.thresholds).toEqual({ maxMonthsInPhase: 6, maxMonthsOnJourney: 12 });
    expect((await cora.get(`/api/governance/teams/${teamId}/phase?evaluatedAt=${inMonths(7)}`)).body).toMatchObject({ stalled: true, reasons: ['phase-too-long'] });
  });

  it('only a lead or admin changes them, with a reason, within bounds', async () => {
    await refused(() => cora.put('/api/governance/settings', { maxMonthsInPhase: 9, reason: 'x' }), 403, 'AUTH.FORBIDDEN');
    await refused(() => lea.put('/api/governance/settings', { maxMonthsInPhase: 9 }), 400, 'GOVERNANCE.REASON_REQUIRED', 'reason');
    await refused(() => lea.put('/api/governance/settings', { maxMonthsInPhase: 0, reason: 'x' }), 400, 'VALIDATION.FAILED', 'maxMonthsInPhase');
    await refused(() => lea.put('/api/governance/settings', { consentDeadlineDays: 91, reason: 'x' }), 400, 'VALIDATION.FAILED', 'consentDeadlineDays');
    await refused(() => lea.put('/api/governance/settings', { escalationTimeoutDays: '7', reason: 'x' }), 400, 'VALIDATION.FAILED', 'escalationTimeoutDays');
    await refused(() => lea.put('/api/governance/settings', { colour: 'red', reason: 'x' }), 400, 'VALIDATION.FAILED');
    await refused(() => lea.put('/api/governance/settings', { maxMonthsInPhase: 12, maxMonthsOnJourney: 10, reason: 'x' }), 400, 'SETTINGS.JOURNEY_SHORTER_THAN_PHASE', 'maxMonthsOnJourney');
    await refused(() => lea.put('/api/governance/settings', { reason: 'x' }), 400, 'SETTINGS.NOTHING_TO_CHANGE');
    await refused(() => lea.put('/api/governance/settings', { maxMonthsInPhase: 9, reason: 'x' }, { 'if-match': '"5"' }), 412, 'STREAM.VERSION_MISMATCH');
    beforeChange = new Date().toISOString();
    await clockPast(beforeChange);
    const changed = await lea.put('/api/governance/settings', { maxMonthsInPhase: 9, maxMonthsOnJourney: 18, reason: 'large units need more time per phase' }, { 'if-match': '"0"' });
    expectStatus(changed, 200);
    expect(changed.body).toMatchObject({ settings: { maxMonthsInPhase: 9, maxMonthsOnJourney: 18, escalationTimeoutDays: 14, consentDeadlineDays: 7 }, version: 1, events: [{ type: 'GovernanceSettingsChanged' }] });
    const admin = await t.as('adam', ['admin']);
    expectStatus(await admin.put('/api/governance/settings', { escalationTimeoutDays: 10, reason: 'answer sooner' }), 200);
  });

  it('reads them now and as of any moment, per tenant', async () => {
    const now = await cora.get('/api/governance/settings');
    expect(now.body).toMatchObject({ configured: true, settings: { maxMonthsInPhase: 9, maxMonthsOnJourney: 18, escalationTimeoutDays: 10 }, changedBy: 'adam', reason: 'answer sooner', version: 2 });
    const past = await cora.get(`/api/governance/settings?asOf=${beforeChange}`);
    expect(past.body).toMatchObject({ configured: false, settings: { maxMonthsInPhase: 6, maxMonthsOnJourney: 12 } });
    expectProblem(await cora.get('/api/governance/settings?asOf=last-week'), 400, 'VALIDATION.FAILED', 'asOf');
    expect((await (await t.as('gus', ['member'], 'globex')).get('/api/governance/settings')).body).toMatchObject({ configured: false, settings: { maxMonthsInPhase: 6 } });
  });

  it('the stall rules read the tenant’s thresholds: 7 months in a phase is no longer stalled, 10 is', async () => {
    expect((await cora.get(`/api/governance/teams?stalled=true&evaluatedAt=${inMonths(7)}`)).body.items).toEqual([]);
    expect((await cora.get(`/api/governance/teams?stalled=false&evaluatedAt=${inMonths(7)}`)).body.items.map((team: { teamId: string }) => team.teamId)).toEqual([teamId]);
    const later = await cora.get(`/api/governance/teams?stalled=true&evaluatedAt=${inMonths(10)}`);
    expect(later.body.items).toEqual([expect.objectContaining({ teamId, stalled: true, stallReasons: ['phase-too-long'] })]);
    expect(later.body.thresholds).toEqual({ maxMonthsInPhase: 9, maxMonthsOnJourney: 18 });
    expect((await cora.get(`/api/governance/teams/${teamId}/phase?evaluatedAt=${inMonths(7)}`)).body).toMatchObject({ stalled: false, thresholds: { maxMonthsInPhase: 9 } });
    // Judged at a moment before the change, the thresholds of that moment apply.
    expect((await cora.get(`/api/governance/teams/${teamId}/phase?evaluatedAt=${beforeChange}`)).body).toMatchObject({ thresholds: { maxMonthsInPhase: 6, maxMonthsOnJourney: 12 } });
  });
});
