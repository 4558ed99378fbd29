import { expectProblem, expectStatus, type Caller, type ServiceTestApp } from '@leerzone/service-kit/testing';
import { governanceService } from '@leerzone/governance-service';
import { createTeam, eventually, refusedWith, reportBody, startFailureLearningApp } from '../testing/failure-learning-test-kit';

/**
 * Blameless reports over HTTP, with governance hosted beside the service: who may act comes
 * from failure-learning's own directory of governance's teams, fed over the in-process bus.
 * Bad input, tenants, roles, classification, "not twice", responses and follow-ups.
 */
describe('failure-learning HTTP: reports, classification, not twice, responses, follow-ups', () => {
  let t: ServiceTestApp;
  let refused: ReturnType<typeof refusedWith>;
  let cora: Caller; // coach of Noord
  let anna: Caller;
  let bram: Caller;
  let otto: Caller; // coach of Zuid
  let zoe: Caller; // member of Zuid
  let tess: Caller; // transformation lead
  let ana: Caller; // analyst
  let gina: Caller; // admin of another tenant
  let gus: Caller; // member in another tenant
  let noord: string;
  let zuid: string;
  let firstReport: string;
  let preventionActionId: string;
  let basicLessonId: string;
  const today = () => new Date().toISOString().slice(0, 10);
  const daysFromToday = (days: number) => new Date(Date.parse(`${today()}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
  const report = (id: string, path = '') => `/api/failure-learning/reports/${id}${path}`;

  beforeAll(async () => {
    t = await startFailureLearningApp(governanceService);
    refused = refusedWith(t);
    cora = await t.as('cora', ['coach']);
    anna = await t.as('anna', ['member']);
    bram = await t.as('bram', ['member']);
    otto = await t.as('otto', ['coach']);
    zoe = await t.as('zoe', ['member']);
    tess = await t.as('tess', ['transformation-lead']);
    ana = await t.as('ana', ['analyst']);
    gina = await t.as('gina', ['admin'], 'globex');
    gus = await t.as('gus', ['member'], 'globex');
    noord = await createTeam(t, cora, 'cora', ['anna', 'bram'], 'Wijkteam Noord');
    zuid = await createTeam(t, otto, 'otto', ['zoe'], 'Wijkteam Zuid');
  });
  afterAll(async () => t.close());

  it('records a named report (201, Location, ETag), credits the reporter for speaking up, and the team reads it at once', async () => {
    const created = await anna.post('/api/failure-learning/reports', reportBody(noord, { impact: { description: 'A missed dose.', cost: { amount: 120, currency: 'EUR' } } }));
    expectStatus(created, 201);
    firstReport = created.body.reportId;
    expect(created.headers['location']).toBe(report(firstReport));
    expect(created.headers['etag']).toBe('"2"');
    expect(created.body.events.map((e: { type: string }) => e.type)).toEqual(['FailureReported', 'SpeakingUpRecognised']);
    const read = await bram.get(report(firstReport));
    expectStatus(read, 200);
    expect(read.headers['etag']).toBe('"2"');
    expect(read.body).toMatchObject({ reportId: firstReport, teamId: noord, severity: 'high', area: 'medication', tags: ['evening-round', 'handover'], kind: null, reporter: { anonymous: false, reporterId: 'anna' }, timeToDetectionMinutes: 120 });
    expect(read.body.impact.cost).toEqual({ amount: 120, currency: 'EUR' });
    const list = await cora.get(`/api/failure-learning/teams/${noord}/reports`);
    expect(list.body.items.map((r: { reportId: string }) => r.reportId)).toEqual([firstReport]);
  });

  it('refuses bad input with 400 and the field, writing nothing', async () => {
    const missing = await refused(() => anna.post('/api/failure-learning/reports', { teamId: noord }), 400, 'VALIDATION.FAILED');
    expect(missing.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['expected', 'happened', 'context', 'impact', 'severity', 'occurredAt', 'noticedAt', 'area']));
    await refused(() => anna.post('/api/failure-learning/reports', reportBody(noord, { happened: 'Skipped \u202Eround' })), 400, 'VALIDATION.FAILED', 'happened');
    await refused(() => anna.post('/api/failure-learning/reports', reportBody(noord, { expected: '\u200B\u200B' })), 400, 'VALIDATION.FAILED', 'expected');
    await refused(() => anna.post('/api/failure-learning/reports', reportBody(noord, { severity: 'catastrophic' })), 400, 'VALIDATION.FAILED', 'severity');
    await refused(() => anna.post('/api/failure-learning/reports', reportBody(noord, { tags: ['Night Shift'] })), 400, 'VALIDATION.FAILED', 'tags.0');
    await refused(() => anna.post('/api/failure-learning/reports', reportBody(noord, { occurredAt: '2026-01-01' })), 400, 'VALIDATION.FAILED', 'occurredAt');
    await refused(() => anna.post('/api/failure-learning/reports', reportBody(noord, { impact: { description: 'x', cost: { amount: -1, currency: 'eur' } } })), 400, 'VALIDATION.FAILED');
    await refused(() => anna.post('/api/failure-learning/reports', reportBody(noord, { anonymous: 'yes' })), 400, 'VALIDATION.FAILED', 'anonymous');
    // There is no field for blame, and one sent is refused whole with the domain's reason.
    const blame = await refused(() => anna.post('/api/failure-learning/reports', reportBody(noord, { culprit: 'bram' })), 400, 'REPORT.BLAME_NOT_ASKED', 'culprit');
    expect(blame.body.detail).toContain('what happened, not who did it');
    // The decider checks again: noticed in the future, or before it happened.
    await refused(() => anna.post('/api/failure-learning/reports', reportBody(noord, { noticedAt: new Date(Date.now() + 3_600_000).toISOString() })), 400, 'REPORT.TIME_INVALID', 'noticedAt');
    await refused(() => anna.post('/api/failure-learning/reports', reportBody(noord, { occurredAt: new Date(Date.now() - 60_000).toISOString(), noticedAt: new Date(Date.now() - 120_000).toISOString() })), 400, 'REPORT.TIME_INVALID', 'noticedAt');
    await refused(() => anna.post('/api/failure-learning/reports', reportBody(noord, { linkedLessonIds: ['no-such-lesson'] })), 404, 'LESSON.NOT_FOUND', 'linkedLessonIds.0');
    await refused(() => cora.post(report(firstReport, '/classification'), { kind: 'lucky', cause: 'inattention' }), 400, 'VALIDATION.FAILED', 'kind');
    await refused(() => cora.post(report('not-a-uuid', '/classification'), { kind: 'basic', cause: 'inattention' }), 400, 'VALIDATION.FAILED', 'reportId');
    await refused(() => cora.post(report(firstReport, '/classification'), { kind: 'basic', cause: 'inattention' }, { 'If-Match': '7' }), 400, 'REQUEST.INVALID_IF_MATCH', 'If-Match');
    expectProblem(await anna.get(`/api/failure-learning/teams/${noord}/reports?limit=0`), 400, 'VALIDATION.FAILED', 'limit');
    expectProblem(await anna.get(`/api/failure-learning/teams/${noord}/reports?kind=lucky`), 400, 'VALIDATION.FAILED', 'kind.0');
  });

  it('lets only members and coaches of the team report and read; a removed member is refused once governance says so', async () => {
    await refused(() => zoe.post('/api/failure-learning/reports', reportBody(noord)), 403, 'TEAM.NOT_A_MEMBER', 'teamId');
    await refused(() => tess.post('/api/failure-learning/reports', reportBody(noord)), 403, 'AUTH.FORBIDDEN');
    await refused(() => anna.post('/api/failure-learning/reports', reportBody('00000000-0000-7000-8000-000000000000')), 404, 'TEAM.NOT_FOUND', 'teamId');
    await refused(() => t.anonymous().post('/api/failure-learning/reports', reportBody(noord)), 401, 'AUTH.UNAUTHENTICATED');
    expectProblem(await zoe.get(report(firstReport)), 403, 'TEAM.NOT_A_MEMBER');
    expectProblem(await zoe.get(`/api/failure-learning/teams/${noord}/reports`), 403, 'TEAM.NOT_A_MEMBER');
    await refused(() => zoe.post(report(firstReport, '/classification'), { kind: 'basic', cause: 'inattention' }), 403, 'TEAM.NOT_A_MEMBER');
    // Tenant-wide readers read every team's blameless views, but do not act in them.
    expectStatus(await tess.get(report(firstReport)), 200);
    expectStatus(await ana.get(`/api/failure-learning/teams/${noord}/reports`), 200);

    expectStatus(await bram.post('/api/failure-learning/reports', reportBody(noord, { area: 'rostering', tags: ['weekend'] })), 201);
    expectStatus(await cora.delete(`/api/governance/teams/${noord}/members/bram`, { reason: 'moved to another team' }), 200);
    await eventually(async () => expectProblem(await bram.post('/api/failure-learning/reports', reportBody(noord)), 403, 'TEAM.NOT_A_MEMBER', 'teamId'));
    expectProblem(await bram.get(report(firstReport)), 403, 'TEAM.NOT_A_MEMBER');
  });

  it('answers another tenant exactly as for a report or team that does not exist', async () => {
    const unknown = '00000000-0000-7000-8000-0000000000ff';
    const foreign = await gina.get(report(firstReport));
    const missing = await gina.get(report(unknown));
    expectProblem(foreign, 404, 'REPORT.NOT_FOUND');
    expectProblem(missing, 404, 'REPORT.NOT_FOUND');
    expect({ ...foreign.body, detail: foreign.body.detail.replace(firstReport, 'X'), instance: 'X', requestId: 'X' }).toEqual({ ...missing.body, detail: missing.body.detail.replace(unknown, 'X'), instance: 'X', requestId: 'X' });
    await refused(() => gus.post(report(firstReport, '/classification'), { kind: 'basic', cause: 'inattention' }), 404, 'REPORT.NOT_FOUND');
    await refused(() => gus.post('/api/failure-learning/reports', reportBody(noord)), 404, 'TEAM.NOT_FOUND');
    expectProblem(await gina.get(`/api/failure-learning/teams/${noord}/reports`), 404, 'TEAM.NOT_FOUND');
    expect((await gina.get('/api/failure-learning/statistics')).body).toMatchObject({ reports: 0 });
    expect((await gina.get('/api/failure-learning/library')).body.lessons).toEqual([]);
  });

  it('classifies with a cause that fits; intelligent needs all four attributes and is told which are missing and what fits', async () => {
    const misfit = await refused(() => cora.post(report(firstReport, '/classification'), { kind: 'basic', cause: 'hypothesis-testing' }), 400, 'CLASSIFICATION.CAUSE_DOES_NOT_FIT', 'cause');
    expect(misfit.body.details).toMatchObject({ kindOfCause: 'intelligent' });
    const notIntelligent = await refused(
      () => anna.post(report(firstReport, '/classification'), { kind: 'intelligent', cause: 'hypothesis-testing', attributes: { newTerritory: false, credibleOpportunity: true, asSmallAsPossible: true } }),
      422,
      'CLASSIFICATION.NOT_INTELLIGENT',
      'attributes.newTerritory',
    );
    expect(notIntelligent.body.details).toMatchObject({ missing: ['newTerritory', 'hypothesis'], offeredKind: 'basic' });
    const classified = await anna.post(report(firstReport, '/classification'), { kind: 'basic', cause: 'inattention' });
    expectStatus(classified, 200);
    expect(classified.body).toMatchObject({ kind: 'basic', repeats: [] });
    await refused(() => anna.post(report(firstReport, '/classification'), { kind: 'basic', cause: 'inattention' }), 409, 'CLASSIFICATION.ALREADY_CLASSIFIED');
    // Reclassification is an event with a reason.
    await refused(() => cora.post(report(firstReport, '/reclassification'), { kind: 'basic', cause: 'process-inadequacy' }), 400, 'FAILURE_LEARNING.REASON_REQUIRED', 'reason');
    const stale = await cora.get(report(firstReport));
    const reclassified = await cora.post(report(firstReport, '/reclassification'), { kind: 'basic', cause: 'process-inadequacy', reason: 'The handover has no medication step at all' }, { 'If-Match': stale.headers['etag'] });
    expectStatus(reclassified, 200);
    await refused(() => cora.post(report(firstReport, '/reclassification'), { kind: 'basic', cause: 'inattention', reason: 'again' }, { 'If-Match': stale.headers['etag'] }), 412, 'STREAM.VERSION_MISMATCH', 'If-Match');
    expect((await anna.get(report(firstReport))).body).toMatchObject({ kind: 'basic', cause: 'process-inadequacy', reclassifications: [{ previousCause: 'inattention', reason: 'The handover has no medication step at all', by: 'cora' }] });
  });

  it('basic: a prevention action due by the severity rule and a lesson; then "not twice" flags the repeat with whether the prevention was done', async () => {
    await refused(() => anna.post(report(firstReport, '/system-analysis'), { contributingFactors: [{ factor: 'load', description: 'x' }], howToSpotSooner: 'x', lesson: { summary: 'x' } }), 422, 'RESPONSE.KIND_MISMATCH');
    const responded = await anna.post(report(firstReport, '/basic-response'), {
      prevention: { actionId: 'medication-step', kind: 'checklist-item', description: 'Add the medication round to the handover checklist' },
      lesson: { summary: 'Check the evening medication round at every handover' },
    });
    expectStatus(responded, 200);
    preventionActionId = responded.body.actionId;
    basicLessonId = responded.body.lessonId;
    expect(responded.body.dueOn).toBe(daysFromToday(3)); // high severity: 3 days by the default rule
    const lessons = await bram.get(`/api/failure-learning/teams/${zuid}/lessons`);
    expect(lessons.status).toBe(403); // bram left Noord and never joined Zuid

    // While writing the next report, the team is shown the earlier lesson, and why.
    const suggested = await anna.post('/api/failure-learning/lesson-suggestions', { teamId: noord, area: 'medication', tags: ['handover', 'evening-round'], text: 'medication round skipped again at handover' });
    expectStatus(suggested, 200);
    expect(suggested.body.suggestions[0]).toMatchObject({ lessonId: basicLessonId, why: { sharedTags: ['evening-round', 'handover'], sameArea: true }, preventionAction: { actionId: 'medication-step', status: 'open' } });
    expect(suggested.body.suggestions.length).toBeLessThanOrEqual(5);
    await refused(() => zoe.post('/api/failure-learning/lesson-suggestions', { teamId: noord }), 403, 'TEAM.NOT_A_MEMBER');

    // A near miss (another area) is suggested but not flagged.
    const nearMiss = await anna.post('/api/failure-learning/reports', reportBody(noord, { area: 'wound-care', tags: ['handover'] }));
    expectStatus(await anna.post(report(nearMiss.body.reportId, '/classification'), { kind: 'basic', cause: 'inattention' }), 200);
    expect((await anna.get(report(nearMiss.body.reportId))).body.repeats).toEqual([]);

    // The same area and all the lesson's tags: a repeat, linked to the lesson and its (still open) prevention.
    const again = await anna.post('/api/failure-learning/reports', reportBody(noord, { tags: ['evening-round', 'handover', 'weekend'] }));
    const flagged = await cora.post(report(again.body.reportId, '/classification'), { kind: 'basic', cause: 'inattention' });
    expect(flagged.body.repeats).toEqual([{ lessonId: basicLessonId, lessonTeamId: noord, matchedBy: 'area-and-tags', preventionAction: { actionId: 'medication-step', description: expect.any(String), status: 'open', done: false } }]);
    // An explicit link is a repeat as well.
    const linked = await anna.post('/api/failure-learning/reports', reportBody(noord, { area: 'rostering', tags: [], linkedLessonIds: [basicLessonId] }));
    expect((await cora.post(report(linked.body.reportId, '/classification'), { kind: 'basic', cause: 'inattention' })).body.repeats).toEqual([expect.objectContaining({ lessonId: basicLessonId, matchedBy: 'explicit-link' })]);

    // The owner team does the prevention; the repeats view shows it done now, and not done when flagged.
    await refused(() => zoe.post(report(firstReport, `/actions/${preventionActionId}/completion`), {}), 403, 'TEAM.NOT_A_MEMBER', 'actionId');
    expectStatus(await anna.post(report(firstReport, `/actions/${preventionActionId}/completion`), { note: 'On the checklist since Monday' }), 200);
    const repeats = await cora.get(`/api/failure-learning/teams/${noord}/repeats`);
    expectStatus(repeats, 200);
    expect(repeats.body.items).toHaveLength(2);
    expect(repeats.body.items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ reportId: again.body.reportId, lessonId: basicLessonId, matchedBy: 'area-and-tags', preventionAction: expect.objectContaining({ done: false }), preventionNow: { status: 'done', done: true } }),
      ]),
    );
    expect((await cora.get(`/api/failure-learning/teams/${noord}/reports?repeats=true`)).body.items).toHaveLength(2);
  });

  it('intelligent: the four attributes, the learning into the library, a celebration; another team repeating it is told the knowledge existed', async () => {
    const experiment = await zoe.post('/api/failure-learning/reports', reportBody(zuid, { area: 'rostering', tags: ['self-rostering'], severity: 'low', happened: 'The self-rostering pilot left the holiday weekend unstaffed.' }));
    const experimentId = experiment.body.reportId;
    const attributes = { newTerritory: true, credibleOpportunity: true, hypothesis: 'Teams that roster themselves cover weekends as well as a planner.', asSmallAsPossible: true };
    expectStatus(await otto.post(report(experimentId, '/classification'), { kind: 'intelligent', cause: 'hypothesis-testing', attributes }), 200);
    await refused(() => zoe.post(report(experimentId, '/celebration'), { how: 'Cake', celebratedOn: today() }), 422, 'CELEBRATION.NOT_LEARNED');
    const learned = await zoe.post(report(experimentId, '/intelligent-learning'), { learned: 'Holidays need a fallback rule.', cost: { amount: 300, currency: 'EUR' }, lesson: { summary: 'Self-rostering needs a fallback for holidays' } });
    expectStatus(learned, 200);
    await refused(() => zoe.post(report(experimentId, '/celebration'), { how: 'Cake', celebratedOn: daysFromToday(1) }), 400, 'CELEBRATION.DATE_INVALID', 'celebratedOn');
    expectStatus(await zoe.post(report(experimentId, '/celebration'), { how: 'Shared at the unit meeting', celebratedOn: today() }), 200);
    const library = await anna.get('/api/failure-learning/library');
    expect(library.body.lessons).toEqual([expect.objectContaining({ lessonId: learned.body.lessonId, teamId: zuid, kind: 'intelligent' })]);
    expect((await zoe.get(report(experimentId))).body).toMatchObject({ kind: 'intelligent', learning: { hypothesis: attributes.hypothesis, learned: 'Holidays need a fallback rule.' }, celebration: { how: 'Shared at the unit meeting' } });

    // Noord tries the same experiment: the knowledge existed, so it is basic.
    const repeat = await anna.post('/api/failure-learning/reports', reportBody(noord, { area: 'rostering', tags: ['self-rostering'] }));
    const knew = await refused(() => cora.post(report(repeat.body.reportId, '/classification'), { kind: 'intelligent', cause: 'exploratory-testing', attributes }), 422, 'CLASSIFICATION.KNOWLEDGE_EXISTED', 'kind');
    expect(knew.body.details).toMatchObject({ offeredKind: 'basic', lessonId: learned.body.lessonId, lessonTeamId: zuid });
    const basic = await cora.post(report(repeat.body.reportId, '/classification'), { kind: 'basic', cause: 'lack-of-ability' });
    expect(basic.body.repeats).toEqual([expect.objectContaining({ lessonId: learned.body.lessonId, lessonTeamId: zuid, preventionAction: null })]);
    // Noord sees the library lesson among its lessons; it does not see Zuid's unshared ones.
    expect((await anna.get(`/api/failure-learning/teams/${noord}/lessons`)).body.items.map((l: { lessonId: string }) => l.lessonId)).toEqual(expect.arrayContaining([learned.body.lessonId, basicLessonId]));
  });

  it('complex: a system analysis from the tenant’s taxonomy, which only tenant leads extend; the due-date rule is theirs too', async () => {
    const complex = await anna.post('/api/failure-learning/reports', reportBody(noord, { severity: 'medium', area: 'discharge', tags: ['hospital-handoff'] }));
    const id = complex.body.reportId;
    expectStatus(await cora.post(report(id, '/classification'), { kind: 'complex', cause: 'process-complexity' }), 200);
    const analysis = { contributingFactors: [{ factor: 'shift-overlap', description: 'Two shifts overlapped' }], missedWeakSignals: ['Late discharge letters'], howToSpotSooner: 'Flag late letters at the morning huddle', lesson: { summary: 'Late letters signal a risky discharge', shareWithLibrary: true } };
    await refused(() => anna.post(report(id, '/system-analysis'), analysis), 400, 'ANALYSIS.FACTOR_UNKNOWN', 'contributingFactors.0.factor');
    await refused(() => cora.post('/api/failure-learning/library/contributing-factors', { factor: 'shift-overlap', label: 'Shift overlap' }), 403, 'AUTH.FORBIDDEN');
    await refused(() => tess.post('/api/failure-learning/library/contributing-factors', { factor: 'Shift Overlap', label: 'x' }), 400, 'VALIDATION.FAILED', 'factor');
    expectStatus(await tess.post('/api/failure-learning/library/contributing-factors', { factor: 'shift-overlap', label: 'Shift overlap' }), 201);
    await refused(() => tess.post('/api/failure-learning/library/contributing-factors', { factor: 'shift-overlap', label: 'Again' }), 409, 'TAXONOMY.FACTOR_EXISTS', 'factor');
    const analysed = await anna.post(report(id, '/system-analysis'), analysis);
    expectStatus(analysed, 200);
    await eventually(async () => expect((await anna.get('/api/failure-learning/library')).body.lessons.map((l: { lessonId: string }) => l.lessonId)).toContain(analysed.body.lessonId));
    const library = await anna.get('/api/failure-learning/library');
    expect(library.body.taxonomy.map((f: { factor: string }) => f.factor)).toEqual(['tooling', 'process', 'communication', 'load', 'dependency', 'knowledge', 'shift-overlap']);

    await refused(() => tess.put('/api/failure-learning/library/due-rule', { rule: { high: 2, medium: 5, low: 10 } }), 400, 'FAILURE_LEARNING.REASON_REQUIRED', 'reason');
    await refused(() => tess.put('/api/failure-learning/library/due-rule', { rule: { high: 0, medium: 5, low: 10 }, reason: 'x' }), 400, 'VALIDATION.FAILED', 'rule.high');
    await refused(() => anna.put('/api/failure-learning/library/due-rule', { rule: { high: 2, medium: 5, low: 10 }, reason: 'faster' }), 403, 'AUTH.FORBIDDEN');
    expectStatus(await tess.put('/api/failure-learning/library/due-rule', { rule: { high: 2, medium: 5, low: 10 }, reason: 'Medium failures linger' }), 200);
    const planned = await cora.post(report(id, '/actions'), { actionId: 'huddle-item', description: 'Add late letters to the morning huddle' });
    expectStatus(planned, 201);
    expect(planned.body).toMatchObject({ ownerTeamId: noord, dueOn: daysFromToday(5) }); // medium: 5 days by the tenant's new rule
  });

  it('follow-ups: open / done / not doing (with a reason), per owner team; nothing overdue yet; blameless counts', async () => {
    const id = firstReport;
    await refused(() => anna.post(report(id, '/actions'), { description: 'Train the new colleagues', ownerTeamId: '00000000-0000-7000-8000-000000000000' }), 404, 'TEAM.NOT_FOUND', 'ownerTeamId');
    const planned = await anna.post(report(id, '/actions'), { actionId: 'zuid-trains', description: 'Zuid explains its handover to Noord', ownerTeamId: zuid });
    expectStatus(planned, 201);
    await refused(() => zoe.post(report(id, '/actions/zuid-trains/decline'), {}), 400, 'FAILURE_LEARNING.REASON_REQUIRED', 'reason');
    await refused(() => anna.post(report(id, '/actions/zuid-trains/decline'), { reason: 'not ours' }), 403, 'TEAM.NOT_A_MEMBER', 'actionId');
    await refused(() => zoe.post(report(id, '/actions/nope/decline'), { reason: 'x' }), 404, 'FOLLOW_UP.NOT_FOUND', 'actionId');
    expectStatus(await zoe.post(report(id, '/actions/zuid-trains/decline'), { reason: 'Noord found a better way' }), 200);
    await refused(() => zoe.post(report(id, '/actions/zuid-trains/completion'), {}), 409, 'FOLLOW_UP.ALREADY_CLOSED', 'actionId');
    const zuidActions = await otto.get(`/api/failure-learning/teams/${zuid}/actions`);
    expect(zuidActions.body.items).toEqual([expect.objectContaining({ actionId: 'zuid-trains', status: 'not-doing', declineReason: 'Noord found a better way', overdue: false })]);
    const open = await cora.get(`/api/failure-learning/teams/${noord}/actions?status=open`);
    expect(open.body.items.map((a: { actionId: string }) => a.actionId)).toEqual(['huddle-item']);
    expect((await cora.get(`/api/failure-learning/teams/${noord}/overdue-actions`)).body.items).toEqual([]);
    await refused(() => cora.get('/api/failure-learning/overdue-actions'), 403, 'AUTH.FORBIDDEN');
    expect((await tess.get('/api/failure-learning/overdue-actions')).body).toMatchObject({ total: 0, teams: [] });
    const stats = await ana.get('/api/failure-learning/statistics');
    expectStatus(stats, 200);
    expect(stats.body).toMatchObject({ reports: 8, byKind: { basic: 5, complex: 1, intelligent: 1, unclassified: 1 }, repeats: 3, celebrated: 1, actions: { open: 1, done: 1, notDoing: 1, overdue: 0 } });
    expect((await cora.get(`/api/failure-learning/teams/${zuid}/statistics`)).status).toBe(403);
    expect((await otto.get(`/api/failure-learning/teams/${zuid}/statistics`)).body).toMatchObject({ teamId: zuid, reports: 1, byKind: { intelligent: 1 }, actions: { notDoing: 1 } });
  });

  it('reflection: the coach fixes the cadence; a review starts from the open actions and the reports since the last one', async () => {
    const cadence = `/api/failure-learning/teams/${noord}/reflection-cadence`;
    await refused(() => anna.put(cadence, { everyWeeks: 2, startsOn: today() }), 403, 'AUTH.FORBIDDEN');
    await refused(() => otto.put(cadence, { everyWeeks: 2, startsOn: today() }), 403, 'TEAM.NOT_COACH_OF_TEAM', 'teamId');
    await refused(() => cora.put(cadence, { everyWeeks: 14, startsOn: today() }), 400, 'VALIDATION.FAILED', 'everyWeeks');
    await refused(() => anna.post(`/api/failure-learning/teams/${noord}/reflection-reviews`, {}), 422, 'REFLECTION.NO_CADENCE', 'teamId');
    expectStatus(await cora.put(cadence, { everyWeeks: 2, startsOn: today() }), 200);
    const started = await anna.post(`/api/failure-learning/teams/${noord}/reflection-reviews`, { reviewId: 'review-1' });
    expectStatus(started, 201);
    expect(started.body.since).toBeNull();
    expect(started.body.openActions.map((a: { actionId: string }) => a.actionId)).toEqual(['huddle-item']);
    expect(started.body.reports).toHaveLength(7);
    await refused(() => anna.post(`/api/failure-learning/teams/${noord}/reflection-reviews`, { reviewId: 'review-2' }), 409, 'REFLECTION.REVIEW_OPEN', 'reviewId');
    await refused(() => anna.post(`/api/failure-learning/teams/${noord}/reflection-reviews/review-1/completion`, { takeaways: [] }), 400, 'VALIDATION.FAILED', 'takeaways');
    expectStatus(await anna.post(`/api/failure-learning/teams/${noord}/reflection-reviews/review-1/completion`, { takeaways: ['Medication step on every handover'] }), 200);
    const reflection = await zoe.get(`/api/failure-learning/teams/${noord}/reflection`);
    expect(reflection.status).toBe(403);
    const ours = await cora.get(`/api/failure-learning/teams/${noord}/reflection`);
    expect(ours.body).toMatchObject({ cadence: { everyWeeks: 2, startsOn: today() }, schedule: { nextOn: daysFromToday(14), due: false }, reviews: [{ reviewId: 'review-1', takeaways: ['Medication step on every handover'] }] });
    // The next review covers only what was reported since the last one started.
    const later = await anna.post('/api/failure-learning/reports', reportBody(noord, { area: 'kitchen', tags: [] }));
    const next = await anna.post(`/api/failure-learning/teams/${noord}/reflection-reviews`, { reviewId: 'review-2' });
    expect(next.body.reports.map((r: { reportId: string }) => r.reportId)).toEqual([later.body.reportId]);
  });

  it('describes every route in OpenAPI, with the request schemas and an example of each success', async () => {
    const doc = await t.anonymous().get('/docs-json');
    expectStatus(doc, 200);
    const paths = Object.keys(doc.body.paths).filter((p) => p.startsWith('/api/failure-learning'));
    expect(paths).toEqual(
      expect.arrayContaining([
        '/api/failure-learning/reports',
        '/api/failure-learning/lesson-suggestions',
        '/api/failure-learning/reports/{reportId}/classification',
        '/api/failure-learning/teams/{teamId}/repeats',
        '/api/failure-learning/overdue-actions',
        '/api/failure-learning/cases/{caseId}',
      ]),
    );
    const post = doc.body.paths['/api/failure-learning/reports'].post;
    expect(post.requestBody.content['application/json'].schema.properties).toHaveProperty('anonymous');
    expect(post.responses['201'].content['application/json'].schema.example).toHaveProperty('reportId');
    for (const path of paths) {
      for (const [method, operation] of Object.entries(doc.body.paths[path] as Record<string, { responses: Record<string, { content?: Record<string, { schema?: { example?: unknown } }> }> }>)) {
        const success = Object.entries(operation.responses).find(([status]) => status.startsWith('2'));
        expect({ route: `${method} ${path}`, example: success?.[1].content?.['application/json']?.schema?.example !== undefined }).toEqual({ route: `${method} ${path}`, example: true });
      }
    }
  });
});
