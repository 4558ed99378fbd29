import { objectiveStreamId } from '@leerzone/okr-domain';
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { governanceService } from '@leerzone/governance-service';
import { ProjectionsHost } from '@leerzone/nest-platform';
import { personSubject } from '@leerzone/kernel';
import { startServiceTestApp, expectProblem, expectStatus, type Caller, type ServiceTestApp } from '@leerzone/service-kit/testing';
import { okrService } from '../okr.module';
import { eventually, governanceTeam, isoDay, KEY_RESULTS, refused } from '../testing/okr-fixtures';
import { OBJECTIVES_PROJECTION } from './read-model/objectives.projection';

/**
 * Check-ins over HTTP with governance hosted in the same app: membership in governance decides
 * who may check in (added → 201, removed → 403), bad input writes nothing, another tenant's
 * objective answers like an unknown one, and a person's words are sealed in the store.
 */
describe('okr HTTP: check-ins, membership from governance, bad input, tenants, privacy', () => {
  let t: ServiceTestApp;
  let cora: Caller; // coach of the team (team role coach in governance)
  let anna: Caller; // member, later removed
  let bram: Caller; // member
  let tess: Caller; // transformation lead, not in the team
  let ali: Caller; // analyst
  let teamId: string;
  let cycleId: string;
  let objectiveId: string;
  const checkIns = (krId = 'kr-wait') => `/api/okr/objectives/${objectiveId}/key-results/${krId}/check-ins`;

  beforeAll(async () => {
    t = await startServiceTestApp([governanceService, okrService]);
    cora = await t.as('cora', ['coach']);
    anna = await t.as('anna', ['member']);
    bram = await t.as('bram', ['member']);
    tess = await t.as('tess', ['transformation-lead']);
    ali = await t.as('ali', ['analyst']);
  });
  afterAll(async () => t.close());

  it('lets a team created in governance have objectives within seconds', async () => {
    teamId = await governanceTeam(cora, 'Wijkteam Noord', { cora: ['coach'], anna: ['member'], bram: ['member'] });
    const planned = await tess.post('/api/okr/cycles', { startsOn: isoDay(-10), endsOn: isoDay(80) });
    expectStatus(planned, 201);
    cycleId = planned.body.cycleId;
    expect(planned.headers['location']).toBe(`/api/okr/cycles/${cycleId}`);
    const took = await eventually(async () => {
      const defined = await anna.post('/api/okr/objectives', { cycleId, level: 'team', owner: { kind: 'team', id: teamId }, title: 'Shorter waiting lists', commitment: 'committed' });
      expectStatus(defined, 201);
      objectiveId = defined.body.objectiveId;
    });
    expect(took).toBeLessThan(5_000);
    for (const kr of KEY_RESULTS.slice(0, 2)) expectStatus(await anna.post(`/api/okr/objectives/${objectiveId}/key-results`, kr), 201);
    // 3-5 key results, saying how many and why; nothing written.
    const tooFew = await refused(t, () => anna.post(`/api/okr/objectives/${objectiveId}/commit`), 422, 'OKR.TOO_FEW_KEY_RESULTS', 'keyResults');
    expect(tooFew.body.detail).toContain('it has 2, so add 1 more');
    expectStatus(await anna.post(`/api/okr/objectives/${objectiveId}/key-results`, KEY_RESULTS[2]), 201);
    expectStatus(await anna.post(`/api/okr/objectives/${objectiveId}/commit`), 200);
    expectStatus(await tess.post(`/api/okr/cycles/${cycleId}/start`), 200);
  });

  it('refuses bad input with 400 and field errors, writing nothing', async () => {
    const bad = await refused(t, () => anna.post('/api/okr/objectives', { cycleId: 'nope', level: 'galaxy', owner: { kind: 'team', id: teamId }, title: '\u202Eevil', commitment: 'committed' }), 400, 'VALIDATION.FAILED');
    expect(bad.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['cycleId', 'level', 'title']));
    await refused(t, () => anna.post(checkIns(), { value: 100, confidence: 11 }), 400, 'VALIDATION.FAILED', 'confidence');
    await refused(t, () => anna.post(checkIns(), { value: 100, confidence: 5, comment: 'fine\u202E' }), 400, 'VALIDATION.FAILED', 'comment');
    await refused(t, () => anna.post(checkIns(), { value: 100, confidence: 5, blockers: [{ description: '   ' }] }), 400, 'VALIDATION.FAILED', 'blockers.0.description');
    await refused(t, () => anna.post(checkIns(), { value: 'lots', confidence: 5 }), 400, 'VALIDATION.FAILED', 'value');
    // The domain's own check of the value against the measure: a milestone is done or not.
    await refused(t, () => anna.post(checkIns('kr-rota'), { value: 3, confidence: 5 }), 400, 'OKR.VALUE_INVALID', 'value');
    const measure = await refused(t, () => anna.post(`/api/okr/objectives/${objectiveId}/key-results`, { title: 'x', measure: { kind: 'numeric', start: 1, target: 2 } }), 400, 'VALIDATION.FAILED');
    expect(measure.body.errors.map((e: { field: string }) => e.field)).toEqual(expect.arrayContaining(['measure.unit', 'measure.direction']));
    await refused(t, () => anna.post(`/api/okr/objectives/${objectiveId}/key-results`, { title: 'x', measure: { kind: 'numeric', start: 10, target: 20, unit: 'x', direction: 'decrease-to' }, reason: 'r' }), 400, 'OKR.MEASURE_INVALID', 'measure.target');
    await refused(t, () => anna.get('/api/okr/objectives/not-a-uuid'), 400, 'VALIDATION.FAILED', 'objectiveId');
  });

  it('records a member’s check-in (201) with its status, and refuses at risk without a blocker', async () => {
    const onTrack = await anna.post(checkIns(), { checkInId: 'ci-anna-1', value: 110, confidence: 7, comment: 'Anna: the intake desk is slow on Mondays' });
    expectStatus(onTrack, 201);
    expect(onTrack.body).toMatchObject({ checkInId: 'ci-anna-1', status: 'on-track', events: [expect.objectContaining({ type: 'KeyResultCheckedIn' })] });
    const noBlocker = await refused(t, () => bram.post(checkIns(), { value: 120, confidence: 6 }), 422, 'OKR.BLOCKER_REQUIRED', 'blockers');
    expect(noBlocker.body.details).toMatchObject({ attainment: 0 });
    const atRisk = await bram.post(checkIns(), { value: 120, confidence: 2, blockers: [{ blockerId: 'b-intake', description: 'Intake software down since Monday', removableBy: { kind: 'unit-above' } }] });
    expectStatus(atRisk, 201);
    expect(atRisk.body).toMatchObject({ status: 'at-risk', blockerIds: ['b-intake'] });
    // The coach may check in too; a transformation lead outside the team may not.
    expectStatus(await cora.post(checkIns('kr-nps'), { value: 60, confidence: 8 }), 201);
    await refused(t, () => tess.post(checkIns(), { value: 100, confidence: 8 }), 403, 'OKR.NOT_A_MEMBER', 'actorRelation');
  });

  it('refuses the same check-in once governance removed the member', async () => {
    const body = { value: 100, confidence: 8, comment: 'Still going' };
    expectStatus(await anna.post(checkIns(), body), 201);
    expectStatus(await cora.delete(`/api/governance/teams/${teamId}/members/anna`, { reason: 'moved to another team' }), 200);
    await eventually(async () => {
      const before = await t.head();
      expectProblem(await anna.post(checkIns(), body), 403, 'OKR.NOT_A_MEMBER');
      expect(await t.head()).toBe(before);
    });
    // Added back, she may check in again.
    expectStatus(await cora.post(`/api/governance/teams/${teamId}/members`, { memberId: 'anna', roles: ['member'] }), 201);
    await eventually(async () => expectStatus(await anna.post(checkIns(), body), 201));
    expectStatus(await cora.delete(`/api/governance/teams/${teamId}/members/anna`), 200);
    await eventually(async () => expectProblem(await anna.post(checkIns(), body), 403, 'OKR.NOT_A_MEMBER'));
  });

  it('answers another tenant exactly as for an unknown objective, and writes nothing for it', async () => {
    const gina = await t.as('gina', ['admin'], 'globex');
    const unknown = '00000000-0000-7000-8000-000000000000';
    const foreign = await gina.get(`/api/okr/objectives/${objectiveId}`);
    const missing = await gina.get(`/api/okr/objectives/${unknown}`);
    expectProblem(foreign, 404, 'OKR.OBJECTIVE_NOT_FOUND');
    expectProblem(missing, 404, 'OKR.OBJECTIVE_NOT_FOUND');
    const shape = (body: object, id: string) => ({ ...JSON.parse(JSON.stringify(body).replaceAll(id, '<id>')), instance: '', requestId: '' });
    expect(shape(foreign.body, objectiveId)).toEqual(shape(missing.body, unknown));
    await refused(t, () => gina.post(checkIns(), { value: 100, confidence: 8 }), 404, 'OKR.OBJECTIVE_NOT_FOUND');
    await refused(t, () => gina.post(`/api/okr/cycles/${cycleId}/grading`), 404, 'OKR.CYCLE_NOT_FOUND');
    await refused(t, () => gina.post('/api/okr/objectives', { cycleId, level: 'team', owner: { kind: 'team', id: teamId }, title: 'Mine', commitment: 'committed' }), 404, 'OKR.TEAM_NOT_FOUND', 'owner.id');
    expectProblem(await gina.get(`/api/okr/cycles/${cycleId}`), 404, 'OKR.CYCLE_NOT_FOUND');
    expectProblem(await gina.get(`/api/okr/objectives/${objectiveId}/key-results/kr-wait/history`), 404, 'OKR.OBJECTIVE_NOT_FOUND');
    expect((await gina.get('/api/okr/objectives')).body.items).toEqual([]);
    expect((await gina.get('/api/okr/cycles')).body.items).toEqual([]);
  });

  it('refuses callers without the role (403) and without a token (401)', async () => {
    await refused(t, () => anna.post('/api/okr/cycles', {}), 403, 'AUTH.FORBIDDEN');
    await refused(t, () => bram.post(`/api/okr/cycles/${cycleId}/grading`), 403, 'AUTH.FORBIDDEN');
    await refused(t, () => ali.post(checkIns(), { value: 100, confidence: 8 }), 403, 'AUTH.FORBIDDEN');
    // Members may not grade; only the team's coach or a lead.
    await refused(t, () => bram.post(`/api/okr/objectives/${objectiveId}/grade`), 403, 'OKR.NOT_ALLOWED');
    await refused(t, () => t.anonymous().get(`/api/okr/objectives/${objectiveId}`), 401, 'AUTH.UNAUTHENTICATED');
  });

  it('seals comments and blockers in the store, opens them for the team, hides them from analysts, shows them erased after erasure', async () => {
    const db = new Database(join(t.dir, 'events.db'), { readonly: true });
    const rows = db.prepare("SELECT type, data FROM events WHERE stream_id = ?").all(objectiveStreamId('acme', objectiveId)) as Array<{ type: string; data: string }>;
    db.close();
    const checkedIn = rows.filter((r) => r.type === 'KeyResultCheckedIn');
    expect(checkedIn.length).toBeGreaterThan(3);
    const all = rows.map((r) => r.data).join('\n');
    expect(all).not.toContain('intake desk is slow');
    expect(all).not.toContain('Intake software down');
    expect(JSON.parse(checkedIn[0]!.data).comment).toEqual({ $sealed: expect.objectContaining({ subject: personSubject('acme', 'anna') }) });
    // The read models keep no free text at all.
    const readModels = t.app.get(ProjectionsHost).readModels;
    const docs = [
      ...(await readModels.collection(OBJECTIVES_PROJECTION, 'objectives').find({ tenantId: 'acme' })).items,
      ...(await readModels.collection(OBJECTIVES_PROJECTION, 'keyResults').find({ tenantId: 'acme' })).items,
    ];
    expect(JSON.stringify(docs)).not.toMatch(/intake desk|Intake software|\$sealed/);

    const history = `/api/okr/objectives/${objectiveId}/key-results/kr-wait/history`;
    const forTeam = (await bram.get(history)).body.entries.filter((e: { type: string }) => e.type === 'KeyResultCheckedIn');
    expect(forTeam[0]).toMatchObject({ checkInId: 'ci-anna-1', by: 'anna', comment: { text: 'Anna: the intake desk is slow on Mondays' } });
    expect(forTeam[1].blockers).toEqual([{ blockerId: 'b-intake', removableBy: { kind: 'unit-above' }, description: { text: 'Intake software down since Monday' } }]);
    const forAnalyst = (await ali.get(history)).body.entries.filter((e: { type: string }) => e.type === 'KeyResultCheckedIn');
    expect(forAnalyst[0].comment).toEqual({ hidden: true });
    expect(forAnalyst[1].blockers[0].description).toEqual({ hidden: true });

    await t.vault.erase(personSubject('acme', 'anna'));
    const erased = (await bram.get(history)).body.entries.filter((e: { type: string }) => e.type === 'KeyResultCheckedIn');
    expect(erased[0].comment).toEqual({ erased: true });
    // Bram's blocker is his own words, untouched by Anna's erasure.
    expect(erased[1].blockers[0].description).toEqual({ text: 'Intake software down since Monday' });
  });
});
