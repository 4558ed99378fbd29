import { randomUUID } from 'node:crypto';
import { teamStreamId } from '@leerzone/governance-domain';
import { startServiceTestApp, expectProblem, expectStatus, type Caller, type ServiceTestApp, refusedWith } from '@leerzone/service-kit/testing';
import { governanceService } from '../governance.module';
import { ConsentDeadlineScheduler } from '../teams/adopt-by-deadline/consent-deadline.scheduler';

process.env['GOVERNANCE_SCHEDULER_INTERVAL_MS'] = '0';

const DAY = 86_400_000;
const spend = (decisionId: string, amount: number) => ({
  decisionId,
  area: 'budget-spend',
  title: `Spend ${amount}`,
  actedUnderLevel: 7,
  rationale: 'Needed now',
  optionsConsidered: ['buy', 'wait'],
  amount: { amount, currency: 'EUR' },
  onOutsideMandate: 'escalate',
});

/** Escalations answered by the layer above: who may, once, with a reason; listed per person and unit with their age. */
describe('governance HTTP: escalations answered', () => {
  let t: ServiceTestApp;
  let lea: Caller; // transformation lead
  let cora: Caller; // coach of the team
  let carla: Caller; // named escalation contact of the care unit
  let anna: Caller;
  let bram: Caller;
  let organisationId: string;
  let teamId: string;
  const team = () => `/api/governance/teams/${teamId}`;

  // Refused with this problem, and nothing written.
  const refused: ReturnType<typeof refusedWith> = (send, status, code, field) => refusedWith(t)(send, status, code, field);

  beforeAll(async () => {
    t = await startServiceTestApp([governanceService]);
    lea = await t.as('lea', ['transformation-lead']);
    cora = await t.as('cora', ['coach']);
    carla = await t.as('carla', ['coach']);
    anna = await t.as('anna', ['member']);
    bram = await t.as('bram', ['member']);
    organisationId = (await lea.post('/api/governance/organisations', { name: 'Zorggroep' })).body.organisationId;
    expectStatus(await lea.post(`/api/governance/organisations/${organisationId}/units`, { unitId: 'care', name: 'Zorg' }), 201);
    expectStatus(await lea.post(`/api/governance/organisations/${organisationId}/units`, { unitId: 'care-north', name: 'Zorg Noord', parentUnitId: 'care' }), 201);
    teamId = (await cora.post('/api/governance/teams', { name: 'Wijkteam Noord', unitId: 'care-north' })).body.teamId;
    expectStatus(await cora.post(`${team()}/members`, { memberId: 'cora', roles: ['coach'] }), 201);
    for (const memberId of ['anna', 'bram']) expectStatus(await cora.post(`${team()}/members`, { memberId }), 201);
    expectStatus(await cora.put(`${team()}/delegation-board/areas/budget-spend/level`, { level: 7, reason: 'the team decides its spend' }), 200);
    expectStatus(await cora.put(`${team()}/boundaries/t-month`, { boundary: { kind: 'financial', title: 'Team budget', limit: { amount: 1000, currency: 'EUR' }, period: 'month' }, reason: 'start' }), 200);
  });
  afterAll(async () => t.close());

  it('names a unit’s escalation contact (leads and admins, with a reason) and refuses bad input', async () => {
    const path = `/api/governance/organisations/${organisationId}/units/care/escalation-contact`;
    await refused(() => cora.put(path, { contactId: 'carla', reason: 'x' }), 403, 'AUTH.FORBIDDEN');
    await refused(() => lea.put(path, { contactId: 'carla' }), 400, 'GOVERNANCE.REASON_REQUIRED', 'reason');
    await refused(() => lea.put(path, { contactId: ' carla!', reason: 'x' }), 400, 'VALIDATION.FAILED', 'contactId');
    await refused(() => lea.put(path, { reason: 'x' }), 400, 'VALIDATION.FAILED', 'contactId');
    await refused(() => lea.put(`/api/governance/organisations/${organisationId}/units/nowhere/escalation-contact`, { contactId: 'carla', reason: 'x' }), 404, 'UNIT.NOT_FOUND', 'unitId');
    const named = await lea.put(path, { contactId: 'carla', reason: 'the care lead answers the care teams' });
    expectStatus(named, 200);
    expect(named.body).toMatchObject({ contactId: 'carla', events: [{ type: 'UnitEscalationContactNamed' }] });
  });

  it('lists an escalated decision for its coach, the contact of a unit above and per unit, with its age; not for the one who raised it', async () => {
    const escalated = await anna.post(`${team()}/decisions`, spend('d-1', 1500));
    expectStatus(escalated, 201);
    expect(escalated.body.status).toBe('escalated');
    for (const caller of [cora, carla]) {
      const mine = await caller.get('/api/governance/escalations?assignee=me');
      expectStatus(mine, 200);
      expect(mine.body.items).toEqual([expect.objectContaining({ teamId, kind: 'decision', subjectId: 'd-1', area: 'budget-spend', raisedBy: 'anna', status: 'open', ageDays: 0, overdue: false })]);
    }
    expect((await anna.get('/api/governance/escalations?assignee=me')).body.items).toEqual([]);
    expect((await bram.get('/api/governance/escalations?assignee=me')).body.items).toEqual([]);
    expect((await lea.get('/api/governance/escalations?unitId=care')).body.items.map((e: { subjectId: string }) => e.subjectId)).toEqual(['d-1']);
    expect((await lea.get('/api/governance/escalations?unitId=elsewhere')).body.items).toEqual([]);
    expectProblem(await lea.get('/api/governance/escalations?status=lost'), 400, 'VALIDATION.FAILED', 'status.0');
    expectProblem(await lea.get('/api/governance/escalations?overdue=maybe'), 400, 'VALIDATION.FAILED', 'overdue');
    expectProblem(await lea.get('/api/governance/escalations?assignee=someone'), 400, 'VALIDATION.FAILED', 'assignee');
  });

  it('flags an escalation unanswered past the tenant’s timeout as overdue', async () => {
    // An escalation from three weeks ago, as the store would hold it.
    const [created] = await t.store.readStream(teamStreamId('acme', teamId));
    const version = await t.store.streamVersion(teamStreamId('acme', teamId));
    const escalatedAt = new Date(Date.now() - 21 * DAY).toISOString();
    const mandate = { area: 'budget-spend', boardLevel: 7, boardLevelSetAt: escalatedAt, financialLimits: [], ruleBoundaryIds: [] };
    await t.store.append(
      teamStreamId('acme', teamId),
      [
        {
          eventId: randomUUID(),
          type: 'DecisionEscalated',
          schemaVersion: 1,
          tenantId: created!.tenantId,
          occurredAt: escalatedAt,
          actor: { id: 'anna', kind: 'user' },
          correlationId: randomUUID(),
          causationId: randomUUID(),
          metadata: {},
          data: { teamId, decisionId: 'd-old', area: 'hiring', title: 'Hire a planner', actedUnderLevel: 7, rationale: 'r', optionsConsidered: ['a'], amount: null, mandate, violations: [], escalatedBy: 'anna', escalatedAt },
        },
      ],
      { expectedVersion: version },
    );
    await t.app.get(ConsentDeadlineScheduler, { strict: false }).adoptDue(new Date(0)); // settles the read models to the head
    const overdue = await cora.get('/api/governance/escalations?assignee=me&overdue=true');
    expect(overdue.body).toMatchObject({ escalationTimeoutDays: 14, items: [expect.objectContaining({ subjectId: 'd-old', ageDays: 21, overdue: true })] });
    expect((await cora.get('/api/governance/escalations?assignee=me&overdue=false')).body.items.map((e: { subjectId: string }) => e.subjectId)).toEqual(['d-1']);
    // A longer tenant timeout: no longer overdue.
    expectStatus(await lea.put('/api/governance/settings', { escalationTimeoutDays: 30, reason: 'answers take a month here' }), 200);
    expect((await cora.get('/api/governance/escalations?assignee=me&overdue=true')).body.items).toEqual([]);
    expectStatus(await lea.put('/api/governance/settings', { escalationTimeoutDays: 14, reason: 'back to two weeks' }), 200);
  });

  it('only the layer above answers, with a reason, once; an approval records the decision with its mandate and the approval', async () => {
    const answer = `${team()}/decisions/d-1/answer`;
    await refused(() => bram.post(answer, { answer: 'approve', reason: 'x' }), 403, 'ESCALATION.NOT_ANSWERER');
    await refused(() => anna.post(answer, { answer: 'approve', reason: 'x' }), 403, 'ESCALATION.NOT_ANSWERER');
    await refused(() => carla.post(answer, { answer: 'maybe', reason: 'x' }), 400, 'VALIDATION.FAILED', 'answer');
    await refused(() => carla.post(answer, { answer: 'approve' }), 400, 'GOVERNANCE.REASON_REQUIRED', 'reason');
    await refused(() => carla.post(`${team()}/decisions/d-nope/answer`, { answer: 'approve', reason: 'x' }), 404, 'DECISION.NOT_FOUND');
    await refused(() => (t.as('otto', ['coach']) as Promise<Caller>).then((otto) => otto.post(answer, { answer: 'approve', reason: 'x' })), 403, 'ESCALATION.NOT_ANSWERER');
    const approved = await carla.post(answer, { answer: 'approve', reason: 'the laptops cannot wait' });
    expectStatus(approved, 200);
    expect(approved.body).toMatchObject({ status: 'approved', answeredAs: 'unit-contact', events: [{ type: 'EscalatedDecisionApproved' }] });
    await refused(() => cora.post(answer, { answer: 'decline', reason: 'changed my mind' }), 409, 'ESCALATION.ALREADY_ANSWERED');
    const decisions = await anna.get(`${team()}/decisions?status=approved`);
    expect(decisions.body.items).toEqual([
      expect.objectContaining({ decisionId: 'd-1', status: 'approved', mandate: expect.objectContaining({ boardLevel: 7 }), violations: [expect.objectContaining({ code: 'DECISION.AMOUNT_OVER_LIMIT' })], answer: expect.objectContaining({ answer: 'approve', by: 'carla', answeredAs: 'unit-contact', reason: 'the laptops cannot wait' }) }),
    ]);
    // The approved amount counts against this month's budget: another 100 no longer fits the 1000.
    expectProblem(await anna.post(`${team()}/decisions`, { ...spend('d-2', 100), onOutsideMandate: 'reject' }), 403, 'DECISION.AMOUNT_OVER_LIMIT', 'amount');
    expect((await carla.get('/api/governance/escalations?assignee=me')).body.items.map((e: { subjectId: string }) => e.subjectId)).toEqual(['d-old']);
    expect((await carla.get('/api/governance/escalations?assignee=me&status=approved')).body.items).toEqual([expect.objectContaining({ subjectId: 'd-1', answer: expect.objectContaining({ by: 'carla' }) })]);
  });

  it('answers escalated proposals: a coach declines (the boundary stays), a lead approves (the boundary changes)', async () => {
    const scheduler = t.app.get(ConsentDeadlineScheduler, { strict: false });
    const propose = async (proposalId: string, amount: number) => {
      const proposed = await anna.post(`${team()}/proposals`, { proposalId, change: { action: 'set', boundary: { boundaryId: 't-month', kind: 'financial', title: 'Team budget', limit: { amount, currency: 'EUR' }, period: 'month' } }, closesAt: new Date(Date.now() + 60_000).toISOString(), reason: `to ${amount}` });
      expectStatus(proposed, 201);
      expectStatus(await bram.post(`${team()}/proposals/${proposalId}/objections`, { reason: 'too much at once' }), 201);
      await scheduler.adoptDue(new Date(Date.parse(proposed.body.closesAt as string) + 1_000));
      expect((await anna.get(`${team()}/proposals/${proposalId}`)).body.status).toBe('escalated');
    };
    await propose('p-1', 3000);
    const listed = await cora.get('/api/governance/escalations?assignee=me');
    expect(listed.body.items).toEqual(expect.arrayContaining([expect.objectContaining({ kind: 'proposal', subjectId: 'p-1', area: 'boundaries', raisedBy: 'anna', title: 'to 3000', why: [{ memberId: 'bram', message: 'too much at once' }] })]));
    await refused(() => anna.post(`${team()}/proposals/p-1/answer`, { answer: 'approve', reason: 'x' }), 403, 'ESCALATION.NOT_ANSWERER');
    await refused(() => cora.post(`${team()}/proposals/p-nope/answer`, { answer: 'approve', reason: 'x' }), 404, 'PROPOSAL.NOT_FOUND');
    await refused(() => cora.post(`${team()}/proposals/p-1/answer`, { answer: 'approve', reason: 'x', widen: true }), 400, 'VALIDATION.FAILED');
    await refused(() => cora.post(`${team()}/proposals/p-1/answer`, { reason: 'x' }), 400, 'VALIDATION.FAILED', 'answer');
    const declined = await cora.post(`${team()}/proposals/p-1/answer`, { answer: 'decline', reason: 'settle the objection in the team first' });
    expectStatus(declined, 200);
    expect(declined.body).toMatchObject({ status: 'declined', answeredAs: 'team-coach', events: [{ type: 'EscalatedBoundaryChangeDeclined' }] });
    expect((await anna.get(`${team()}/boundaries`)).body.own).toEqual([expect.objectContaining({ boundary: expect.objectContaining({ limit: { amount: 1000, currency: 'EUR' } }) })]);

    await propose('p-2', 2000);
    const approved = await lea.post(`${team()}/proposals/p-2/answer`, { answer: 'approve', reason: 'try it for a quarter' });
    expectStatus(approved, 200);
    expect(approved.body).toMatchObject({ status: 'approved', answeredAs: 'transformation-lead', events: [{ type: 'EscalatedBoundaryChangeApproved' }, { type: 'TeamBoundarySet' }] });
    expect((await anna.get(`${team()}/boundaries`)).body.own).toEqual([expect.objectContaining({ boundary: expect.objectContaining({ limit: { amount: 2000, currency: 'EUR' } }), proposalId: 'p-2' })]);
    await refused(() => carla.post(`${team()}/proposals/p-2/answer`, { answer: 'decline', reason: 'x' }), 409, 'ESCALATION.ALREADY_ANSWERED');
    expect((await anna.get(`${team()}/proposals/p-2`)).body).toMatchObject({ status: 'approved', answer: { answer: 'approve', by: 'lea', answeredAs: 'transformation-lead' } });
  });

  it('makes repeated escalations per area visible', async () => {
    const areas = await lea.get('/api/governance/escalations/areas?unitId=care');
    expectStatus(areas, 200);
    expect(areas.body.items).toEqual([expect.objectContaining({ teamId, area: 'boundaries', count: 2, open: 0, approved: 1, declined: 1 })]);
    const all = await lea.get(`/api/governance/escalations/areas?teamId=${teamId}&minCount=1`);
    expect(all.body.items.map((a: { area: string; count: number }) => [a.area, a.count])).toEqual([
      ['boundaries', 2],
      ['budget-spend', 1],
      ['hiring', 1],
    ]);
    expectProblem(await lea.get('/api/governance/escalations/areas?minCount=0'), 400, 'VALIDATION.FAILED', 'minCount');
    expectProblem(await lea.get('/api/governance/escalations/areas?since=yesterday'), 400, 'VALIDATION.FAILED', 'since');
    // Another tenant sees none of it.
    expect((await (await t.as('lea', ['transformation-lead'], 'globex')).get('/api/governance/escalations/areas?minCount=1')).body.items).toEqual([]);
  });
});
