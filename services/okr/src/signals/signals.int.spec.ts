import { objectiveStreamId } from '@leerzone/okr-domain';
import { governanceService } from '@leerzone/governance-service';
import { startServiceTestApp, expectProblem, expectStatus, type Caller, type ServiceTestApp } from '@leerzone/service-kit/testing';
import { parseThresholds } from '../shared/tenant-thresholds';
import { okrService } from '../okr.module';
import { eventually, governanceTeam, isoDay } from '../testing/okr-fixtures';

const MILESTONES = ['m-1', 'm-2', 'm-3'].map((keyResultId) => ({ keyResultId, title: `Milestone ${keyResultId}`, measure: { kind: 'milestone' } }));

/**
 * "Always 1.0 means not ambitious enough": a team whose aspirational key results all end at
 * 1.0 two cycles in a row gets the ambition-too-low signal, naming every KeyResultGraded
 * event behind it. And If-Match on an objective: a stale version writes nothing.
 */
describe('okr HTTP: the ambition signal across cycles, If-Match, tenant thresholds', () => {
  let t: ServiceTestApp;
  let cora: Caller;
  let tess: Caller;
  let ali: Caller;
  let teamId: string;

  beforeAll(async () => {
    t = await startServiceTestApp([governanceService, okrService]);
    cora = await t.as('cora', ['coach']);
    tess = await t.as('tess', ['transformation-lead']);
    ali = await t.as('ali', ['analyst']);
    teamId = await governanceTeam(cora, 'Wijkteam Oost', { cora: ['coach'] });
  });
  afterAll(async () => t.close());

  /** One past cycle in which the team's aspirational objective ends at 1.0 on every key result. */
  const easyCycle = async (startsOffset: number): Promise<{ cycleId: string; objectiveId: string }> => {
    const { cycleId } = (await tess.post('/api/okr/cycles', { startsOn: isoDay(startsOffset), endsOn: isoDay(startsOffset + 30) })).body;
    let objectiveId = '';
    await eventually(async () => {
      const defined = await cora.post('/api/okr/objectives', { cycleId, level: 'team', owner: { kind: 'team', id: teamId }, title: `Easy ${startsOffset}`, commitment: 'aspirational' });
      expectStatus(defined, 201);
      objectiveId = defined.body.objectiveId;
    });
    for (const kr of MILESTONES) expectStatus(await cora.post(`/api/okr/objectives/${objectiveId}/key-results`, kr), 201);
    expectStatus(await cora.post(`/api/okr/objectives/${objectiveId}/commit`), 200);
    expectStatus(await tess.post(`/api/okr/cycles/${cycleId}/start`), 200);
    for (const kr of MILESTONES) expectStatus(await cora.post(`/api/okr/objectives/${objectiveId}/key-results/${kr.keyResultId}/check-ins`, { value: true, confidence: 10 }), 201);
    expectStatus(await tess.post(`/api/okr/cycles/${cycleId}/grading`), 200);
    expectStatus(await cora.post(`/api/okr/objectives/${objectiveId}/grade`), 200);
    expectStatus(await tess.post(`/api/okr/cycles/${cycleId}/close`), 200);
    return { cycleId, objectiveId };
  };

  it('signals ambition too low after two cycles of aspirational key results all at 1.0, with the grades that triggered it', async () => {
    const first = await easyCycle(-100);
    expect((await ali.get('/api/okr/signals?kind=ambition-too-low')).body.items).toEqual([]);
    const second = await easyCycle(-60);
    const { items } = (await ali.get(`/api/okr/signals?kind=ambition-too-low&ownerId=${teamId}`)).body;
    expect(items).toEqual([expect.objectContaining({ kind: 'ambition-too-low', owner: { kind: 'team', id: teamId }, cycleIds: [first.cycleId, second.cycleId] })]);
    expect(items[0].triggeredBy).toHaveLength(6);
    expect(new Set(items[0].triggeredBy.map((e: { streamId: string }) => e.streamId))).toEqual(new Set([objectiveStreamId('acme', first.objectiveId), objectiveStreamId('acme', second.objectiveId)]));
    expect(items[0].triggeredBy.every((e: { type: string }) => e.type === 'KeyResultGraded')).toBe(true);
    expect((await ali.get('/api/okr/signals?kind=ambition-too-low&ownerId=someone-else')).body.items).toEqual([]);
  });

  it('writes to an objective only at the version named in If-Match', async () => {
    const { cycleId } = (await tess.post('/api/okr/cycles', { startsOn: isoDay(10), endsOn: isoDay(100) })).body;
    const defined = await cora.post('/api/okr/objectives', { cycleId, level: 'team', owner: { kind: 'team', id: teamId }, title: 'Versioned', commitment: 'committed' });
    expectStatus(defined, 201);
    const objective = `/api/okr/objectives/${defined.body.objectiveId}`;
    const read = await ali.get(objective);
    expect(read.headers['etag']).toBe('"1"');
    expectStatus(await cora.post(`${objective}/key-results`, MILESTONES[0], { 'If-Match': '"1"' }), 201);
    const before = await t.head();
    expectProblem(await cora.patch(objective, { title: 'Stale' }, { 'If-Match': '"1"' }), 412, 'STREAM.VERSION_MISMATCH', 'If-Match');
    expect(await t.head()).toBe(before);
    expectStatus(await cora.patch(objective, { title: 'Fresh' }, { 'If-Match': '"2"' }), 200);
  });

  it('reads per-tenant thresholds from the configuration, refusing invalid ones at start-up', () => {
    expect(parseThresholds(undefined).size).toBe(0);
    expect(parseThresholds('{"acme":{"behindBelow":0.9,"atRiskBelow":0.7,"atRiskConfidenceAtMost":2}}').get('acme')).toEqual({ behindBelow: 0.9, atRiskBelow: 0.7, atRiskConfidenceAtMost: 2 });
    expect(() => parseThresholds('{"acme":{"behindBelow":0.5,"atRiskBelow":0.7,"atRiskConfidenceAtMost":2}}')).toThrow(/OKR_STATUS_THRESHOLDS for acme/);
  });
});
