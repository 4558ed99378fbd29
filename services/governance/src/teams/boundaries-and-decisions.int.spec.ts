import { startServiceTestApp, expectProblem, expectStatus, clockPast, type Caller, type ServiceTestApp, refusedWith } from '@leerzone/service-kit/testing';
import { governanceService } from '../governance.module';

const euros = (amount: number) => ({ amount, currency: 'EUR' });
const budget = (amount: number, title = 'Team budget') => ({ kind: 'financial', title, limit: euros(amount), period: 'per-decision', decisionArea: 'budget-spend' });

/**
 * Freedom within boundaries, over HTTP: the unit tree and its boundaries, a team's frame
 * (never wider than its unit's), the delegation board, decisions checked against the
 * mandate of the moment, and time travel over all of it.
 */
describe('governance HTTP: organisations, boundaries, delegation board, decisions, time travel', () => {
  let t: ServiceTestApp;
  let lena: Caller; // transformation lead
  let cora: Caller; // the team's coach
  let anna: Caller; // team member
  let otto: Caller; // coach elsewhere
  let organisationId: string;
  let teamId: string;
  const org = () => `/api/governance/organisations/${organisationId}`;
  const team = () => `/api/governance/teams/${teamId}`;

  // Refused with this problem, and nothing written.
  const refused: ReturnType<typeof refusedWith> = (send, status, code, field) => refusedWith(t)(send, status, code, field);

  beforeAll(async () => {
    t = await startServiceTestApp([governanceService]);
    lena = await t.as('lena', ['transformation-lead']);
    cora = await t.as('cora', ['coach']);
    anna = await t.as('anna', ['member']);
    otto = await t.as('otto', ['coach']);
  });
  afterAll(async () => t.close());

  it('builds the unit tree (transformation lead or admin only)', async () => {
    await refused(() => cora.post('/api/governance/organisations', { name: 'Zorggroep' }), 403, 'AUTH.FORBIDDEN');
    const created = await lena.post('/api/governance/organisations', { name: 'Zorggroep' });
    expectStatus(created, 201);
    organisationId = created.body.organisationId;
    expectStatus(await lena.post(`${org()}/units`, { unitId: 'care', name: 'Zorg' }), 201);
    expectStatus(await lena.post(`${org()}/units`, { unitId: 'north', name: 'Noord', parentUnitId: 'care' }), 201);
    expectStatus(await lena.post(`${org()}/units`, { unitId: 'south', name: 'Zuid', parentUnitId: 'care' }), 201);
    await refused(() => lena.post(`${org()}/units`, { unitId: 'x', name: 'X', parentUnitId: 'nowhere' }), 404, 'UNIT.PARENT_NOT_FOUND', 'parentUnitId');
    await refused(() => lena.put(`${org()}/units/care/parent`, { parentUnitId: 'north', reason: 'reorg' }), 400, 'UNIT.CYCLE', 'parentUnitId');
    await refused(() => lena.post('/api/governance/organisations/00000000-0000-7000-8000-000000000000/units', { name: 'X' }), 404, 'ORGANISATION.NOT_FOUND');
    // Teams name their unit by id alone: a second organisation cannot reuse it.
    const other = await lena.post('/api/governance/organisations', { name: 'Andere groep' });
    await refused(() => lena.post(`/api/governance/organisations/${other.body.organisationId}/units`, { unitId: 'care', name: 'Zorg' }), 409, 'UNIT.ID_TAKEN', 'unitId');
    expectStatus(await lena.patch(`${org()}/units/south`, { name: 'Zuid-West' }), 200);
    const tree = await anna.get(org());
    expectStatus(tree, 200);
    expect(tree.headers['etag']).toBe(`"${tree.body.version}"`);
    expect(tree.body).toMatchObject({ organisationId, name: 'Zorggroep', units: [{ unitId: 'care', children: [{ unitId: 'north' }, { unitId: 'south', name: 'Zuid-West' }] }] });
    expect((await anna.get('/api/governance/organisations')).body.items.map((o: { name: string }) => o.name)).toEqual(['Andere groep', 'Zorggroep']);
  });

  it('sets unit boundaries, inherited down the tree and never wider than the parent’s', async () => {
    await refused(() => lena.put(`${org()}/units/care/boundaries/u-care`, { boundary: budget(10_000, 'Care budget') }), 400, 'GOVERNANCE.REASON_REQUIRED', 'reason');
    await refused(() => lena.put(`${org()}/units/care/boundaries/u-care`, { boundary: { ...budget(10_000), period: 'week' }, reason: 'x' }), 400, 'VALIDATION.FAILED', 'boundary.period');
    expectStatus(await lena.put(`${org()}/units/care/boundaries/u-care`, { boundary: budget(10_000, 'Care budget'), reason: 'board decision' }), 200);
    await refused(() => lena.put(`${org()}/units/north/boundaries/u-north`, { boundary: budget(12_000, 'North budget'), reason: 'more' }), 403, 'BOUNDARY.WIDER_THAN_PARENT', 'boundary.limit.amount');
    expectStatus(await lena.put(`${org()}/units/north/boundaries/u-north`, { boundary: budget(5_000, 'North budget'), reason: 'smaller region' }), 200);
    const safety = { kind: 'safety', title: 'Two people on night visits', description: 'Never alone at night', reference: 'Arbo 2024' };
    expectStatus(await lena.put(`${org()}/units/care/boundaries/u-night`, { boundary: safety, reason: 'incident 2025-11' }), 200);
    const frame = await anna.get(`${org()}/units/north/boundaries`);
    expectStatus(frame, 200);
    expect(frame.body.effective.map((e: { boundary: { boundaryId: string }; source: { unitId: string } }) => [e.boundary.boundaryId, e.source.unitId])).toEqual([
      ['u-care', 'care'],
      ['u-night', 'care'],
      ['u-north', 'north'],
    ]);
    expectProblem(await anna.get(`${org()}/units/nowhere/boundaries`), 404, 'UNIT.NOT_FOUND');
  });

  it('creates a team in a known unit only', async () => {
    await refused(() => cora.post('/api/governance/teams', { name: 'Ghost team', unitId: 'atlantis' }), 422, 'UNIT.UNKNOWN', 'unitId');
    const created = await cora.post('/api/governance/teams', { name: 'Wijkteam Noord', unitId: 'north' });
    expectStatus(created, 201);
    teamId = created.body.teamId;
    expectStatus(await cora.post(`${team()}/members`, { memberId: 'anna' }), 201);
  });

  let firstSetAt: string;
  let secondSetAt: string;
  let beforeFirst: string;

  it('sets team boundaries within the unit’s frame, each change with a reason', async () => {
    beforeFirst = new Date().toISOString();
    await clockPast(beforeFirst);
    await refused(() => cora.put(`${team()}/boundaries/t-budget`, { boundary: budget(2_000) }), 400, 'GOVERNANCE.REASON_REQUIRED', 'reason');
    const wider = await refused(() => cora.put(`${team()}/boundaries/t-budget`, { boundary: budget(7_000), reason: 'more room' }), 403, 'BOUNDARY.WIDER_THAN_UNIT', 'boundary.limit.amount');
    expect(wider.body.detail).toContain('North budget');
    await refused(() => cora.put(`${team()}/boundaries/u-north`, { boundary: budget(1_000), reason: 'mine now' }), 403, 'BOUNDARY.INHERITED');
    await refused(() => otto.put(`${team()}/boundaries/t-budget`, { boundary: budget(1_000), reason: 'x' }), 403, 'TEAM.NOT_COACH_OF_TEAM');
    await refused(() => anna.put(`${team()}/boundaries/t-budget`, { boundary: budget(1_000), reason: 'x' }), 403, 'AUTH.FORBIDDEN');
    const first = await cora.put(`${team()}/boundaries/t-budget`, { boundary: budget(2_000), reason: 'pilot budget' });
    expectStatus(first, 200);
    firstSetAt = first.body.events[0].occurredAt;
    await clockPast(firstSetAt);
    const second = await cora.put(`${team()}/boundaries/t-budget`, { boundary: budget(3_000), reason: 'pilot went well' });
    expectStatus(second, 200);
    secondSetAt = second.body.events[0].occurredAt;
    expect(second.body.boundary).toMatchObject({ boundaryId: 't-budget', limit: euros(3_000) });
    const now = await anna.get(`${team()}/boundaries`);
    expectStatus(now, 200);
    expect(now.body.own).toEqual([expect.objectContaining({ boundary: expect.objectContaining({ boundaryId: 't-budget', limit: euros(3_000) }), setBy: 'cora', reason: 'pilot went well' })]);
    expect(now.body.effective.map((e: { boundary: { boundaryId: string } }) => e.boundary.boundaryId)).toEqual(['u-care', 'u-night', 'u-north', 't-budget']);
  });

  it('time travel: a boundary changed twice shows each version at the right moment', async () => {
    const limitAsOf = async (asOf: string) => {
      const response = await anna.get(`${team()}/boundaries?asOf=${encodeURIComponent(asOf)}`);
      expectStatus(response, 200);
      expect(response.body.asOf).toBe(new Date(asOf).toISOString());
      const own = response.body.own.find((e: { boundary: { boundaryId: string } }) => e.boundary.boundaryId === 't-budget');
      return own ? own.boundary.limit.amount : null;
    };
    const justBefore = (iso: string) => new Date(new Date(iso).getTime() - 1).toISOString();
    expect(await limitAsOf(beforeFirst)).toBeNull();
    expect(await limitAsOf(justBefore(firstSetAt))).toBeNull();
    expect(await limitAsOf(firstSetAt)).toBe(2_000);
    expect(await limitAsOf(justBefore(secondSetAt))).toBe(2_000);
    expect(await limitAsOf(secondSetAt)).toBe(3_000);
    expect(await limitAsOf(new Date().toISOString())).toBe(3_000);
    // The unit's frame as it stood then comes along.
    const then = await anna.get(`${team()}/boundaries?asOf=${encodeURIComponent(firstSetAt)}`);
    expect(then.body.effective.map((e: { boundary: { boundaryId: string } }) => e.boundary.boundaryId)).toEqual(['u-care', 'u-night', 'u-north', 't-budget']);
    expectProblem(await anna.get(`${team()}/boundaries?asOf=yesterday`), 400, 'VALIDATION.FAILED', 'asOf');
    const history = await anna.get(`${team()}/history?topic=boundaries`);
    expect(history.body.entries.map((e: { by: string; reason: string; occurredAt: string }) => [e.by, e.reason, e.occurredAt])).toEqual([
      ['cora', 'pilot budget', firstSetAt],
      ['cora', 'pilot went well', secondSetAt],
    ]);
  });

  let boardAt5: string;

  it('holds the delegation board: levels with previous level and reason, rebuilt as of a moment', async () => {
    await refused(() => cora.put(`${team()}/delegation-board/areas/budget-spend/level`, { level: 5 }), 400, 'GOVERNANCE.REASON_REQUIRED', 'reason');
    await refused(() => cora.put(`${team()}/delegation-board/areas/budget-spend/level`, { level: 8, reason: 'x' }), 400, 'VALIDATION.FAILED', 'level');
    await refused(() => cora.put(`${team()}/delegation-board/areas/office-layout/level`, { level: 3, reason: 'x' }), 404, 'DELEGATION.AREA_UNKNOWN', 'area');
    const five = await cora.put(`${team()}/delegation-board/areas/budget-spend/level`, { level: 5, reason: 'start with advice' });
    expectStatus(five, 200);
    boardAt5 = five.body.events[0].occurredAt;
    expectStatus(await cora.post(`${team()}/delegation-board/areas`, { area: 'office-layout', title: 'Office layout' }), 201);
    await refused(() => cora.post(`${team()}/delegation-board/areas`, { area: 'office-layout', title: 'Again' }), 409, 'DELEGATION.AREA_EXISTS');
    expectStatus(await cora.put(`${team()}/delegation-board/areas/office-layout/level`, { level: 7, reason: 'their office' }), 200);
    const board = await anna.get(`${team()}/delegation-board`);
    expectStatus(board, 200);
    const area = (body: { areas: { area: string }[] }, name: string) => body.areas.find((a) => a.area === name);
    expect(board.body.areas.map((a: { area: string }) => a.area)).toEqual(['hiring', 'budget-spend', 'tooling', 'planning', 'working-hours', 'office-layout']);
    expect(area(board.body, 'budget-spend')).toMatchObject({ level: 5, effectiveLevelName: 'Advise', setBy: 'cora', reason: 'start with advice' });
    expect(area(board.body, 'hiring')).toMatchObject({ level: null, effectiveLevel: 1, effectiveLevelName: 'Tell' });
    expect(area(board.body, 'office-layout')).toMatchObject({ title: 'Office layout', custom: true, level: 7 });
    const before = await anna.get(`${team()}/delegation-board?asOf=${encodeURIComponent(new Date(new Date(boardAt5).getTime() - 1).toISOString())}`);
    expect(area(before.body, 'budget-spend')).toMatchObject({ level: null, effectiveLevel: 1 });
    expect(area(before.body, 'office-layout')).toBeUndefined();
    const history = await anna.get(`${team()}/history?topic=delegation`);
    expect(history.body.entries.find((e: { type: string }) => e.type === 'DelegationLevelChanged').data).toMatchObject({ previousLevel: null, level: 5, reason: 'start with advice' });
  });

  it('records a decision within the mandate (201) with the mandate it was checked against', async () => {
    await refused(() => otto.post(`${team()}/decisions`, { area: 'budget-spend', title: 'x', actedUnderLevel: 5, rationale: 'x', optionsConsidered: ['a'] }), 403, 'TEAM.NOT_A_MEMBER');
    await refused(() => anna.post(`${team()}/decisions`, { area: 'budget-spend', title: '', actedUnderLevel: 0, rationale: 'x', optionsConsidered: [] }), 400, 'VALIDATION.FAILED');
    const recorded = await anna.post(`${team()}/decisions`, {
      decisionId: 'd-laptops',
      area: 'budget-spend',
      title: 'Buy two laptops',
      actedUnderLevel: 5,
      rationale: 'Old ones are broken',
      optionsConsidered: ['repair', 'buy new'],
      amount: euros(1_500),
    });
    expectStatus(recorded, 201);
    expect(recorded.headers['location']).toBe(`${team()}/decisions/d-laptops`);
    expect(recorded.body).toMatchObject({ decisionId: 'd-laptops', status: 'recorded', violations: [], mandate: { area: 'budget-spend', boardLevel: 5 } });
    expect(recorded.body.mandate.financialLimits.map((l: { boundaryId: string }) => l.boundaryId)).toEqual(['u-care', 'u-north', 't-budget']);
    const read = await anna.get(`${team()}/decisions/d-laptops`);
    expect(read.body).toMatchObject({ status: 'recorded', by: 'anna', amount: euros(1_500) });
    expectProblem(await anna.get(`${team()}/decisions/d-nope`), 404, 'DECISION.NOT_FOUND');
  });

  it('rejects a decision that exceeds a financial boundary, explaining every violation, and writes nothing', async () => {
    const rejected = await refused(
      () =>
        anna.post(`${team()}/decisions`, {
          decisionId: 'd-van',
          area: 'budget-spend',
          title: 'Buy a van',
          actedUnderLevel: 7,
          rationale: 'Visits are far apart',
          optionsConsidered: ['lease', 'buy'],
          amount: euros(3_500),
        }),
      403,
      'DECISION.LEVEL_ABOVE_MANDATE',
      'actedUnderLevel',
    );
    expect(rejected.body.violations.map((v: { code: string; boundaryId: string | null }) => [v.code, v.boundaryId])).toEqual([
      ['DECISION.LEVEL_ABOVE_MANDATE', null],
      ['DECISION.AMOUNT_OVER_LIMIT', 't-budget'],
    ]);
    expect(rejected.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'amount', code: 'DECISION.AMOUNT_OVER_LIMIT' })]));
    expect(rejected.body.detail).toMatch(/EUR 3500 exceeds Team budget: EUR 3000 per decision/);
    const overBudget = await refused(
      () => anna.post(`${team()}/decisions`, { area: 'budget-spend', title: 'Buy a van', actedUnderLevel: 5, rationale: 'x', optionsConsidered: ['buy'], amount: euros(3_500) }),
      403,
      'DECISION.AMOUNT_OVER_LIMIT',
      'amount',
    );
    expect(overBudget.body.violations).toHaveLength(1);
    await refused(
      () => anna.post(`${team()}/decisions`, { area: 'hiring', title: 'Hire Piet', actedUnderLevel: 4, rationale: 'x', optionsConsidered: ['Piet'] }),
      403,
      'DECISION.LEVEL_ABOVE_MANDATE',
    );
    expect((await anna.get(`${team()}/decisions/d-van`)).status).toBe(404);
  });

  it('records an out-of-mandate decision as escalated when asked (201), never silently', async () => {
    const escalated = await anna.post(`${team()}/decisions`, {
      decisionId: 'd-van',
      area: 'budget-spend',
      title: 'Buy a van',
      actedUnderLevel: 5,
      rationale: 'Visits are far apart',
      optionsConsidered: ['lease', 'buy'],
      amount: euros(3_500),
      onOutsideMandate: 'escalate',
    });
    expectStatus(escalated, 201);
    expect(escalated.body).toMatchObject({ status: 'escalated', violations: [{ code: 'DECISION.AMOUNT_OVER_LIMIT', boundaryId: 't-budget' }] });
    const list = await anna.get(`${team()}/decisions?status=escalated`);
    expect(list.body.items.map((d: { decisionId: string }) => d.decisionId)).toEqual(['d-van']);
    expect((await anna.get(`${team()}/decisions`)).body.items.map((d: { decisionId: string }) => d.decisionId)).toEqual(['d-van', 'd-laptops']);
    expectProblem(await anna.get(`${team()}/decisions?status=pending`), 400, 'VALIDATION.FAILED', 'status.0');
  });

  it('checks decisions against the unit’s frame as it stands now, read from the organisation stream', async () => {
    expectStatus(await lena.put(`${org()}/units/north/boundaries/u-north`, { boundary: budget(1_000, 'North budget'), reason: 'savings' }), 200);
    const narrowed = await refused(
      () => anna.post(`${team()}/decisions`, { area: 'budget-spend', title: 'Chairs', actedUnderLevel: 5, rationale: 'x', optionsConsidered: ['buy'], amount: euros(1_200) }),
      403,
      'DECISION.AMOUNT_OVER_LIMIT',
    );
    expect(narrowed.body.violations).toEqual([expect.objectContaining({ boundaryId: 'u-north' })]);
    const mandate = await anna.get(`${team()}/mandate?area=budget-spend`);
    expectStatus(mandate, 200);
    expect(mandate.body.financialLimits.find((l: { boundaryId: string }) => l.boundaryId === 'u-north').limit).toEqual(euros(1_000));
    const earlier = await anna.get(`${team()}/mandate?area=budget-spend&asOf=${encodeURIComponent(secondSetAt)}`);
    expect(earlier.body).toMatchObject({ boardLevel: null, asOf: secondSetAt });
    expect(earlier.body.financialLimits.find((l: { boundaryId: string }) => l.boundaryId === 'u-north').limit).toEqual(euros(5_000));
    expectProblem(await anna.get(`${team()}/mandate`), 400, 'VALIDATION.FAILED', 'area');
  });

  it('moves a team to another unit only when its boundaries fit there', async () => {
    expectStatus(await lena.put(`${org()}/units/south/boundaries/u-south`, { boundary: budget(500, 'South budget'), reason: 'small unit' }), 200);
    await refused(() => cora.put(`${team()}/unit`, { unitId: 'south' }), 400, 'GOVERNANCE.REASON_REQUIRED', 'reason');
    await refused(() => cora.put(`${team()}/unit`, { unitId: 'south', reason: 'reorg' }), 403, 'BOUNDARY.WIDER_THAN_UNIT', 'unitId');
    await refused(() => cora.put(`${team()}/unit`, { unitId: 'atlantis', reason: 'reorg' }), 422, 'UNIT.UNKNOWN', 'unitId');
    expectStatus(await cora.put(`${team()}/boundaries/t-budget`, { boundary: budget(400), reason: 'fit the south frame' }), 200);
    const moved = await cora.put(`${team()}/unit`, { unitId: 'south', reason: 'reorg' });
    expectStatus(moved, 200);
    expect((await anna.get(team())).body.unitId).toBe('south');
    expect((await anna.get(`${team()}/boundaries`)).body.effective.map((e: { boundary: { boundaryId: string } }) => e.boundary.boundaryId)).toEqual(['u-care', 'u-night', 'u-south', 't-budget']);
  });

  it('removes boundaries with a reason, and moves units within the tree', async () => {
    expectStatus(await cora.put(`${team()}/boundaries/t-safety`, { boundary: { kind: 'legal', title: 'Privacy', description: 'No client data on private phones' }, reason: 'GDPR' }), 200);
    await refused(() => cora.delete(`${team()}/boundaries/t-safety`), 400, 'GOVERNANCE.REASON_REQUIRED', 'reason');
    await refused(() => cora.delete(`${team()}/boundaries/t-nope`, { reason: 'x' }), 404, 'BOUNDARY.NOT_FOUND');
    await refused(() => cora.delete(`${team()}/boundaries/u-night`, { reason: 'x' }), 403, 'BOUNDARY.INHERITED');
    // X-Reason (URI-encoded) works where a body is awkward.
    expectStatus(await cora.delete(`${team()}/boundaries/t-safety`, undefined, { 'X-Reason': encodeURIComponent('covered by the unit’s rule') }), 200);
    const removal = (await anna.get(`${team()}/history?topic=boundaries`)).body.entries.at(-1);
    expect(removal).toMatchObject({ type: 'TeamBoundaryRemoved', by: 'cora', reason: 'covered by the unit’s rule' });
    expect((await anna.get(`${team()}/boundaries`)).body.own.map((e: { boundary: { boundaryId: string } }) => e.boundary.boundaryId)).toEqual(['t-budget']);

    await refused(() => lena.delete(`${org()}/units/north/boundaries/u-north`), 400, 'GOVERNANCE.REASON_REQUIRED', 'reason');
    expectStatus(await lena.delete(`${org()}/units/north/boundaries/u-north`, { reason: 'care budget suffices' }), 200);
    await refused(() => lena.put(`${org()}/units/north/parent`, { parentUnitId: 'south' }), 400, 'GOVERNANCE.REASON_REQUIRED', 'reason');
    expectStatus(await lena.put(`${org()}/units/north/parent`, { parentUnitId: 'south', reason: 'merge regions' }), 200);
    const tree = await anna.get(org());
    expect(tree.body.units).toMatchObject([{ unitId: 'care', children: [{ unitId: 'south', children: [{ unitId: 'north' }] }] }]);
    const north = await anna.get(`${org()}/units/north/boundaries`);
    expect(north.body.effective.map((e: { boundary: { boundaryId: string } }) => e.boundary.boundaryId)).toEqual(['u-care', 'u-night', 'u-south']);
  });

  it('rebuilds membership as of a moment', async () => {
    const beforeAnna = await anna.get(`${team()}/members?asOf=${encodeURIComponent(beforeFirst)}`);
    expectStatus(beforeAnna, 200);
    expect(beforeAnna.body.members.map((m: { memberId: string }) => m.memberId)).toEqual(['anna']);
    const created = (await anna.get(team())).body.createdAt as string;
    const atCreation = await anna.get(`${team()}/members?asOf=${encodeURIComponent(created)}`);
    expect(atCreation.body).toMatchObject({ exists: true, members: [] });
    const beforeTeam = await anna.get(`${team()}/members?asOf=2000-01-01T00:00:00Z`);
    expect(beforeTeam.body).toMatchObject({ exists: false, members: [] });
  });

  it('lists the organisation’s history with who, when and why', async () => {
    const history = await anna.get(`${org()}/history`);
    expectStatus(history, 200);
    expect(history.body.entries.filter((e: { topic: string }) => e.topic === 'boundaries').map((e: { by: string; reason: string }) => [e.by, e.reason])).toEqual([
      ['lena', 'board decision'],
      ['lena', 'smaller region'],
      ['lena', 'incident 2025-11'],
      ['lena', 'savings'],
      ['lena', 'small unit'],
      ['lena', 'care budget suffices'],
    ]);
    const asOf = await anna.get(`${org()}/units/north/boundaries?asOf=${encodeURIComponent(secondSetAt)}`);
    expect(asOf.body.effective.find((e: { boundary: { boundaryId: string } }) => e.boundary.boundaryId === 'u-north').boundary.limit).toEqual(euros(5_000));
  });
});
