import { governanceService } from '@leerzone/governance-service';
import { startServiceTestApp, expectStatus, type Caller, type ServiceTestApp } from '@leerzone/service-kit/testing';
import { okrService } from '../okr.module';
import { eventually, isoDay, KEY_RESULTS, refused } from '../testing/okr-fixtures';

/**
 * Unit objectives: who counts for a unit is read from the teams governance put in it. A member
 * of one of the unit's teams may check in as a member, the coach of one answers alignments for
 * it, a lead speaks for every unit; someone in none of its teams is refused.
 */
describe('okr HTTP: unit objectives, their members and coaches from the unit’s teams', () => {
  let t: ServiceTestApp;
  let cora: Caller;
  let mia: Caller;
  let otto: Caller;
  let tess: Caller;
  let cycleId: string;
  let unitObjective: string;
  let teamObjective: string;

  beforeAll(async () => {
    t = await startServiceTestApp([governanceService, okrService]);
    cora = await t.as('cora', ['coach']);
    mia = await t.as('mia', ['member']);
    otto = await t.as('otto', ['member']);
    tess = await t.as('tess', ['transformation-lead']);
    const organisation = await tess.post('/api/governance/organisations', { name: 'Zorggroep' });
    expectStatus(organisation, 201);
    expectStatus(await tess.post(`/api/governance/organisations/${organisation.body.organisationId}/units`, { unitId: 'care', name: 'Care at home' }), 201);
    const team = await cora.post('/api/governance/teams', { name: 'Wijkteam Noord', unitId: 'care' });
    expectStatus(team, 201);
    for (const [memberId, roles] of [['cora', ['coach']], ['mia', ['member']]] as const) {
      expectStatus(await cora.post(`/api/governance/teams/${team.body.teamId}/members`, { memberId, roles }), 201);
    }
    cycleId = (await tess.post('/api/okr/cycles', { startsOn: isoDay(-5), endsOn: isoDay(85) })).body.cycleId;
    unitObjective = (await tess.post('/api/okr/objectives', { cycleId, level: 'unit', owner: { kind: 'unit', id: 'care' }, title: 'Care closer to home', commitment: 'committed' })).body.objectiveId;
    for (const kr of KEY_RESULTS) expectStatus(await tess.post(`/api/okr/objectives/${unitObjective}/key-results`, kr), 201);
    expectStatus(await tess.post(`/api/okr/objectives/${unitObjective}/commit`), 200);
    await eventually(async () => {
      const defined = await mia.post('/api/okr/objectives', { cycleId, level: 'team', owner: { kind: 'team', id: team.body.teamId }, title: 'Fewer readmissions', commitment: 'committed' });
      expectStatus(defined, 201);
      teamObjective = defined.body.objectiveId;
    });
    expectStatus(await tess.post(`/api/okr/cycles/${cycleId}/start`), 200);
  });
  afterAll(async () => t.close());

  it('lets a member of one of the unit’s teams check in as a member, and a lead as the unit’s coach; nobody else', async () => {
    const path = `/api/okr/objectives/${unitObjective}/key-results/kr-nps/check-ins`;
    expectStatus(await mia.post(path, { checkInId: 'ci-mia', value: 55, confidence: 7 }), 201);
    expectStatus(await tess.post(path, { checkInId: 'ci-tess', value: 56, confidence: 7 }), 201);
    await refused(t, () => otto.post(path, { value: 57, confidence: 7 }), 403, 'OKR.NOT_A_MEMBER', 'actorRelation');
    const entries = (await tess.get(`/api/okr/objectives/${unitObjective}/key-results/kr-nps/history`)).body.entries.filter((e: { type: string }) => e.type === 'KeyResultCheckedIn');
    expect(entries.map((e: { by: string; checkedInAs: string }) => `${e.by}:${e.checkedInAs}`)).toEqual(['mia:member', 'tess:coach']);
    // A unit's objectives are steered by the coaches of its teams and the leads, not by its teams' members.
    await refused(t, () => mia.patch(`/api/okr/objectives/${unitObjective}`, { title: 'Ours now' }), 403, 'OKR.NOT_ALLOWED');
    expectStatus(await cora.patch(`/api/okr/objectives/${unitObjective}`, { description: 'With the district nurses' }), 200);
  });

  it('lets the coach of one of the unit’s teams answer a team’s alignment to the unit, not its members', async () => {
    expectStatus(await mia.put(`/api/okr/objectives/${teamObjective}/alignment`, { parentObjectiveId: unitObjective }), 200);
    await refused(t, () => mia.post(`/api/okr/objectives/${teamObjective}/alignment/accept`), 403, 'OKR.NOT_ALLOWED');
    await refused(t, () => otto.post(`/api/okr/objectives/${teamObjective}/alignment/accept`), 403, 'OKR.NOT_ALLOWED');
    expectStatus(await cora.post(`/api/okr/objectives/${teamObjective}/alignment/accept`), 200);
    const tree = (await otto.get(`/api/okr/cycles/${cycleId}/alignment`)).body.roots;
    expect(tree).toEqual([expect.objectContaining({ objectiveId: unitObjective, level: 'unit', children: [expect.objectContaining({ objectiveId: teamObjective, pending: false })] })]);
  });
});
