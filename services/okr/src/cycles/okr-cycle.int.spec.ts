import { objectiveStreamId } from '@leerzone/okr-domain';
import { governanceService } from '@leerzone/governance-service';
import { startServiceTestApp, expectProblem, expectStatus, type Caller, type ServiceTestApp } from '@leerzone/service-kit/testing';
import { okrService } from '../okr.module';
import { eventually, governanceTeam, isoDay, KEY_RESULTS, refused } from '../testing/okr-fixtures';

/**
 * The whole cycle over HTTP: retrospectives, objectives aligned bottom-up, key results whose
 * goalposts move only with a reason, check-ins, the queries (alignment tree, teams without
 * a retrospective, overdue check-ins), grading against the original and the final target,
 * closing, the signals with their triggering events, carry-forward and team KPIs.
 */
describe('okr HTTP: the cycle, alignment, goalposts, grading, signals, carry-forward, KPIs', () => {
  let t: ServiceTestApp;
  let cora: Caller; // coach of both teams
  let anna: Caller; // member of Noord
  let tess: Caller; // transformation lead
  let ali: Caller; // analyst
  let noord: string;
  let zuid: string;
  let cycleId: string;
  let orgObjective: string;
  let teamObjective: string;
  let zuidObjective: string;
  const objective = (id = teamObjective) => `/api/okr/objectives/${id}`;

  beforeAll(async () => {
    t = await startServiceTestApp([governanceService, okrService]);
    cora = await t.as('cora', ['coach']);
    anna = await t.as('anna', ['member']);
    tess = await t.as('tess', ['transformation-lead']);
    ali = await t.as('ali', ['analyst']);
    noord = await governanceTeam(cora, 'Wijkteam Noord', { cora: ['coach'], anna: ['member'] });
    zuid = await governanceTeam(cora, 'Wijkteam Zuid', { cora: ['coach'] });
  });
  afterAll(async () => t.close());

  const define = async (caller: Caller, body: Record<string, unknown>) => {
    let id = '';
    await eventually(async () => {
      const created = await caller.post('/api/okr/objectives', { cycleId, commitment: 'committed', ...body });
      expectStatus(created, 201);
      id = created.body.objectiveId;
    });
    return id;
  };

  it('plans a cycle, takes a retrospective, defines objectives at every level and aligns them bottom-up', async () => {
    const planned = await tess.post('/api/okr/cycles', { name: 'Autumn', startsOn: isoDay(-10), endsOn: isoDay(80) });
    expectStatus(planned, 201);
    cycleId = planned.body.cycleId;
    await eventually(async () =>
      expectStatus(await anna.post(`/api/okr/cycles/${cycleId}/retrospectives`, { teamId: noord, whatWorked: 'Weekly check-ins', whatDidNotWork: 'Five key results', whatWeLearned: 'Three is enough' }), 201),
    );
    await refused(t, () => tess.post(`/api/okr/cycles/${cycleId}/retrospectives`, { teamId: noord, whatWorked: 'a', whatDidNotWork: 'b', whatWeLearned: 'c' }), 403, 'OKR.NOT_A_MEMBER');

    orgObjective = await define(tess, { level: 'organisation', owner: { kind: 'unit', id: 'organisation' }, title: 'Care closer to home' });
    // Organisation objectives belong to the leads, not to a team's members.
    await refused(t, () => anna.post('/api/okr/objectives', { cycleId, level: 'unit', owner: { kind: 'unit', id: 'organisation' }, title: 'Mine', commitment: 'committed' }), 403, 'OKR.NOT_ALLOWED');
    teamObjective = await define(anna, { level: 'team', owner: { kind: 'team', id: noord }, title: 'Shorter waiting lists' });
    zuidObjective = await define(cora, { level: 'team', owner: { kind: 'team', id: zuid }, title: 'Fewer night calls', commitment: 'aspirational' });
    for (const id of [teamObjective, zuidObjective, orgObjective]) {
      const caller = id === orgObjective ? tess : id === zuidObjective ? cora : anna;
      for (const kr of KEY_RESULTS) expectStatus(await caller.post(`${objective(id)}/key-results`, kr), 201);
      expectStatus(await caller.post(`${objective(id)}/commit`), 200);
    }
    // Bottom-up: the team proposes, the parent's owner (a lead, for the organisation) answers.
    expectStatus(await anna.put(`${objective()}/alignment`, { parentObjectiveId: orgObjective }), 200);
    await refused(t, () => anna.post(`${objective()}/alignment/accept`), 403, 'OKR.NOT_ALLOWED');
    expectStatus(await tess.post(`${objective()}/alignment/accept`), 200);
    expectStatus(await cora.put(`${objective(zuidObjective)}/alignment`, { parentObjectiveId: orgObjective }), 200);
    await refused(t, () => tess.post(`${objective(zuidObjective)}/alignment/decline`), 400, 'OKR.REASON_REQUIRED', 'reason');
    expectStatus(await tess.post(`${objective(zuidObjective)}/alignment/decline`, { reason: 'This supports the safety objective better.' }), 200);
    // Goalposts are free while the cycle is planned.
    const free = await anna.patch(`${objective()}/key-results/kr-wait`, { measure: { ...KEY_RESULTS[0].measure, target: 30 } });
    expect(free.body.events.map((e: { type: string }) => e.type)).toEqual(['KeyResultRedefined']);
    expectStatus(await tess.post(`/api/okr/cycles/${cycleId}/start`), 200);
  });

  it('shows the alignment tree with progress and status at each node, and the teams that started without a retrospective', async () => {
    expectStatus(await anna.post(`${objective()}/key-results/kr-wait/check-ins`, { value: 105, confidence: 7 }), 201);
    const tree = await ali.get(`/api/okr/cycles/${cycleId}/alignment`);
    expectStatus(tree, 200);
    expect(tree.body.roots.map((n: { level: string; title: string }) => `${n.level}:${n.title}`)).toEqual(['organisation:Care closer to home', 'team:Fewer night calls']);
    const [org] = tree.body.roots;
    expect(org.children).toEqual([expect.objectContaining({ objectiveId: teamObjective, owner: { kind: 'team', id: noord }, pending: false, status: 'on-track' })]);
    // (120 - 105) / (120 - 30) of one of three equally weighted key results.
    expect(org.children[0].progress).toBeCloseTo(15 / 90 / 3, 6);
    expect(org.progress).toBe(0);
    expect(org.status).toBeNull();

    const missing = await ali.get(`/api/okr/cycles/${cycleId}/teams-without-retrospective`);
    expect(missing.body.items).toEqual([{ teamId: zuid, teamName: 'Wijkteam Zuid', recordedLateAt: null }]);
    const late = await cora.post(`/api/okr/cycles/${cycleId}/retrospectives`, { teamId: zuid, whatWorked: 'a', whatDidNotWork: 'b', whatWeLearned: 'c' });
    expectStatus(late, 201);
    const after = await ali.get(`/api/okr/cycles/${cycleId}/teams-without-retrospective`);
    expect(after.body.items).toEqual([expect.objectContaining({ teamId: zuid, recordedLateAt: expect.any(String) })]);
  });

  it('moves a goalpost only with a reason, and the history keeps the original definition', async () => {
    const moved = { measure: { ...KEY_RESULTS[0].measure, target: 80 } };
    await refused(t, () => anna.patch(`${objective()}/key-results/kr-wait`, moved), 400, 'OKR.REASON_REQUIRED', 'reason');
    await refused(t, () => anna.delete(`${objective()}/key-results/kr-rota`), 422, 'OKR.TOO_FEW_KEY_RESULTS', 'keyResultId');
    const done = await anna.patch(`${objective()}/key-results/kr-wait`, { ...moved, reason: 'Two colleagues left in July' });
    expectStatus(done, 200);
    expect(done.body.events.map((e: { type: string }) => e.type)).toEqual(['KeyResultGoalpostMoved']);
    const history = (await ali.get(`${objective()}/key-results/kr-wait/history`)).body;
    expect(history).toMatchObject({ moved: true, lastMovedAt: expect.any(String), original: { measure: { target: 30 } }, definition: { measure: { target: 80 } } });
    expect(history.entries.map((e: { type: string }) => e.type)).toEqual(['KeyResultAdded', 'KeyResultRedefined', 'KeyResultCheckedIn', 'KeyResultGoalpostMoved']);
    expect(history.entries[3]).toMatchObject({ by: 'anna', changed: ['target'], reason: 'Two colleagues left in July', previous: { measure: { target: 30 } } });
    const view = (await anna.get(objective())).body;
    expect(view.keyResults[0]).toMatchObject({ keyResultId: 'kr-wait', moved: true, original: { measure: { target: 30 } } });
    expect(view.alignment).toMatchObject({ parentObjectiveId: orgObjective, status: 'accepted' });
  });

  it("lists key results whose check-in is overdue by the team's cadence", async () => {
    await refused(t, () => anna.put(`/api/okr/teams/${noord}/cadence`, { everyDays: 60 }), 400, 'VALIDATION.FAILED', 'everyDays');
    expectStatus(await anna.put(`/api/okr/teams/${noord}/cadence`, { everyDays: 14 }), 200);
    const soon = await ali.get(`/api/okr/cycles/${cycleId}/overdue-check-ins?at=${encodeURIComponent(new Date(Date.now() + 10 * 86_400_000).toISOString())}`);
    expectStatus(soon, 200);
    // Zuid keeps the default of 7 days: after 10 days all three are overdue; Noord's 14 days have not passed.
    expect(soon.body.items.map((i: { objectiveId: string }) => i.objectiveId)).toEqual(expect.arrayContaining([zuidObjective]));
    expect(soon.body.items.filter((i: { objectiveId: string }) => i.objectiveId === teamObjective)).toEqual([]);
    const later = await ali.get(`/api/okr/cycles/${cycleId}/overdue-check-ins?at=${encodeURIComponent(new Date(Date.now() + 20 * 86_400_000).toISOString())}&limit=1`);
    expect(later.body.items.length).toBeGreaterThan(0);
    expect(later.body.next).toEqual(expect.any(String));
    const page2 = await ali.get(`/api/okr/cycles/${cycleId}/overdue-check-ins?at=${encodeURIComponent(new Date(Date.now() + 20 * 86_400_000).toISOString())}&limit=1&after=${encodeURIComponent(later.body.next)}`);
    expect(page2.body.items[0].objectiveId).not.toBe(later.body.items[0].objectiveId);
    const silent = await ali.get(`/api/okr/signals?kind=no-recent-check-in&at=${encodeURIComponent(new Date(Date.now() + 20 * 86_400_000).toISOString())}`);
    expect(silent.body.items).toEqual(
      expect.arrayContaining([expect.objectContaining({ kind: 'no-recent-check-in', objectiveId: teamObjective, cadenceDays: 14, triggeredBy: [expect.objectContaining({ type: 'KeyResultCheckedIn', streamId: objectiveStreamId('acme', teamObjective) })] })]),
    );
  });

  it('grades against the final and the original target, opens a blockers review, and closes the cycle only when all are graded', async () => {
    expectStatus(await anna.post(`${objective()}/key-results/kr-wait/check-ins`, { value: 80, confidence: 9 }), 201);
    expectStatus(await anna.post(`${objective()}/key-results/kr-rota/check-ins`, { value: true, confidence: 9 }), 201);
    const proposed = (await ali.get(`${objective()}/grading`)).body;
    // Against the original: mean(0.4, 0, 1) = 0.47 → 0.5; against the final: mean(1, 0, 1) → 0.7.
    expect(proposed).toMatchObject({ proposed: true, score: 0.7, scoreAgainstOriginal: 0.5 });
    expectStatus(await tess.post(`/api/okr/cycles/${cycleId}/grading`), 200);
    await refused(t, () => anna.post(`${objective()}/key-results/kr-wait/check-ins`, { value: 70, confidence: 9 }), 422, 'OKR.CYCLE_WRONG_STATUS');
    await refused(t, () => cora.post(`${objective()}/grade`, { overrides: [{ keyResultId: 'kr-nps', score: 0.5, reason: '   ' }] }), 400, 'VALIDATION.FAILED', 'overrides.0.reason');
    const graded = await cora.post(`${objective()}/grade`);
    expectStatus(graded, 200);
    expect(graded.body.events.map((e: { type: string }) => e.type)).toEqual(['KeyResultGraded', 'KeyResultGraded', 'KeyResultGraded', 'ObjectiveGraded', 'BlockersReviewOpened']);
    const grading = (await ali.get(`${objective()}/grading`)).body;
    // kr-wait: 120 → 80 is the whole way to the moved target (1.0) but half the way to the original 30 (0.4 rounded from 0.44).
    expect(grading).toMatchObject({ proposed: false, score: 0.7, scoreAgainstOriginal: 0.5, band: 'high', achieved: false });
    expect(grading.keyResults[0]).toMatchObject({ keyResultId: 'kr-wait', moved: true, score: 1, scoreAgainstOriginal: 0.4, original: { measure: { target: 30 } }, definition: { measure: { target: 80 } } });
    expect(grading.keyResults.map((k: { score: number }) => k.score)).toEqual([1, 0, 1]);

    // Not achieved: what stood in the way, never who.
    expectStatus(await anna.post(`${objective()}/review/findings`, { findingId: 'f-1', obstacle: 'Survey tool licence ran out', removableBy: { kind: 'unit-above' } }), 201);
    const review = (await cora.get(`${objective()}/grading`)).body.review;
    expect(review).toEqual({ status: 'open', findings: [expect.objectContaining({ findingId: 'f-1', obstacle: { text: 'Survey tool licence ran out' } })] });
    expect((await ali.get(`${objective()}/grading`)).body.review.findings[0].obstacle).toEqual({ hidden: true });
    expectStatus(await anna.post(`${objective()}/review/close`), 200);

    const notYet = await refused(t, () => tess.post(`/api/okr/cycles/${cycleId}/close`), 422, 'OKR.CYCLE_NOT_GRADED');
    expect(notYet.body.details.ungradedObjectiveIds.sort()).toEqual([orgObjective, zuidObjective].sort());
    expectStatus(await tess.post(`${objective(orgObjective)}/grade`), 200);
    expectStatus(await cora.post(`${objective(zuidObjective)}/grade`, { overrides: [{ keyResultId: 'kr-rota', score: 1, reason: 'Rota went live the day after the cycle' }] }), 200);
    expectStatus(await tess.post(`/api/okr/cycles/${cycleId}/close`), 200);
    expect((await ali.get(`/api/okr/cycles/${cycleId}`)).body).toMatchObject({ status: 'closed', name: 'Autumn' });
    expect((await ali.get('/api/okr/cycles?status=closed')).body.items).toEqual([expect.objectContaining({ cycleId, status: 'closed' })]);
  });

  it('lists the signals with the events that triggered them', async () => {
    const signals = await ali.get(`/api/okr/signals?kind=committed-missed&cycleId=${cycleId}`);
    expectStatus(signals, 200);
    const ours = signals.body.items.filter((s: { objectiveId: string }) => s.objectiveId === teamObjective);
    expect(ours).toEqual([expect.objectContaining({ kind: 'committed-missed', keyResultId: 'kr-nps', score: 0, triggeredBy: [expect.objectContaining({ type: 'KeyResultGraded', streamId: objectiveStreamId('acme', teamObjective) })] })]);
    const eventId = ours[0].triggeredBy[0].eventId;
    // The triggering event is in the audit trail, and the audit API folds okr streams (its registration).
    const audrey = await t.as('audrey', ['auditor']);
    const trail = await audrey.get(`/api/audit/streams/${objectiveStreamId('acme', teamObjective)}/events?limit=200`);
    expectStatus(trail, 200);
    expect(JSON.stringify(trail.body)).toContain(eventId);
    const state = await audrey.get(`/api/audit/streams/${objectiveStreamId('acme', teamObjective)}/state?at=${encodeURIComponent(new Date().toISOString())}`);
    expectStatus(state, 200);
    expect(JSON.stringify(state.body)).toContain('Shorter waiting lists');
    expectProblem(await ali.get('/api/okr/signals?kind=made-up'), 400, 'VALIDATION.FAILED', 'kind.0');
  });

  it('carries an objective forward into the next cycle without its check-ins', async () => {
    const next = await tess.post('/api/okr/cycles', { startsOn: isoDay(81), endsOn: isoDay(170) });
    expectStatus(next, 201);
    const nextCycle = next.body.cycleId;
    await refused(t, () => anna.post(`${objective()}/carry-forward`, { cycleId, keyResultIds: ['kr-wait'] }), 400, 'OKR.CARRY_FORWARD_SAME_CYCLE');
    const carried = await anna.post(`${objective()}/carry-forward`, { cycleId: nextCycle, keyResultIds: ['kr-wait', 'kr-nps'] });
    expectStatus(carried, 201);
    expect(carried.body.events.map((e: { type: string }) => e.type)).toEqual(['ObjectiveDefined', 'KeyResultAdded', 'KeyResultAdded']);
    const fresh = (await anna.get(objective(carried.body.objectiveId))).body;
    expect(fresh).toMatchObject({ cycleId: nextCycle, title: 'Shorter waiting lists', committedAt: null, carriedForwardFrom: { objectiveId: teamObjective, cycleId, score: 0.7 } });
    expect(fresh.keyResults.map((k: { keyResultId: string; latestCheckIn: unknown }) => [k.keyResultId, k.latestCheckIn])).toEqual([['kr-wait', null], ['kr-nps', null]]);
    expect((await anna.get(objective())).body.carriedForwardTo).toEqual([{ objectiveId: carried.body.objectiveId, cycleId: nextCycle }]);
  });

  it("keeps the team's KPIs apart from key results, with values over time", async () => {
    await refused(t, () => anna.post(`/api/okr/teams/${noord}/kpis`, { name: 'Sick leave', unit: '%', targetType: 'stay-at-most', target: 4, period: 'month', objectiveId: '00000000-0000-7000-8000-000000000000' }), 404, 'OKR.OBJECTIVE_NOT_FOUND');
    await refused(t, () => anna.post(`/api/okr/teams/${noord}/kpis`, { name: 'Sick leave', unit: '%', targetType: 'sideways', target: 4, period: 'month', objectiveId: teamObjective }), 400, 'VALIDATION.FAILED', 'targetType');
    const kpi = await anna.post(`/api/okr/teams/${noord}/kpis`, { kpiId: 'sick-leave', name: 'Sick leave', unit: '%', targetType: 'stay-at-most', target: 4, period: 'month', objectiveId: teamObjective });
    expectStatus(kpi, 201);
    expectStatus(await anna.post(`/api/okr/teams/${noord}/kpis/sick-leave/values`, { value: 5.1, measuredOn: isoDay(-40) }), 201);
    expectStatus(await anna.post(`/api/okr/teams/${noord}/kpis/sick-leave/values`, { value: 3.6, measuredOn: isoDay(0) }), 201);
    await refused(t, () => anna.post(`/api/okr/teams/${noord}/kpis/sick-leave/values`, { value: 3, measuredOn: isoDay(3) }), 400, 'OKR.KPI_VALUE_INVALID', 'measuredOn');
    await refused(t, () => anna.post(`/api/okr/teams/${zuid}/kpis/sick-leave/values`, { value: 3, measuredOn: isoDay(0) }), 403, 'OKR.NOT_A_MEMBER');
    const kpis = (await ali.get(`/api/okr/teams/${noord}/kpis`)).body;
    expect(kpis).toMatchObject({ teamId: noord, checkInCadenceDays: 14 });
    expect(kpis.kpis).toEqual([expect.objectContaining({ kpiId: 'sick-leave', objectiveId: teamObjective, latest: expect.objectContaining({ value: 3.6 }), meetsTarget: true })]);
    expect(kpis.kpis[0].series).toHaveLength(2);
    await refused(t, () => anna.delete(`/api/okr/teams/${noord}/kpis/sick-leave`), 400, 'OKR.REASON_REQUIRED', 'reason');
    expectStatus(await anna.delete(`/api/okr/teams/${noord}/kpis/sick-leave`, { reason: 'Measured by HR now' }), 200);
    expect((await ali.get(`/api/okr/teams/${noord}/kpis`)).body.kpis).toEqual([]);
    expectProblem(await ali.get('/api/okr/teams/00000000-0000-7000-8000-000000000000/kpis'), 404, 'OKR.TEAM_NOT_FOUND');
  });

  it('serves an OpenAPI document with examples for the okr routes', async () => {
    const doc = await t.anonymous().get('/docs-json');
    expectStatus(doc, 200);
    const checkIn = doc.body.paths['/api/okr/objectives/{objectiveId}/key-results/{keyResultId}/check-ins'].post;
    expect(checkIn.responses['201'].content['application/json'].schema.example).toMatchObject({ status: 'on-track' });
  });
});
