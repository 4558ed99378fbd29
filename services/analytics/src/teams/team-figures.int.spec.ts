import type { StoredEvent } from '@leerzone/kernel';
import type { DeadLetter } from '@leerzone/messaging';
import { startServiceTestApp, type ServiceTestApp } from '@leerzone/service-kit/testing';
import { analyticsService } from '../analytics.module';
import { SourceEvents } from '../testing/source-events.fixture';

const A = '01900000-0000-7000-8000-0000000000a1';
const B = '01900000-0000-7000-8000-0000000000b2';
const C = '01900000-0000-7000-8000-0000000000c3';
const D = '01900000-0000-7000-8000-0000000000d4';
const ORG = '01900000-0000-7000-8000-0000000000f1';
const FAILURE_AT = '2026-02-10T09:00:00.000Z';
const LOWERED_AT = '2026-03-12T09:00:00.000Z'; // exactly 30 days after the failure: the default window's edge

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** Four services' events about one organisation: units, teams, a failure followed by control taken back, surveys (one below the tenant's threshold), OKRs set safe. */
function history() {
  const gov = new SourceEvents('governance');
  const okr = new SourceEvents('okr');
  const assessment = new SourceEvents('assessment');
  const failure = new SourceEvents('failure-learning');
  const org = `organisation-${ORG}`;
  const team = (id: string) => `team-${id}`;
  const at = (day: string) => `${day}T09:00:00.000Z`;
  const governance: StoredEvent[] = [
    gov.event(org, 'OrganisationCreated', { organisationId: ORG, name: 'Zorg BV', createdBy: 'lead', createdAt: at('2025-11-01') }),
    gov.event(org, 'UnitAdded', { organisationId: ORG, unitId: 'u-care', name: 'Care', parentUnitId: null, addedBy: 'lead', addedAt: at('2025-11-01') }),
    gov.event(org, 'UnitAdded', { organisationId: ORG, unitId: 'u-north', name: 'Care North', parentUnitId: 'u-care', addedBy: 'lead', addedAt: at('2025-11-01') }),
    gov.event(org, 'UnitAdded', { organisationId: ORG, unitId: 'u-south', name: 'Care South', parentUnitId: 'u-care', addedBy: 'lead', addedAt: at('2025-11-01') }),
    ...[
      [A, 'Noord', 'u-north'],
      [B, 'Oost', 'u-north'],
      [C, 'West', 'u-north'],
      [D, 'Zuid', 'u-south'],
    ].flatMap(([id, name, unitId]) => [
      gov.event(team(id!), 'TeamCreated', { teamId: id, name, unitId, purpose: null, createdBy: 'lead', createdAt: at('2025-12-01') }),
      ...['m1', 'm2', 'm3', 'm4', 'm5', 'm6'].map((m) => gov.event(team(id!), 'MemberAdded', { teamId: id, memberId: `${m}-${name}`, roles: ['member'], addedBy: 'lead', addedAt: at('2025-12-01') })),
    ]),
    gov.event(team(A), 'TeamPhaseChanged', { teamId: A, previousPhase: 'preparing', phase: 'pilot', changedBy: 'lead', changedAt: at('2026-01-05'), reason: null }),
    ...['m1', 'm2', 'm3', 'm4', 'm5'].map((m) => gov.event(team(A), 'YesGiven', { teamId: A, memberId: `${m}-Noord`, givenBy: `${m}-Noord`, givenAt: at('2026-01-06') })),
    gov.event(team(A), 'YesWithdrawn', { teamId: A, memberId: 'm5-Noord', withdrawnBy: 'm5-Noord', withdrawnAt: at('2026-01-07'), reason: null }),
    gov.event(team(A), 'MemberRemoved', { teamId: A, memberId: 'm4-Noord', removedBy: 'lead', removedAt: at('2026-01-08'), reason: null }),
    // Version 1, as governance wrote it before levels had a review date: analytics reads it as version 2.
    gov.event(team(A), 'DelegationLevelChanged', { teamId: A, area: 'budget-spend', previousLevel: null, level: 5, changedBy: 'coach', changedAt: at('2026-01-10'), reason: 'start' }, at('2026-01-10')),
    gov.event(team(A), 'TeamBoundarySet', {
      teamId: A,
      boundary: { boundaryId: 'b-budget', kind: 'financial', title: 'Budget', limit: { amount: 5000, currency: 'EUR' }, period: 'month', decisionArea: null },
      previous: null,
      setBy: 'coach',
      setAt: at('2026-01-10'),
      reason: 'start',
      proposalId: null,
    }),
    // The failure (in failure-learning) is on 2026-02-10; exactly 30 days later the coach takes control back.
    gov.event(team(A), 'DelegationLevelChanged', { teamId: A, area: 'budget-spend', previousLevel: 5, level: 3, reviewBy: null, changedBy: 'coach', changedAt: LOWERED_AT, reason: 'after the incident' }, LOWERED_AT, { schemaVersion: 2 }),
    gov.event(team(A), 'TeamBoundarySet', {
      teamId: A,
      boundary: { boundaryId: 'b-budget', kind: 'financial', title: 'Budget', limit: { amount: 1000, currency: 'EUR' }, period: 'month', decisionArea: null },
      previous: { boundaryId: 'b-budget', kind: 'financial', title: 'Budget', limit: { amount: 5000, currency: 'EUR' }, period: 'month', decisionArea: null },
      setBy: 'coach',
      setAt: '2026-03-20T09:00:00.000Z',
      reason: 'after the incident',
      proposalId: null,
    }),
    gov.event(team(A), 'DecisionRecorded', { teamId: A, decisionId: 'd0', area: 'tooling', decidedBy: 'm1-Noord', decidedAt: at('2026-03-01') }),
    ...['2026-03-21', '2026-04-01', '2026-04-15'].map((day, i) => gov.event(team(A), 'DecisionEscalated', { teamId: A, decisionId: `d${i + 1}`, area: 'budget-spend', violations: [], escalatedBy: 'm1-Noord', escalatedAt: at(day) })),
    gov.event(team(D), 'TeamPhaseChanged', { teamId: D, previousPhase: 'preparing', phase: 'pilot', changedBy: 'lead', changedAt: at('2026-02-01'), reason: null }),
  ];
  const okrEvents: StoredEvent[] = [
    okr.event('okr-cycle-c1', 'CyclePlanned', { cycleId: 'c1', name: '2026-Q1', startsOn: '2026-01-01', endsOn: '2026-03-31', plannedBy: 'lead', plannedAt: at('2025-12-15') }),
    okr.event('okr-objective-o1', 'ObjectiveDefined', { objectiveId: 'o1', cycleId: 'c1', level: 'team', owner: { kind: 'team', id: A }, title: 'Clients', description: null, commitment: 'aspirational', carriedForwardFrom: null, definedBy: 'm1', definedAt: at('2025-12-20') }),
    ...['kr1', 'kr2', 'kr3'].map((kr) => okr.event('okr-objective-o1', 'KeyResultAdded', { objectiveId: 'o1', keyResultId: kr, definition: { title: kr, measure: { kind: 'milestone' }, weight: 1 }, whileRunning: false, addedBy: 'm1', addedAt: at('2025-12-20'), reason: null })),
    okr.event('okr-objective-o1', 'ObjectiveCommittedToCycle', { objectiveId: 'o1', cycleId: 'c1', keyResultIds: ['kr1', 'kr2', 'kr3'], committedBy: 'm1', committedAt: at('2025-12-21') }),
    okr.event('okr-objective-o1', 'KeyResultCheckedIn', { objectiveId: 'o1', keyResultId: 'kr1', checkInId: 'ci1', value: true, confidence: 9, comment: null, status: 'on-track', elapsed: 0.5, expectedValue: null, attainment: 1, thresholds: {}, blockers: [], stillBlockedBy: [], checkedInAs: 'member', checkedInBy: 'm1', checkedInAt: at('2026-02-15') }),
    ...['kr1', 'kr2', 'kr3'].map((kr, i) =>
      okr.event('okr-objective-o1', 'KeyResultGraded', { objectiveId: 'o1', cycleId: 'c1', cycleEndsOn: '2026-03-31', owner: { kind: 'team', id: A }, commitment: 'aspirational', keyResultId: kr, finalValue: true, computedScore: 1, score: i === 0 ? 0.9 : 1, override: null, goalpostMoved: false, scoreAgainstOriginal: 1, weight: 1, gradedBy: 'm1', gradedAt: at('2026-04-02') }),
    ),
    okr.event('okr-objective-o1', 'ObjectiveGraded', { objectiveId: 'o1', cycleId: 'c1', cycleEndsOn: '2026-03-31', owner: { kind: 'team', id: A }, commitment: 'aspirational', score: 1, band: 'high', achieved: true, movedKeyResultIds: [], gradedBy: 'm1', gradedAt: at('2026-04-02') }),
  ];
  const roundEvents = (roundId: string, teamId: string, n: number, threshold: number, safety: number, zone: string, from: string | null, closedAt: string) => {
    const stream = `assessment-round-${roundId}`;
    const result = (instrumentId: string, mean: number, dimensions: string[]) => ({
      instrumentId,
      version: 1,
      n,
      dimensions: dimensions.map((dimensionId) => ({ dimensionId, itemCount: 3, n, mean, sd: 0.5, rwg: 0.8, lowAgreement: false })),
      total: { n, mean, sd: 0.5, rwg: 0.8, lowAgreement: false },
      items: [],
    });
    return [
      assessment.event(stream, 'RoundOpened', { roundId, teamId, instruments: [{ instrumentId: 'psychological-safety' }, { instrumentId: 'abi-trustworthiness' }], respondentIds: ['r1', 'r2', 'r3', 'r4', 'r5', 'r6'], anonymityThreshold: threshold, closesAt: null, previousRoundId: null, slotKey: {}, openedBy: 'coach', openedAt: at('2026-02-20') }),
      assessment.event(stream, 'RoundClosed', {
        roundId,
        teamId,
        outcome: 'results',
        results: [result('psychological-safety', safety, ['safety']), result('abi-trustworthiness', 4, ['ability', 'benevolence', 'integrity'])],
        zone: { zone, safety, standards: 5.5, thresholds: { safetyHighFrom: 5, standardsHighFrom: 5 }, lowAgreement: false },
        comments: [],
        commentsDatedAt: null,
        closedBy: 'coach',
        closedAt,
      }),
      assessment.event(stream, 'TeamZoneChanged', { teamId, roundId, from, to: zone, safety, standards: 5.5, thresholds: { safetyHighFrom: 5, standardsHighFrom: 5 }, changedAt: closedAt }),
    ];
  };
  const assessmentEvents: StoredEvent[] = [
    assessment.event('assessment-settings-acme', 'AssessmentSettingsChanged', { tenantId: 'acme', anonymityThreshold: 5, zoneThresholds: { safetyHighFrom: 5, standardsHighFrom: 5 }, changedBy: 'admin', changedAt: at('2026-01-01'), reason: 'policy' }),
    ...roundEvents('ra', A, 6, 5, 4.2, 'anxiety', null, at('2026-03-15')),
    ...roundEvents('rb', B, 6, 5, 6, 'learning', null, at('2026-03-15')),
    // Opened when the tenant still allowed 3: three answers, a result assessment published, but under the tenant's 5 now.
    ...roundEvents('rc', C, 3, 3, 1, 'apathy', null, at('2026-03-15')),
  ];
  const report = `failure-learning-report-rep1`;
  const failureEvents: StoredEvent[] = [
    failure.event('failure-learning-report-rep0', 'FailureReported', { reportId: 'rep0', teamId: A, severity: 'low', area: 'budget', occurredAt: at('2026-01-20'), noticedAt: at('2026-01-20'), timeToDetectionMinutes: 30, reporter: { anonymous: false, reporterId: 'm2-Noord' }, reportedAt: at('2026-01-20') }),
    failure.event(report, 'FailureReported', {
      reportId: 'rep1',
      teamId: A,
      expected: 'x',
      happened: 'y',
      severity: 'high',
      area: 'budget',
      occurredAt: '2026-02-10T07:00:00.000Z',
      noticedAt: '2026-02-10T08:00:00.000Z',
      timeToDetectionMinutes: 60,
      reporter: { anonymous: true, identity: { $sealed: { subject: 'failure-learning-reporter-rep1' } } },
      reportedBy: 'failure-learning-anonymous-reporter',
      reportedAt: FAILURE_AT,
    }),
    failure.event(report, 'SpeakingUpRecognised', { reportId: 'rep1', teamId: A, credited: { kind: 'team', teamId: A }, recognisedAt: FAILURE_AT }),
    failure.event(report, 'FailureClassified', { reportId: 'rep1', teamId: A, kind: 'basic', cause: 'inattention', attributes: null, classifiedBy: 'coach', classifiedAt: at('2026-02-11') }),
    failure.event(report, 'RepeatFailureFlagged', { reportId: 'rep1', teamId: A, lessonId: 'l0', lessonReportId: 'rep0', lessonTeamId: A, lessonKind: 'basic', matchedBy: 'explicit-link', preventionAction: { actionId: 'a0', description: 'z', status: 'open', done: false }, flaggedBy: 'coach', flaggedAt: at('2026-02-11') }),
    failure.event(report, 'FollowUpActionPlanned', { reportId: 'rep1', actionId: 'a1', purpose: 'prevention', preventionKind: 'checklist-item', description: 'z', ownerTeamId: A, severity: 'high', dueOn: '2026-02-14', plannedBy: 'coach', plannedAt: at('2026-02-11') }),
  ];
  return { governance, okr: okrEvents, assessment: assessmentEvents, 'failure-learning': failureEvents };
}

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
    expect(a['decisions']).toEqual({ recorded: 1, escalated: 3, escalationShare: 0.75, byArea: { tooling: { recorded: 1 }, 'budget-spend': { escalated: 3 } } });
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
    expect([cell('zone'), cell('psychologicalSafety'), cell('psychologicalSafetyN'), cell('failureReports'), cell('decisionsEscalated')]).toEqual(['anxiety', '4.2', '6', '2', '3']);
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
