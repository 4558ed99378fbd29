import { startServiceTestApp, type ServiceTestApp } from '@leerzone/service-kit/testing';
import { analyticsService } from '../analytics.module';
import { SourceEvents } from '../testing/source-events.fixture';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const TEAMS = ['t-a', 't-b', 't-c', 't-d'];
const SAFETY: Record<string, number> = { 't-a': 4.1, 't-b': 5.2, 't-c': 6.3 }; // t-d has no round

describe('analytics: outcomes next to trust', () => {
  let analytics: ServiceTestApp;

  beforeAll(async () => {
    analytics = await startServiceTestApp([analyticsService]);
    const gov = new SourceEvents('governance');
    const assessment = new SourceEvents('assessment');
    await analytics.bus.publish(
      'governance',
      TEAMS.map((teamId) => gov.event(`team-${teamId}`, 'TeamCreated', { teamId, name: teamId.toUpperCase(), unitId: null, createdBy: 'lead', createdAt: '2026-01-01T00:00:00.000Z' })),
    );
    await analytics.bus.publish(
      'assessment',
      Object.entries(SAFETY).flatMap(([teamId, safety]) => {
        const roundId = `r-${teamId}`;
        const total = { n: 6, mean: safety, sd: 0.5, rwg: 0.8, lowAgreement: false };
        return [
          assessment.event(`assessment-round-${roundId}`, 'RoundOpened', { roundId, teamId, instruments: [{ instrumentId: 'psychological-safety' }], respondentIds: ['1', '2', '3', '4', '5', '6'], anonymityThreshold: 5, openedAt: '2026-02-01T00:00:00.000Z' }),
          assessment.event(`assessment-round-${roundId}`, 'RoundClosed', {
            roundId,
            teamId,
            outcome: 'results',
            results: [{ instrumentId: 'psychological-safety', n: 6, dimensions: [], total, items: [] }],
            zone: null,
            closedAt: '2026-02-15T00:00:00.000Z',
          }),
        ];
      }),
    );
    const deadline = Date.now() + 10_000;
    for (;;) {
      const teams = (await get('/api/analytics/team-figures')).body.items as Json[];
      if (teams.length === 4 && teams.filter((t) => t['trust'].rounds.length === 1).length === 3) break;
      if (Date.now() > deadline) throw new Error('analytics did not settle');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  });
  afterAll(() => analytics?.close());

  const get = async (path: string) => (await analytics.as('ana', ['analyst'])).get(path);
  const post = async (path: string, body: unknown, roles: ('analyst' | 'coach')[] = ['analyst']) => (await analytics.as('ana', roles)).post(path, body);

  it('refuses an import with any bad line, naming each line and field, and records nothing', async () => {
    const csv = 'teamId,period,engagement,absenteeismRate\nt-a,2026-Q1,70,3\nt-x,2026-Q1,80,2\nt-b,2026-Q1,180,2\n';
    const refused = await post('/api/analytics/outcomes/csv', { csv });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ code: 'OUTCOMES.INVALID_ROWS', field: 'teamId' });
    expect(refused.body.errors.map((e: Json) => [e['line'], e['field'], e['code']])).toEqual([
      [3, 'teamId', 'OUTCOMES.UNKNOWN_TEAM'],
      [4, 'engagement', 'OUTCOMES.INVALID_ROW'],
    ]);
    expect((await analytics.store.readStream('analytics-outcomes-acme').catch(() => []))).toEqual([]);
    expect((await get('/api/analytics/outcomes?period=2026-Q1')).body.teams).toEqual([]);
    // And JSON rows the same way.
    const rows = await post('/api/analytics/outcomes', { rows: [{ teamId: 't-a', period: '2026-Q1', engagement: 'high' }] });
    expect(rows.body.errors).toEqual([expect.objectContaining({ line: 1, field: 'engagement' })]);
    expect((await post('/api/analytics/outcomes', { rows: [] })).body).toMatchObject({ status: 400, code: 'OUTCOMES.INVALID_ROWS', field: 'rows' });
    expect((await post('/api/analytics/outcomes', { rows: [{ teamId: 't-a', period: '2026-Q1', engagement: 1 }] }, ['coach'])).status).toBe(403);
  });

  it('imports a CSV whole as one event, idempotently, and shows outcomes next to trust with the rank correlation and an honest n', async () => {
    const importId = '01900000-0000-7000-8000-00000000e001';
    const csv = 'teamId,period,engagement,innovativeIdeas\r\nt-a,2026-Q1,60,2\r\nt-b,2026-Q1,70,5\r\nt-c,2026-Q1,90,4\r\nt-d,2026-Q1,99,9\r\n';
    const first = await post('/api/analytics/outcomes/csv', { csv, importId });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ importId, rows: 4, version: 1, events: [{ type: 'OutcomesImported' }] });
    const again = await post('/api/analytics/outcomes/csv', { csv, importId });
    expect(again.body).toMatchObject({ importId, version: 1, events: [] });
    // A later import by API sets the measure it gives and keeps the others.
    expect((await post('/api/analytics/outcomes', { rows: [{ teamId: 't-d', period: '2026-Q1', absenteeismRate: 2.5 }] })).status).toBe(201);

    const answer = (await get('/api/analytics/outcomes?period=2026-Q1')).body as Json;
    expect(answer['teams'].map((t: Json) => [t['teamId'], t['engagement'], t['absenteeismRate'], t['psychologicalSafety'], t['trustN']])).toEqual([
      ['t-a', 60, null, 4.1, 6],
      ['t-b', 70, null, 5.2, 6],
      ['t-c', 90, null, 6.3, 6],
      ['t-d', 99, 2.5, null, null],
    ]);
    const engagement = answer['correlations'].find((c: Json) => c['outcome'] === 'engagement' && c['trust'] === 'psychologicalSafety');
    // Only the three teams with a shown round count; same order on both sides.
    expect(engagement).toEqual({ outcome: 'engagement', trust: 'psychologicalSafety', rho: 1, n: 3, note: expect.stringMatching(/Only 3 teams/) });
    const ideas = answer['correlations'].find((c: Json) => c['outcome'] === 'innovativeIdeas' && c['trust'] === 'psychologicalSafety');
    expect(ideas).toMatchObject({ rho: 0.5, n: 3 });
    expect(answer['correlations'].find((c: Json) => c['outcome'] === 'absenteeismRate' && c['trust'] === 'psychologicalSafety')).toMatchObject({ rho: null, n: 0 });
    expect((await get('/api/analytics/outcomes?period=2026-Q2')).body.teams).toEqual([]);
    expect((await get('/api/analytics/outcomes?period=Q1')).body).toMatchObject({ status: 400, field: 'period' });
  });
});
