import { startServiceTestApp, expectProblem, expectStatus, type Caller, type ServiceTestApp } from '@leerzone/service-kit/testing';
import { governanceService } from '../governance.module';
import { ConsentDeadlineScheduler } from '../teams/adopt-by-deadline/consent-deadline.scheduler';

process.env['GOVERNANCE_SCHEDULER_INTERVAL_MS'] = '0';

const decide = (decisionId: string, area: string, amount: number | null, onOutsideMandate = 'escalate') => ({
  decisionId,
  area,
  title: `Decision ${decisionId}`,
  actedUnderLevel: 5,
  rationale: 'Because, "quoted", and, commas',
  optionsConsidered: ['a', 'b'],
  ...(amount === null ? {} : { amount: { amount, currency: 'EUR' } }),
  onOutsideMandate,
});
const csvRows = (text: string) => text.trim().split('\r\n');
const ndjson = (text: string) => text.split('\n').filter(Boolean).map((line) => JSON.parse(line) as Record<string, unknown>);

/** Decisions, boundary changes and consent outcomes as CSV and NDJSON, streamed, filtered, tenant-scoped. */
describe('governance HTTP: export', () => {
  let t: ServiceTestApp;
  let lea: Caller;
  let ana: Caller; // analyst
  let cora: Caller;
  let anna: Caller;
  let north: string;
  let south: string;
  let start: string;

  beforeAll(async () => {
    t = await startServiceTestApp([governanceService]);
    lea = await t.as('lea', ['transformation-lead']);
    ana = await t.as('ana', ['analyst']);
    cora = await t.as('cora', ['coach']);
    anna = await t.as('anna', ['member']);
    start = new Date().toISOString();
    const organisationId = (await lea.post('/api/governance/organisations', { name: 'Zorggroep' })).body.organisationId;
    expectStatus(await lea.post(`/api/governance/organisations/${organisationId}/units`, { unitId: 'care', name: 'Zorg' }), 201);
    expectStatus(await lea.put(`/api/governance/organisations/${organisationId}/units/care/boundaries/u-cap`, { boundary: { kind: 'financial', title: 'Unit cap', limit: { amount: 5000, currency: 'EUR' }, period: 'per-decision' }, reason: 'frame' }), 200);
    north = (await cora.post('/api/governance/teams', { name: 'Noord', unitId: 'care' })).body.teamId;
    south = (await cora.post('/api/governance/teams', { name: 'Zuid' })).body.teamId;
    for (const teamId of [north, south]) {
      expectStatus(await cora.post(`/api/governance/teams/${teamId}/members`, { memberId: 'anna' }), 201);
      expectStatus(await cora.put(`/api/governance/teams/${teamId}/delegation-board/areas/planning/level`, { level: 5, reason: 'x' }), 200);
      expectStatus(await cora.put(`/api/governance/teams/${teamId}/delegation-board/areas/budget-spend/level`, { level: 5, reason: 'x' }), 200);
    }
    expectStatus(await cora.put(`/api/governance/teams/${north}/boundaries/t-month`, { boundary: { kind: 'financial', title: 'Team budget', limit: { amount: 1000, currency: 'EUR' }, period: 'month', decisionArea: 'budget-spend' }, reason: 'start' }), 200);
    expectStatus(await anna.post(`/api/governance/teams/${north}/decisions`, decide('d-1', 'planning', null)), 201);
    expectStatus(await anna.post(`/api/governance/teams/${north}/decisions`, decide('d-2', 'budget-spend', 1200)), 201); // escalated
    expectStatus(await anna.post(`/api/governance/teams/${south}/decisions`, decide('d-3', 'planning', null)), 201);
    const proposed = await anna.post(`/api/governance/teams/${north}/proposals`, { proposalId: 'p-1', change: { action: 'set', boundary: { boundaryId: 't-month', kind: 'financial', title: 'Team budget', limit: { amount: 1200, currency: 'EUR' }, period: 'month', decisionArea: 'budget-spend' } }, closesAt: new Date(Date.now() + 60_000).toISOString(), reason: 'room' });
    expectStatus(proposed, 201);
    await t.app.get(ConsentDeadlineScheduler, { strict: false }).adoptDue(new Date(Date.parse(proposed.body.closesAt as string) + 1_000));
  });
  afterAll(async () => t.close());

  it('exports decisions as CSV (RFC 4180 quoting) and NDJSON, oldest first', async () => {
    const csv = await ana.get('/api/governance/exports/decisions?format=csv');
    expectStatus(csv, 200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="governance-decisions.csv"');
    const rows = csvRows(csv.text);
    expect(rows[0]).toBe('teamId,decisionId,status,area,title,actedUnderLevel,boardLevel,amount,currency,by,at,violations,answer,answeredBy,answeredAs,answeredAt,answerReason,rationale');
    expect(rows).toHaveLength(4);
    expect(rows[1]).toContain(`${north},d-1,recorded,planning,Decision d-1,5,5,,,anna,`);
    expect(rows[1]!.endsWith(',"Because, ""quoted"", and, commas"')).toBe(true);
    expect(rows[2]).toContain(',d-2,escalated,budget-spend,');
    expect(rows[2]).toContain('DECISION.AMOUNT_OVER_LIMIT');
    const lines = ndjson((await ana.get('/api/governance/exports/decisions?format=ndjson')).text);
    expect(lines.map((l) => l['decisionId'])).toEqual(['d-1', 'd-2', 'd-3']);
    expect(lines[1]).toMatchObject({ status: 'escalated', amount: 1200, currency: 'EUR', rationale: 'Because, "quoted", and, commas' });
  });

  it('filters by team, unit, area and period', async () => {
    const ids = async (query: string) => ndjson((await ana.get(`/api/governance/exports/decisions?format=ndjson&${query}`)).text).map((l) => l['decisionId']);
    expect(await ids(`teamId=${south}`)).toEqual(['d-3']);
    expect(await ids('unitId=care')).toEqual(['d-1', 'd-2']);
    expect(await ids('area=planning')).toEqual(['d-1', 'd-3']);
    expect(await ids(`from=${new Date(Date.now() + 60_000).toISOString()}`)).toEqual([]);
    expect(await ids(`from=${start}&to=${new Date().toISOString()}`)).toEqual(['d-1', 'd-2', 'd-3']);
    expect(csvRows((await ana.get('/api/governance/exports/decisions?unitId=elsewhere')).text)).toHaveLength(1);
  });

  it('exports boundary changes of teams and units, and consent outcomes with how they ended', async () => {
    const changes = ndjson((await lea.get('/api/governance/exports/boundary-changes?format=ndjson&unitId=care')).text);
    expect(changes.map((c) => [c['level'], c['boundaryId'], c['change'], c['limit'], c['proposalId']])).toEqual([
      ['unit', 'u-cap', 'set', 5000, null],
      ['team', 't-month', 'set', 1000, null],
      ['team', 't-month', 'changed', 1200, 'p-1'],
    ]);
    expect(ndjson((await lea.get('/api/governance/exports/boundary-changes?format=ndjson&area=budget-spend')).text)).toHaveLength(2);
    const outcomes = csvRows((await lea.get('/api/governance/exports/consent-outcomes')).text);
    expect(outcomes[0]).toBe('teamId,proposalId,status,action,boundaryId,proposedBy,proposedAt,closesAt,closedAt,byDeadline,consented,silent,objections,answer,answeredBy,answeredAs,reason');
    expect(outcomes).toHaveLength(2);
    expect(outcomes[1]).toContain(`${north},p-1,adopted,set,t-month,anna,`);
    expect(outcomes[1]).toContain(',true,0,1,,,,,room');
    expect(csvRows((await lea.get(`/api/governance/exports/consent-outcomes?teamId=${south}`)).text)).toHaveLength(1);
  });

  it('refuses bad input and callers without an export role; another tenant exports nothing of this one', async () => {
    expectProblem(await cora.get('/api/governance/exports/decisions'), 403, 'AUTH.FORBIDDEN');
    expectProblem(await anna.get('/api/governance/exports/decisions'), 403, 'AUTH.FORBIDDEN');
    expectProblem(await ana.get('/api/governance/exports/decisions?format=xlsx'), 400, 'VALIDATION.FAILED', 'format');
    expectProblem(await ana.get('/api/governance/exports/people'), 400, 'VALIDATION.FAILED', 'dataset');
    expectProblem(await ana.get('/api/governance/exports/decisions?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z'), 400, 'VALIDATION.FAILED', 'to');
    expectProblem(await ana.get('/api/governance/exports/decisions?area=Not A Slug'), 400, 'VALIDATION.FAILED', 'area');
    const other = await t.as('ana', ['analyst'], 'globex');
    for (const dataset of ['decisions', 'boundary-changes', 'consent-outcomes']) expect(csvRows((await other.get(`/api/governance/exports/${dataset}`)).text)).toHaveLength(1);
  });
});
