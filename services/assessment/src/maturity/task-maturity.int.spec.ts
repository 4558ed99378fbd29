import { governanceService } from '@leerzone/governance-service';
import { personSubject } from '@leerzone/kernel';
import { expectProblem, expectStatus, type Caller, type ServiceTestApp, startServiceTestApp, refusedWith } from '@leerzone/service-kit/testing';
import { assessmentService } from '../assessment.module';
import { createTeam, eventually, readModelDocuments, storedRows } from '../testing/assessment-test-team';

/**
 * Task maturity over HTTP: the coach and the member record it together, the service derives
 * D1–D4, the style and a delegation level; the member sees their own, the team's coach
 * their team's, nobody else; the note is sealed under the member and erased with them.
 */
describe('assessment HTTP: task maturity', () => {
  let t: ServiceTestApp;
  let cora: Caller;
  let otto: Caller;
  let anna: Caller;
  let bram: Caller;
  let adam: Caller;
  let ana: Caller;
  let teamId: string;
  const path = (memberId = 'anna') => `/api/assessment/teams/${teamId}/members/${memberId}/task-maturity`;

  beforeAll(async () => {
    t = await startServiceTestApp([governanceService, assessmentService]);
    cora = await t.as('cora', ['coach']);
    otto = await t.as('otto', ['coach']);
    anna = await t.as('anna', ['member']);
    bram = await t.as('bram', ['member']);
    adam = await t.as('adam', ['admin']);
    ana = await t.as('ana', ['analyst']);
    teamId = await createTeam(t, cora, 'cora', ['anna', 'bram', 'chen'], 'Wijkteam Oost');
    await createTeam(t, otto, 'otto', ['zoe'], 'Wijkteam West');
  });
  afterAll(async () => t.close());

  // Refused with this problem, and nothing written.
  const refused: ReturnType<typeof refusedWith> = (send, status, code, field) => refusedWith(t)(send, status, code, field);

  it('derives the development level, the style and a delegation level; the note is sealed under the member', async () => {
    const recorded = await cora.post(path(), { task: 'budgeting', taskTitle: 'Budgeting', competence: 'some', commitment: 'high', note: 'Wants to own the Q3 budget.' });
    expectStatus(recorded, 201);
    expect(recorded.body).toMatchObject({ memberId: 'anna', task: 'budgeting', developmentLevel: 'D3', leadershipStyle: 'supporting', suggestedDelegationLevel: 4 });
    // The member may send it too, naming the coach.
    const mine = await anna.post(path(), { task: 'rostering', taskTitle: 'Rostering', competence: 'low', commitment: 'high', coachId: 'cora' });
    expectStatus(mine, 201);
    expect(mine.body).toMatchObject({ developmentLevel: 'D1', leadershipStyle: 'directing', suggestedDelegationLevel: 1 });
    expectStatus(await cora.post(path(), { task: 'budgeting', taskTitle: 'Budgeting', competence: 'high', commitment: 'high' }), 201);
    const row = storedRows(t, 'assessment-maturity-').find((r) => r.data.includes('budgeting'))!;
    expect(row.data).not.toContain('Q3 budget');
    expect(JSON.parse(row.data).note.$sealed.subject).toBe(personSubject('acme', 'anna'));
    const documents = await readModelDocuments(t, ['tasks__']);
    expect(JSON.stringify(documents)).not.toContain('Q3 budget');
  });

  it('refuses bad input and anyone but the coach and the member, writing nothing', async () => {
    await refused(() => cora.post(path(), { task: 'Budgeting!', taskTitle: 'Budgeting', competence: 'some', commitment: 'high' }), 400, 'VALIDATION.FAILED', 'task');
    await refused(() => cora.post(path(), { task: 'budgeting', taskTitle: 'Budgeting', competence: 'great', commitment: 'high' }), 400, 'VALIDATION.FAILED', 'competence');
    await refused(() => cora.post(path(), { task: 'budgeting', taskTitle: '\u200B', competence: 'some', commitment: 'high' }), 400, 'VALIDATION.FAILED', 'taskTitle');
    await refused(() => otto.post(path(), { task: 'budgeting', taskTitle: 'Budgeting', competence: 'some', commitment: 'high' }), 403, 'TEAM.NOT_COACH_OF_TEAM', 'coachId');
    await refused(() => bram.post(path(), { task: 'budgeting', taskTitle: 'Budgeting', competence: 'some', commitment: 'high', coachId: 'cora' }), 403, 'MATURITY.NOT_A_PARTY', 'coachId');
    await refused(() => anna.post(path(), { task: 'budgeting', taskTitle: 'Budgeting', competence: 'some', commitment: 'high' }), 400, 'MATURITY.COACH_REQUIRED', 'coachId');
    await refused(() => anna.post(path(), { task: 'budgeting', taskTitle: 'Budgeting', competence: 'some', commitment: 'high', coachId: 'bram' }), 403, 'TEAM.NOT_COACH_OF_TEAM', 'coachId');
    await refused(() => adam.post(path(), { task: 'budgeting', taskTitle: 'Budgeting', competence: 'some', commitment: 'high' }), 403, 'AUTH.FORBIDDEN');
    await refused(() => cora.post(path('zoe'), { task: 'budgeting', taskTitle: 'Budgeting', competence: 'some', commitment: 'high' }), 422, 'MATURITY.NOT_A_TEAM_MEMBER', 'memberId');
  });

  it('shows the member their own and the coach their team’s, with history; nobody else', async () => {
    for (const reader of [anna, cora]) {
      const view = await reader.get(path());
      expectStatus(view, 200);
      expect(view.body.tasks.map((task: { task: string; current: { developmentLevel: string }; history: unknown[] }) => [task.task, task.current.developmentLevel, task.history.length])).toEqual([
        ['budgeting', 'D4', 2],
        ['rostering', 'D1', 1],
      ]);
      expect(view.body.tasks[0].history[0]).toMatchObject({ note: 'Wants to own the Q3 budget.', suggestedDelegationLevelName: 'Agree' });
    }
    const team = await cora.get(`/api/assessment/teams/${teamId}/task-maturity`);
    expectStatus(team, 200);
    expect(team.body.items.map((i: { memberId: string; task: string }) => `${i.memberId}/${i.task}`)).toEqual(['anna/budgeting', 'anna/rostering']);
    for (const other of [bram, otto, adam, ana]) expectProblem(await other.get(path()), 403, 'MATURITY.NOT_VISIBLE', 'memberId');
    // Asking about someone with nothing recorded answers the same: a refusal tells nothing.
    expectProblem(await bram.get(path('chen')), 403, 'MATURITY.NOT_VISIBLE');
    expectProblem(await anna.get(`/api/assessment/teams/${teamId}/task-maturity`), 403, 'AUTH.FORBIDDEN');
    expectProblem(await otto.get(`/api/assessment/teams/${teamId}/task-maturity`), 403, 'TEAM.NOT_COACH_OF_TEAM');
    const globex = await t.as('cora', ['coach'], 'globex');
    expectProblem(await globex.get(path()), 403, 'MATURITY.NOT_VISIBLE');
    expectProblem(await globex.get(`/api/assessment/teams/${teamId}/task-maturity`), 404, 'TEAM.NOT_FOUND');
  });

  it('keeps task maturity off the topic: only the member and their coach see it', async () => {
    const seen: string[] = [];
    await t.bus.subscribe({ group: 'test-maturity-watch', sources: ['assessment'], handle: (deliveries) => void seen.push(...deliveries.map((d) => d.event.type)) });
    // A public event written after the maturity records: once it is through, they would have been too.
    expectStatus(await adam.put('/api/assessment/settings', { anonymityThreshold: 5, zoneThresholds: { safetyHighFrom: 5, standardsHighFrom: 5 }, reason: 'confirm the defaults' }), 200);
    await eventually(() => expect(seen).toContain('AssessmentSettingsChanged'));
    expect(seen.filter((type) => type.startsWith('Task'))).toEqual([]);
  });

  it('gives analysts counts per level only, and nothing below the threshold of people', async () => {
    const levels = await ana.get(`/api/assessment/teams/${teamId}/task-maturity/levels`);
    expectStatus(levels, 200);
    expect(levels.body).toEqual({ teamId, kind: 'not-enough-people' });
  });

  it('erases the note with the member; a removed member’s coach no longer sees them', async () => {
    await t.vault.erase(personSubject('acme', 'anna'));
    const view = await anna.get(path());
    expect(view.body.tasks[0].history[0].note).toEqual({ $erased: { subject: personSubject('acme', 'anna') } });
    expectStatus(await cora.post(`${path()}/rostering/retire`, { reason: 'rosters are automated now' }), 200);
    expect((await anna.get(path())).body.tasks.map((task: { task: string }) => task.task)).toEqual(['budgeting']);
    // cora stops coaching the team in governance: she no longer sees its members' task maturity.
    expectStatus(await cora.delete(`/api/governance/teams/${teamId}/members/cora`, { reason: 'hands over to otto' }), 200);
    await eventually(async () => expectProblem(await cora.get(path()), 403, 'MATURITY.NOT_VISIBLE'));
    expectProblem(await cora.post(path(), { task: 'budgeting', taskTitle: 'Budgeting', competence: 'high', commitment: 'high' }), 403, 'TEAM.NOT_COACH_OF_TEAM');
  });
});
