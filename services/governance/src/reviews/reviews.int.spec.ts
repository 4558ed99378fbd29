import { startServiceTestApp, expectProblem, expectStatus, type Caller, type ServiceTestApp, refusedWith } from '@leerzone/service-kit/testing';
import { governanceService } from '../governance.module';

process.env['GOVERNANCE_SCHEDULER_INTERVAL_MS'] = '0';

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

/** Review dates on boundaries, principles and delegation levels: what is due, and a review that keeps, changes or drops. */
describe('governance HTTP: review dates', () => {
  let t: ServiceTestApp;
  let lea: Caller;
  let cora: Caller;
  let anna: Caller;
  let teamId: string;
  let otherTeamId: string;
  let organisationId: string;
  const team = (id = teamId) => `/api/governance/teams/${id}`;

  // Refused with this problem, and nothing written.
  const refused: ReturnType<typeof refusedWith> = (send, status, code, field) => refusedWith(t)(send, status, code, field);

  beforeAll(async () => {
    t = await startServiceTestApp([governanceService]);
    lea = await t.as('lea', ['transformation-lead']);
    cora = await t.as('cora', ['coach']);
    anna = await t.as('anna', ['member']);
    organisationId = (await lea.post('/api/governance/organisations', { name: 'Zorggroep' })).body.organisationId;
    expectStatus(await lea.post(`/api/governance/organisations/${organisationId}/units`, { unitId: 'care', name: 'Zorg' }), 201);
    teamId = (await cora.post('/api/governance/teams', { name: 'Wijkteam West', unitId: 'care' })).body.teamId;
    otherTeamId = (await cora.post('/api/governance/teams', { name: 'Wijkteam Elders' })).body.teamId;
    expectStatus(await cora.post(`${team()}/members`, { memberId: 'anna' }), 201);
    expectStatus(await cora.put(`${team()}/boundaries/t-month`, { boundary: { kind: 'financial', title: 'Team budget', limit: { amount: 1000, currency: 'EUR' }, period: 'month' }, reason: 'start' }), 200);
    expectStatus(await anna.post(`${team()}/principles`, { principleId: 'pr-1', rule: 'We say it when we are stuck', value: 'openness' }), 201);
    expectStatus(await cora.put(`${team()}/delegation-board/areas/planning/level`, { level: 5, reason: 'the team plans' }), 200);
    expectStatus(await cora.put(`${team(otherTeamId)}/delegation-board/areas/planning/level`, { level: 4, reviewBy: inDays(40), reason: 'try it' }), 200);
  });
  afterAll(async () => t.close());

  it('puts review dates on a boundary, a principle and a delegated area; refuses bad input and the wrong people', async () => {
    await refused(() => anna.put(`${team()}/reviews/boundary/t-month`, { reviewBy: inDays(10), reason: 'x' }), 403, 'TEAM.NOT_COACH_OF_TEAM');
    await refused(() => cora.put(`${team()}/reviews/boundary/t-month`, { reviewBy: '1 June', reason: 'x' }), 400, 'VALIDATION.FAILED', 'reviewBy');
    await refused(() => cora.put(`${team()}/reviews/boundary/t-month`, { reviewBy: inDays(-1), reason: 'x' }), 400, 'REVIEW.DATE_INVALID', 'reviewBy');
    await refused(() => cora.put(`${team()}/reviews/boundary/t-month`, { reviewBy: inDays(10) }), 400, 'GOVERNANCE.REASON_REQUIRED', 'reason');
    await refused(() => cora.put(`${team()}/reviews/boundary/nope`, { reviewBy: inDays(10), reason: 'x' }), 404, 'REVIEW.SUBJECT_NOT_FOUND', 'subject.id');
    await refused(() => cora.put(`${team()}/reviews/okr/x`, { reviewBy: inDays(10), reason: 'x' }), 400, 'VALIDATION.FAILED', 'kind');
    await refused(() => cora.put(`${team()}/reviews/delegation/hiring`, { reviewBy: inDays(10), reason: 'x' }), 422, 'REVIEW.NOTHING_DELEGATED');
    const set = await cora.put(`${team()}/reviews/boundary/t-month`, { reviewBy: inDays(10), reason: 'good enough for now, safe enough to try' });
    expectStatus(set, 200);
    expect(set.body).toMatchObject({ subject: { kind: 'boundary', id: 't-month' }, reviewBy: inDays(10), events: [{ type: 'ReviewDateSet' }] });
    // Principles are the team's own: a member may date them.
    expectStatus(await anna.put(`${team()}/reviews/principle/pr-1`, { reviewBy: inDays(20), reason: 'see if it still helps' }), 200);
    expectStatus(await cora.put(`${team()}/reviews/delegation/planning`, { reviewBy: inDays(30), reason: 'check after a quarter' }), 200);
  });

  it('lists what is due per team and per unit, soonest first', async () => {
    const due = await cora.get(`/api/governance/reviews?teamId=${teamId}&dueBefore=${inDays(25)}`);
    expectStatus(due, 200);
    expect(due.body.items.map((i: { kind: string; subjectId: string; reviewBy: string }) => [i.kind, i.subjectId, i.reviewBy])).toEqual([
      ['boundary', 't-month', inDays(10)],
      ['principle', 'pr-1', inDays(20)],
    ]);
    expect(due.body.items[0]).toMatchObject({ title: 'Team budget', overdue: false, lastReview: null });
    expect((await cora.get(`/api/governance/reviews?dueBefore=${inDays(50)}`)).body.items.map((i: { teamId: string; subjectId: string }) => i.subjectId)).toEqual(['t-month', 'pr-1', 'planning', 'planning']);
    expect((await cora.get(`/api/governance/reviews?unitId=care&dueBefore=${inDays(50)}`)).body.items.map((i: { teamId: string }) => i.teamId)).toEqual([teamId, teamId, teamId]);
    expect((await cora.get('/api/governance/reviews')).body.items).toEqual([]);
    expectProblem(await cora.get('/api/governance/reviews?dueBefore=soon'), 400, 'VALIDATION.FAILED', 'dueBefore');
    expectProblem(await cora.get('/api/governance/reviews?teamId=not-a-team'), 400, 'VALIDATION.FAILED', 'teamId');
  });

  it('records a review: changed (the new value, checked like any change), kept, dropped', async () => {
    await refused(() => cora.post(`${team()}/reviews/boundary/t-month`, { outcome: 'forgotten', reason: 'x' }), 400, 'VALIDATION.FAILED', 'outcome');
    await refused(() => cora.post(`${team()}/reviews/boundary/t-month`, { outcome: 'changed', reason: 'x' }), 400, 'REVIEW.CHANGE_MISSING', 'boundary');
    await refused(() => cora.post(`${team()}/reviews/boundary/t-month`, { outcome: 'kept' }), 400, 'GOVERNANCE.REASON_REQUIRED', 'reason');
    await refused(() => cora.post(`${team()}/reviews/principle/pr-1`, { outcome: 'dropped', nextReviewBy: inDays(5), reason: 'x' }), 400, 'REVIEW.DATE_INVALID', 'nextReviewBy');
    const changed = await cora.post(`${team()}/reviews/boundary/t-month`, {
      outcome: 'changed',
      boundary: { kind: 'financial', title: 'Team budget', limit: { amount: 1500, currency: 'EUR' }, period: 'month' },
      nextReviewBy: inDays(90),
      reason: 'it worked; a little more room',
    });
    expectStatus(changed, 201);
    expect(changed.body.events.map((e: { type: string }) => e.type)).toEqual(['TeamBoundarySet', 'AgreementReviewed']);
    expect((await cora.get(`${team()}/boundaries`)).body.own).toEqual([expect.objectContaining({ boundary: expect.objectContaining({ limit: { amount: 1500, currency: 'EUR' } }) })]);
    const kept = await cora.post(`${team()}/reviews/delegation/planning`, { outcome: 'kept', nextReviewBy: inDays(60), reason: 'still right' });
    expectStatus(kept, 201);
    const dropped = await anna.post(`${team()}/reviews/principle/pr-1`, { outcome: 'dropped', reason: 'we do not need it any more' });
    expectStatus(dropped, 201);
    expect(dropped.body.events.map((e: { type: string }) => e.type)).toEqual(['PrincipleRetired', 'AgreementReviewed']);
    const due = await cora.get(`/api/governance/reviews?teamId=${teamId}&dueBefore=${inDays(100)}`);
    expect(due.body.items.map((i: { subjectId: string; reviewBy: string; lastReview: { outcome: string } | null }) => [i.subjectId, i.reviewBy, i.lastReview?.outcome])).toEqual([
      ['planning', inDays(60), 'kept'],
      ['t-month', inDays(90), 'changed'],
    ]);
    const history = await cora.get(`${team()}/history?topic=reviews`);
    expect(history.body.entries.map((e: { type: string }) => e.type)).toEqual(['ReviewDateSet', 'ReviewDateSet', 'ReviewDateSet', 'AgreementReviewed', 'AgreementReviewed', 'AgreementReviewed']);
  });

  it('puts review dates on unit boundaries too (leads and admins), lists them per unit and records their reviews', async () => {
    const unitBoundary = `/api/governance/organisations/${organisationId}/units/care/boundaries/u-cap`;
    expectStatus(await lea.put(unitBoundary, { boundary: { kind: 'financial', title: 'Unit cap', limit: { amount: 5000, currency: 'EUR' }, period: 'per-decision' }, reason: 'frame' }), 200);
    await refused(() => cora.put(`${unitBoundary}/review-date`, { reviewBy: inDays(15), reason: 'x' }), 403, 'AUTH.FORBIDDEN');
    await refused(() => lea.put(`${unitBoundary}/review-date`, { reviewBy: 'June', reason: 'x' }), 400, 'VALIDATION.FAILED', 'reviewBy');
    await refused(() => lea.put(`${unitBoundary}/review-date`, { reviewBy: inDays(-2), reason: 'x' }), 400, 'REVIEW.DATE_INVALID', 'reviewBy');
    await refused(() => lea.put(`${unitBoundary}/review-date`, { reviewBy: inDays(15) }), 400, 'GOVERNANCE.REASON_REQUIRED', 'reason');
    await refused(() => lea.put(`/api/governance/organisations/${organisationId}/units/care/boundaries/nope/review-date`, { reviewBy: inDays(15), reason: 'x' }), 404, 'BOUNDARY.NOT_FOUND', 'boundaryId');
    expectStatus(await lea.put(`${unitBoundary}/review-date`, { reviewBy: inDays(15), reason: 'after the first quarter' }), 200);
    const due = await cora.get(`/api/governance/reviews?unitId=care&dueBefore=${inDays(16)}`);
    expect(due.body.items).toEqual([expect.objectContaining({ teamId: null, unitId: 'care', kind: 'boundary', subjectId: 'u-cap', title: 'Unit cap', reviewBy: inDays(15) })]);
    expect((await cora.get(`/api/governance/reviews?teamId=${teamId}&dueBefore=${inDays(16)}`)).body.items).toEqual([]);
    await refused(() => lea.post(`${unitBoundary}/reviews`, { outcome: 'changed', reason: 'x' }), 400, 'REVIEW.CHANGE_MISSING', 'boundary');
    await refused(() => lea.post(`${unitBoundary}/reviews`, { outcome: 'gone', reason: 'x' }), 400, 'VALIDATION.FAILED', 'outcome');
    await refused(() => cora.post(`${unitBoundary}/reviews`, { outcome: 'kept', reason: 'x' }), 403, 'AUTH.FORBIDDEN');
    const changed = await lea.post(`${unitBoundary}/reviews`, {
      outcome: 'changed',
      boundary: { kind: 'financial', title: 'Unit cap', limit: { amount: 4000, currency: 'EUR' }, period: 'per-decision' },
      nextReviewBy: inDays(120),
      reason: 'the teams spent less than expected',
    });
    expectStatus(changed, 201);
    expect(changed.body.events.map((e: { type: string }) => e.type)).toEqual(['UnitBoundarySet', 'UnitBoundaryReviewed']);
    const later = await cora.get(`/api/governance/reviews?unitId=care&dueBefore=${inDays(130)}`);
    expect(later.body.items.filter((i: { teamId: string | null }) => i.teamId === null)).toEqual([expect.objectContaining({ subjectId: 'u-cap', reviewBy: inDays(120), lastReview: expect.objectContaining({ outcome: 'changed', by: 'lea' }) })]);
    const dropped = await lea.post(`${unitBoundary}/reviews`, { outcome: 'dropped', reason: 'the organisation-wide policy covers it' });
    expect(dropped.body.events.map((e: { type: string }) => e.type)).toEqual(['UnitBoundaryRemoved', 'UnitBoundaryReviewed']);
    expect((await cora.get(`/api/governance/reviews?unitId=care&dueBefore=${inDays(130)}`)).body.items.filter((i: { teamId: string | null }) => i.teamId === null)).toEqual([]);
  });
});
