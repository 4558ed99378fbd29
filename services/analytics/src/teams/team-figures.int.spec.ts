import type { DeadLetter } from '@leerzone/messaging';
import { startServiceTestApp, type ServiceTestApp } from '@leerzone/service-kit/testing';
import { analyticsService } from '../analytics.module';
import { SourceEvents } from '../testing/source-events.fixture';
import { A, B, C, FAILURE_AT, ORG, organisationHistory as history } from '../testing/organisation-history.fixture';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('analytics: every service’s events in one set of read models', () => {
  let analytics: ServiceTestApp;
  let events: ReturnType<typeof history>;

  beforeAll(async () => {
    analytics = await startServiceTestApp([analyticsService]);
    events = history();
    for (const [source, batch] of Object.entries(events)) await analytics.bus.publish(source, batch);
    await settled(async () => {
      const body = (await get(`/api/analytics/team-figures?team=${A}`)).body as Json;
      const a = body['items']?.[0];
      return a?.okr.finalScores.length === 1 && a?.failures.basicRepeats === 1 && a?.failures.openActions === 1 && a?.zone.current === 'anxiety' && a?.decisions.escalated === 3;
    });
  });
  afterAll(() => analytics?.close());

  const get = async (path: string, roles: ('analyst' | 'member' | 'coach')[] = ['analyst'], tenantId = 'acme') => (await analytics.as('ana', roles, tenantId)).get(path);

  async function settled(done: () => Promise<boolean>): Promise<void> {
    const deadline = Date.now() + 10_000;
    while (!(await done())) {
      if (Date.now() > deadline) throw new Error('analytics did not settle');
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  }

  it('holds each team’s figures from all four sources', async () => {
    const response = await get(`/api/analytics/team-figures?team=${A}`);
    expect(response.status).toBe(200);
    const a = response.body.items[0] as Json;
    expect(a['rollout']).toMatchObject({ phase: 'pilot', since: '2026-01-05T09:00:00.000Z', members: 5, yes: 3, yesShare: 0.6 });
    expect(a['delegation']).toMatchObject({ levels: { 'budget-spend': 3 }, changes: 2 });
    expect(a['boundaries']).toMatchObject({ count: 1, changes: 2 });
    expect(a['boundaries'].recentChanges.map((c: Json) => c['effect'])).toEqual(['widened', 'narrowed']);
    expect(a['decisions']).toEqual({ recorded: 1, escalated: 3, approved: 1, refused: 1, awaitingAnswer: 1, escalationShare: 0.75, byArea: { tooling: { recorded: 1 }, 'budget-spend': { escalated: 3, approved: 1, refused: 1 } } });
    expect(a['zone']).toEqual({ current: 'anxiety', since: '2026-03-15T09:00:00.000Z', history: [{ roundId: 'ra', from: null, to: 'anxiety', at: '2026-03-15T09:00:00.000Z' }] });
    expect(a['trust']).toEqual({
      rounds: [{ roundId: 'ra', closedAt: '2026-03-15T09:00:00.000Z', psychologicalSafety: { mean: 4.2, n: 6 }, abi: { total: 4, ability: 4, benevolence: 4, integrity: 4, n: 6 } }],
      roundsWithheld: 0,
    });
    expect(a['okr']).toMatchObject({ objectives: 1, progress: null, finalScores: [{ objectiveId: 'o1', cycleId: 'c1', commitment: 'aspirational', score: 1, achieved: true }], ambition: { aspirationalGraded: 1, nearOne: 1 } });
    expect(a['failures']).toMatchObject({ reports: 2, perMonth: { '2026-01': 1, '2026-02': 1 }, byKind: { basic: 1, unclassified: 1 }, basicRepeats: 1, repeatsWithPreventionDone: 0, medianTimeToDetectionMinutes: 45, openActions: 1, overdueActions: 1, speakUpRecognitions: 1 });
    // Nothing of a reporter, a respondent or a member's yes leaves the API.
    expect(JSON.stringify(response.body)).not.toMatch(/m2-Noord|reporter|respondent|yesMemberIds/);
  });

  it('filters by unit (with the units below it), phase and zone; sorts; pages with a cursor', async () => {
    const names = async (query: string) => ((await get(`/api/analytics/team-figures?${query}`)).body.items as Json[]).map((t) => t['name']);
    expect(await names('unit=u-care')).toEqual(['Noord', 'Oost', 'West', 'Zuid']);
    expect(await names('unit=u-south')).toEqual(['Zuid']);
    expect(await names('phase=pilot&sort=-name')).toEqual(['Zuid', 'Noord']);
    expect(await names('zone=learning,anxiety')).toEqual(['Noord', 'Oost']);
    // West's only round is withheld, so it counts as unplaced.
    expect(await names('zone=unplaced')).toEqual(['West', 'Zuid']);
    const first = await get('/api/analytics/team-figures?limit=3&sort=-decisionsEscalated,name');
    expect(first.body.items.map((t: Json) => t['name'])).toEqual(['Noord', 'Oost', 'West']);
    const second = await get(`/api/analytics/team-figures?limit=3&sort=-decisionsEscalated,name&after=${encodeURIComponent(first.body.next)}`);
    expect(second.body.items.map((t: Json) => t['name'])).toEqual(['Zuid']);
    expect(second.body.next).toBeUndefined();
    // A period cuts the failures to it.
    const feb = await get(`/api/analytics/team-figures?team=${A}&from=2026-02-01T00:00:00Z&to=2026-03-01T00:00:00%2B00:00`);
    expect(feb.body.items[0].failures.reports).toBe(1);
  });

  it('withholds a round under the tenant’s threshold everywhere, so no differencing reveals it', async () => {
    const west = (await get(`/api/analytics/team-figures?team=${C}`)).body.items[0] as Json;
    expect(west['trust']).toEqual({ rounds: [], roundsWithheld: 1 });
    expect(west['zone'].current).toBeNull();
    const rollUps = (await get('/api/analytics/roll-ups')).body as Json;
    const north = rollUps['units'].find((u: Json) => u['unitId'] === 'u-north')['figures'];
    const care = rollUps['units'].find((u: Json) => u['unitId'] === 'u-care')['figures'];
    expect(north['psychologicalSafety']).toEqual({ mean: 5.1, n: 12, teams: 2 });
    expect(care['psychologicalSafety']).toEqual(north['psychologicalSafety']);
    expect(north['byZone']).toEqual({ learning: 1, comfort: 0, anxiety: 1, apathy: 0, unplaced: 1 });
    // The unit minus its other two teams, the only differencing a filter allows here, leaves nothing.
    const pair = (await get(`/api/analytics/roll-ups?unit=u-north`)).body as Json;
    const noordOost = [(await get(`/api/analytics/team-figures?team=${A}`)).body.items[0], (await get(`/api/analytics/team-figures?team=${B}`)).body.items[0]].map((t: Json) => t['trust'].rounds[0].psychologicalSafety);
    const unit = pair['units'].find((u: Json) => u['unitId'] === 'u-north')['figures']['psychologicalSafety'];
    expect(unit.n - noordOost[0].n - noordOost[1].n).toBe(0);
    expect(Math.abs(unit.mean * unit.n - noordOost[0].mean * noordOost[0].n - noordOost[1].mean * noordOost[1].n)).toBeLessThan(1e-9);
    // No filter isolates West's answers: a roll-up of just its phase has no trust figure at all.
    expect((await get('/api/analytics/roll-ups?phase=preparing')).body.tenant.psychologicalSafety).toEqual({ mean: 6, n: 6, teams: 1 });
    const series = (await get('/api/analytics/series?by=quarter&from=2026-01-01T00:00:00Z&to=2026-03-31T00:00:00Z&team=' + C)).body as Json;
    expect(series['points'][0].psychologicalSafety).toBeNull();
    const map = (await get('/api/analytics/zone-heat-map?unit=u-north')).body as Json;
    expect(map['rows'].find((r: Json) => r['unitId'] === 'u-north').teams.find((t: Json) => t['teamId'] === C).zone).toBeNull();
  });

  it('explains each signal with its rule, parameters and triggering events; windows are parameters', async () => {
    const signals = (await get(`/api/analytics/signals?team=${A}`)).body.items as Json[];
    expect(signals.map((s) => s['rule']).sort()).toEqual(['ambition-under-fear', 'control-taken-back', 'repeated-basic-failure', 'repeated-escalation', 'stalled-in-phase']);
    const lowered = signals.find((s) => s['rule'] === 'control-taken-back' && s['details'].control === 'delegation')!;
    const failureReported = events['failure-learning'][1]!;
    const loweredEvent = events.governance.find((e) => e.type === 'DelegationLevelChanged' && (e.data as Json)['level'] === 3)!;
    expect(lowered).toMatchObject({
      teamId: A,
      unitId: 'u-north',
      parameters: { controlWindowDays: 30 },
      details: { daysAfter: 30, from: 5, to: 3 },
      triggeredBy: [
        { role: 'failure', eventId: failureReported.eventId, streamId: 'failure-learning-report-rep1', history: `/api/audit/streams/failure-learning-report-rep1/events?fromPosition=${failureReported.streamPosition}` },
        { role: 'delegation-lowered', eventId: loweredEvent.eventId, streamId: `team-${A}` },
      ],
    });
    // One day less and the lowering at exactly 30 days falls outside; the narrowed budget (38 days) needs 38.
    const narrow = (await get(`/api/analytics/signals?team=${A}&rule=control-taken-back&controlWindowDays=29.99`)).body.items as Json[];
    expect(narrow).toEqual([]);
    const wide = (await get(`/api/analytics/signals?team=${A}&rule=control-taken-back&controlWindowDays=38`)).body.items as Json[];
    expect(wide.map((s) => s['details'].control)).toEqual(['boundary', 'delegation']);
    expect((await get(`/api/analytics/signals?team=${A}&rule=repeated-escalation&escalationWindowDays=24`)).body.items).toEqual([]);
    expect((await get(`/api/analytics/signals?team=${A}&rule=repeated-escalation&escalationWindowDays=25`)).body.items).toHaveLength(1);
    // Paging.
    const page = (await get(`/api/analytics/signals?team=${A}&limit=4`)).body as Json;
    const rest = (await get(`/api/analytics/signals?team=${A}&limit=4&after=${encodeURIComponent(page['next'])}`)).body as Json;
    expect([...page['items'], ...rest['items']].map((s: Json) => s['signalId'])).toEqual(signals.map((s) => s['signalId']));
  });

  it('exports CSV and NDJSON with the same filters', async () => {
    const csv = await get('/api/analytics/team-figures/export?format=csv&unit=u-north');
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toMatch(/^text\/csv/);
    const lines = (csv.text as string).trim().split('\r\n');
    expect(lines).toHaveLength(4);
    expect(lines[0]!.split(',').slice(0, 4)).toEqual(['teamId', 'name', 'unitId', 'phase']);
    const noord = lines.find((l) => l.startsWith(A))!.split(',');
    const header = lines[0]!.split(',');
    const cell = (name: string) => noord[header.indexOf(name)];
    expect([cell('zone'), cell('psychologicalSafety'), cell('psychologicalSafetyN'), cell('failureReports'), cell('decisionsEscalated'), cell('decisionsApproved'), cell('decisionsRefused')]).toEqual(['anxiety', '4.2', '6', '2', '3', '1', '1']);
    const west = lines.find((l) => l.startsWith(C))!.split(',');
    expect(west[header.indexOf('psychologicalSafety')]).toBe('');
    const ndjson = await (await analytics.as('ana', ['analyst'])).get('/api/analytics/team-figures/export?format=ndjson&zone=learning').buffer(true).parse((res, callback) => {
      let text = '';
      res.on('data', (chunk: Buffer) => (text += chunk.toString()));
      res.on('end', () => callback(null, text));
    });
    expect(ndjson.headers['content-type']).toMatch(/^application\/x-ndjson/);
    const rows = (ndjson.body as string).trim().split('\n').map((line) => JSON.parse(line) as Json);
    expect(rows.map((r) => r['name'])).toEqual(['Oost']);
  });

  it('answers series per month and quarter, the adoption funnel and the roll-ups per organisation', async () => {
    const months = (await get('/api/analytics/series?by=month&from=2026-01-01T00:00:00Z&to=2026-04-30T00:00:00Z')).body as Json;
    expect(months['points'].map((p: Json) => [p['period'], p['byPhase'].pilot, p['failuresReported'], p['escalations']])).toEqual([
      ['2026-01', 1, 1, 0],
      ['2026-02', 2, 1, 0],
      ['2026-03', 2, 0, 1],
      ['2026-04', 2, 0, 2],
    ]);
    const funnel = (await get('/api/analytics/adoption-funnel?by=quarter&from=2025-10-01T00:00:00Z&to=2026-03-31T00:00:00Z')).body as Json;
    expect(funnel['points'].map((p: Json) => [p['period'], p['teams'], p['reached'].pilot])).toEqual([
      ['2025-Q4', 4, 0],
      ['2026-Q1', 4, 2],
    ]);
    const rollUps = (await get('/api/analytics/roll-ups')).body as Json;
    expect(rollUps['organisations']).toEqual([{ organisationId: ORG, figures: expect.objectContaining({ teams: 4, members: 23 }) }]);
    expect(rollUps['tenant']).toMatchObject({ teams: 4, byPhase: { preparing: 2, pilot: 2 }, okr: { graded: 1, meanScore: 1, achieved: 1 } });
  });

  it('keeps tenants apart, needs an analyst’s role, and names a bad parameter', async () => {
    expect((await get('/api/analytics/team-figures', ['analyst'], 'globex')).body.items).toEqual([]);
    expect((await get('/api/analytics/signals', ['analyst'], 'globex')).body.items).toEqual([]);
    expect((await get('/api/analytics/team-figures', ['member'])).status).toBe(403);
    expect((await get('/api/analytics/roll-ups', ['coach'])).status).toBe(403);
    for (const [path, field] of [
      ['/api/analytics/team-figures?zone=purple', 'zone.0'],
      ['/api/analytics/team-figures?sort=secret', 'sort'],
      ['/api/analytics/team-figures?from=yesterday', 'from'],
      ['/api/analytics/series?by=month', 'from'],
      ['/api/analytics/series?by=week&from=2026-01-01T00:00:00Z', 'by'],
      ['/api/analytics/series?from=2026-03-01T00:00:00Z&to=2026-01-01T00:00:00Z', 'to'],
      ['/api/analytics/series?from=2000-01-01T00:00:00Z', 'from'],
      ['/api/analytics/signals?controlWindowDays=-1', 'controlWindowDays'],
      ['/api/analytics/signals?after=nope', 'after'],
      ['/api/analytics/team-figures/export?format=xlsx', 'format'],
    ] as const) {
      const response = await get(path);
      expect({ path, status: response.status, field: response.body.field }).toEqual({ path, status: 400, field });
    }
  });

  it('dead-letters an event of another service it cannot read, and goes on', async () => {
    const letters: DeadLetter[] = [];
    const watcher = await analytics.bus.subscribeDeadLetters({ group: 'test.dead-letters', sources: ['okr', 'failure-learning'], handle: (batch) => void letters.push(...batch) });
    const okr = new SourceEvents('okr');
    const failure = new SourceEvents('failure-learning');
    const bad = okr.event('okr-objective-o9', 'KeyResultGraded', { objectiveId: 'o9', keyResultId: 'kr1', score: 7 });
    const good = failure.event('failure-learning-report-rep9', 'FailureReported', { reportId: 'rep9', teamId: B, severity: 'low', area: 'x', occurredAt: FAILURE_AT, noticedAt: FAILURE_AT, timeToDetectionMinutes: 0, reportedAt: FAILURE_AT });
    const badReport = failure.event('failure-learning-report-rep8', 'FailureReported', { reportId: 'rep8', teamId: B, severity: 'dire' });
    await analytics.bus.publish('okr', [bad]);
    await analytics.bus.publish('failure-learning', [badReport, good]);
    await settled(async () => letters.length >= 2 && (await get(`/api/analytics/team-figures?team=${B}`)).body.items[0].failures.reports === 1);
    expect(letters.map((l) => [l.event?.eventId, l.error.code]).sort()).toEqual(
      [
        [bad.eventId, 'MESSAGING.INVALID_EVENT'],
        [badReport.eventId, 'MESSAGING.INVALID_EVENT'],
      ].sort(),
    );
    expect(letters.find((l) => l.event?.eventId === badReport.eventId)!.error.message).toMatch(/severity/);
    await watcher.stop();
  });
});
