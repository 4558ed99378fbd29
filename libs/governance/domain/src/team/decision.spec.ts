import { describe, expect, it } from '@jest/globals';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import type { Money } from '../shared/money';
import type { Mandate } from './mandate.model';
import { teamDecider } from './team.decider';
import type { TeamEvent } from './team.events';
import { ANNA, as, boundarySet, financial, fromUnit, levelChanged, NOW, safety, TEAM, teamCreated, unitFrame } from './team.fixtures';

const spec = DeciderSpecification.for(teamDecider);
const now = NOW.toISOString();

const decide = (overrides: Record<string, unknown> = {}) =>
  ({
    type: 'RecordDecision',
    data: {
      teamId: TEAM,
      decisionId: 'd-1',
      area: 'budget-spend',
      title: 'Buy two laptops',
      actedUnderLevel: 7,
      rationale: 'Two colleagues work without a device',
      optionsConsidered: ['Buy two laptops', 'Lease', 'Wait for IT'],
      amount: { amount: 1800, currency: 'EUR' },
      unitBoundaries: unitFrame,
      ...overrides,
    },
  }) as never;

const recorded = (decisionId: string, amount: Money, decidedAt = '2026-01-10T10:00:00.000Z', area = 'budget-spend'): TeamEvent => ({
  type: 'DecisionRecorded',
  data: {
    teamId: TEAM,
    decisionId,
    area,
    title: 'earlier',
    actedUnderLevel: 7,
    rationale: 'r',
    optionsConsidered: ['a'],
    amount,
    mandate: { area, boardLevel: 7, boardLevelSetAt: null, financialLimits: [], ruleBoundaryIds: [] },
    decidedBy: ANNA,
    decidedAt,
  },
});

/** Budget spend delegated (7), a team limit of 2000 per decision and 3000 a month, a safety rule; unit: 5000 per decision, 20000 a year. */
const delegated = [teamCreated(), levelChanged('budget-spend', 7), boundarySet(financial('t-per-decision', 2000)), boundarySet(financial('t-month', 3000, 'month')), boundarySet(safety)];

const expectedMandate: Mandate = {
  area: 'budget-spend',
  boardLevel: 7,
  boardLevelSetAt: '2026-01-05T09:00:00.000Z',
  financialLimits: [
    { boundaryId: 'u-per-decision', title: 'Limit u-per-decision', source: { level: 'unit', unitId: 'unit-care' }, limit: { amount: 5000, currency: 'EUR' }, period: 'per-decision', decisionArea: null, spentInPeriod: null },
    { boundaryId: 'u-year', title: 'Limit u-year', source: { level: 'unit', unitId: 'unit-care' }, limit: { amount: 20000, currency: 'EUR' }, period: 'year', decisionArea: null, spentInPeriod: { amount: 0, currency: 'EUR' } },
    { boundaryId: 't-per-decision', title: 'Limit t-per-decision', source: { level: 'team', teamId: TEAM }, limit: { amount: 2000, currency: 'EUR' }, period: 'per-decision', decisionArea: null, spentInPeriod: null },
    { boundaryId: 't-month', title: 'Limit t-month', source: { level: 'team', teamId: TEAM }, limit: { amount: 3000, currency: 'EUR' }, period: 'month', decisionArea: null, spentInPeriod: { amount: 0, currency: 'EUR' } },
  ],
  ruleBoundaryIds: ['b-safety'],
};

describe('RecordDecision within the mandate', () => {
  it('is recorded with the mandate it was checked against', () => {
    spec
      .given(delegated)
      .when(decide(), as(ANNA))
      .then([
        {
          type: 'DecisionRecorded',
          data: {
            teamId: TEAM,
            decisionId: 'd-1',
            area: 'budget-spend',
            title: 'Buy two laptops',
            actedUnderLevel: 7,
            rationale: 'Two colleagues work without a device',
            optionsConsidered: ['Buy two laptops', 'Lease', 'Wait for IT'],
            amount: { amount: 1800, currency: 'EUR' },
            mandate: expectedMandate,
            decidedBy: ANNA,
            decidedAt: now,
          },
        },
      ]);
  });

  it('accepts acting at a lower level than delegated, e.g. consulting although the team may decide alone', () => {
    spec.given(delegated).when(decide({ actedUnderLevel: 3 }), as(ANNA)).then([expect.objectContaining({ type: 'DecisionRecorded' }) as never]);
  });

  it('accepts a non-financial decision without an amount, and counts spend exactly (0.1 + 0.2 fits 0.3)', () => {
    spec.given([teamCreated(), levelChanged('planning', 5)]).when(decide({ area: 'planning', actedUnderLevel: 5, amount: undefined }), as(ANNA)).then([expect.objectContaining({ type: 'DecisionRecorded' }) as never]);
    spec
      .given([teamCreated(), levelChanged('tooling', 7), boundarySet(financial('t-cents', 0.3, 'month', 'tooling')), recorded('d-0', { amount: 0.1, currency: 'EUR' }, '2026-01-02T00:00:00.000Z', 'tooling')])
      .when(decide({ area: 'tooling', amount: { amount: 0.2, currency: 'EUR' }, unitBoundaries: [] }), as(ANNA))
      .then([expect.objectContaining({ type: 'DecisionRecorded' }) as never]);
  });
});

describe('RecordDecision outside the mandate', () => {
  it('rejects an amount over the per-decision limit, explaining which limit', () => {
    const rejection = spec.given(delegated).when(decide({ amount: { amount: 2500, currency: 'EUR' } }), as(ANNA)).thenRejects('DECISION.AMOUNT_OVER_LIMIT', { category: 'forbidden', field: 'amount' });
    expect(rejection.message).toContain('EUR 2500 exceeds Limit t-per-decision: EUR 2000 per decision');
    expect(rejection.details).toMatchObject({ mandate: expectedMandate, violations: [{ code: 'DECISION.AMOUNT_OVER_LIMIT', boundaryId: 't-per-decision' }] });
  });

  it('rejects an amount over the unit’s limit even without a team limit', () => {
    spec
      .given([teamCreated(), levelChanged('budget-spend', 7)])
      .when(decide({ amount: { amount: 5000.01, currency: 'EUR' } }), as(ANNA))
      .thenRejects('DECISION.AMOUNT_OVER_LIMIT', { details: expect.objectContaining({ violations: [expect.objectContaining({ boundaryId: 'u-per-decision' })] }) as never });
  });

  it('counts what was already spent this month, and not last month’s spend', () => {
    const spent = [...delegated, recorded('d-0', { amount: 1500, currency: 'EUR' }, '2026-01-03T00:00:00.000Z')];
    const rejection = spec.given(spent).when(decide(), as(ANNA)).thenRejects('DECISION.AMOUNT_OVER_LIMIT');
    expect(rejection.message).toContain('EUR 1500 already spent this month');
    spec
      .given([...delegated, recorded('d-0', { amount: 1500, currency: 'EUR' }, '2025-12-31T23:59:59.000Z')])
      .when(decide(), as(ANNA))
      .then([expect.objectContaining({ type: 'DecisionRecorded' }) as never]);
  });

  it('counts spend against an area’s limit only from decisions in that area', () => {
    // 800 this month on tooling and 800 on hiring; the hiring limit is 1000 a month.
    const hiringMonth = [teamCreated(), levelChanged('hiring', 7), levelChanged('tooling', 7), boundarySet(financial('t-hiring-month', 1000, 'month', 'hiring'))];
    const spentOnTooling = [...hiringMonth, recorded('d-0', { amount: 800, currency: 'EUR' }, '2026-01-03T00:00:00.000Z', 'tooling')];
    const hire = decide({ area: 'hiring', amount: { amount: 900, currency: 'EUR' }, unitBoundaries: [] });
    spec.given(spentOnTooling).when(hire, as(ANNA)).then([expect.objectContaining({ type: 'DecisionRecorded' }) as never]);
    const spentOnHiring = [...hiringMonth, recorded('d-0', { amount: 800, currency: 'EUR' }, '2026-01-03T00:00:00.000Z', 'hiring')];
    const rejection = spec.given(spentOnHiring).when(hire, as(ANNA)).thenRejects('DECISION.AMOUNT_OVER_LIMIT');
    expect(rejection.message).toContain('EUR 800 already spent this month');
  });

  it('counts spend against a limit only in the limit’s currency', () => {
    const spentInDollars = [...delegated, recorded('d-0', { amount: 2900, currency: 'USD' }, '2026-01-03T00:00:00.000Z')];
    spec.given(spentInDollars).when(decide(), as(ANNA)).then([expect.objectContaining({ type: 'DecisionRecorded' }) as never]);
  });

  it('does not count escalated decisions as spent', () => {
    const escalated = { ...recorded('d-0', { amount: 2000, currency: 'EUR' }, '2026-01-03T00:00:00.000Z'), type: 'DecisionEscalated' } as unknown as TeamEvent;
    const asEscalated = { ...escalated, data: { ...(escalated.data as object), violations: [], escalatedBy: ANNA, escalatedAt: '2026-01-03T00:00:00.000Z' } } as unknown as TeamEvent;
    spec.given([...delegated, asEscalated]).when(decide(), as(ANNA)).then([expect.objectContaining({ type: 'DecisionRecorded' }) as never]);
  });

  it('rejects acting alone where the board grants a lower level', () => {
    const rejection = spec
      .given([...delegated, levelChanged('budget-spend', 3, 7)])
      .when(decide(), as(ANNA))
      .thenRejects('DECISION.LEVEL_ABOVE_MANDATE', { category: 'forbidden', field: 'actedUnderLevel' });
    expect(rejection.message).toContain('acted at level 7 (Delegate), but the delegation board grants budget-spend only level 3 (Consult)');
  });

  it('treats an area nobody delegated as level 1 (Tell)', () => {
    const rejection = spec.given([teamCreated()]).when(decide({ area: 'hiring', actedUnderLevel: 2, amount: undefined }), as(ANNA)).thenRejects('DECISION.LEVEL_ABOVE_MANDATE');
    expect(rejection.message).toContain('only level 1 (Tell) (never delegated)');
    spec.given([teamCreated()]).when(decide({ area: 'hiring', actedUnderLevel: 1, amount: undefined }), as(ANNA)).then([expect.objectContaining({ type: 'DecisionRecorded' }) as never]);
  });

  it('rejects spending money no boundary budgets', () => {
    spec.given([teamCreated(), levelChanged('tooling', 7)]).when(decide({ area: 'tooling', unitBoundaries: [] }), as(ANNA)).thenRejects('DECISION.NO_BUDGET', { field: 'amount' });
  });

  it('rejects an amount in a currency the limits are not in', () => {
    spec.given(delegated).when(decide({ amount: { amount: 10, currency: 'USD' } }), as(ANNA)).thenRejects('DECISION.CURRENCY_MISMATCH', { field: 'amount.currency' });
  });

  it('ignores limits for other areas and applies those for this area', () => {
    const hiringOnly = [teamCreated(), levelChanged('tooling', 7), levelChanged('hiring', 7), boundarySet(financial('t-hiring', 100, 'per-decision', 'hiring'))];
    spec.given(hiringOnly).when(decide({ area: 'hiring', unitBoundaries: [] }), as(ANNA)).thenRejects('DECISION.AMOUNT_OVER_LIMIT');
    spec.given(hiringOnly).when(decide({ area: 'tooling', unitBoundaries: [fromUnit(financial('u-any', 5000))] }), as(ANNA)).then([expect.objectContaining({ type: 'DecisionRecorded' }) as never]);
  });

  it('lists every violation, the first one giving the code', () => {
    const rejection = spec.given([...delegated, levelChanged('budget-spend', 4, 7)]).when(decide({ amount: { amount: 6000, currency: 'EUR' } }), as(ANNA)).thenRejects('DECISION.LEVEL_ABOVE_MANDATE');
    expect((rejection.details as { violations: { code: string; boundaryId: string | null }[] }).violations.map((v) => [v.code, v.boundaryId])).toEqual([
      ['DECISION.LEVEL_ABOVE_MANDATE', null],
      ['DECISION.AMOUNT_OVER_LIMIT', 'u-per-decision'],
      ['DECISION.AMOUNT_OVER_LIMIT', 't-per-decision'],
      ['DECISION.AMOUNT_OVER_LIMIT', 't-month'],
    ]);
  });

  it('is recorded as escalated, with the violations and the mandate, when the command asks', () => {
    spec
      .given(delegated)
      .when(decide({ amount: { amount: 2500, currency: 'EUR' }, onOutsideMandate: 'escalate' }), as(ANNA))
      .then([
        {
          type: 'DecisionEscalated',
          data: {
            teamId: TEAM,
            decisionId: 'd-1',
            area: 'budget-spend',
            title: 'Buy two laptops',
            actedUnderLevel: 7,
            rationale: 'Two colleagues work without a device',
            optionsConsidered: ['Buy two laptops', 'Lease', 'Wait for IT'],
            amount: { amount: 2500, currency: 'EUR' },
            mandate: expectedMandate,
            violations: [{ code: 'DECISION.AMOUNT_OVER_LIMIT', field: 'amount', boundaryId: 't-per-decision', message: 'EUR 2500 exceeds Limit t-per-decision: EUR 2000 per decision.' }],
            escalatedBy: ANNA,
            escalatedAt: now,
          },
        },
      ]);
  });

  it('is simply recorded when escalation was asked but the decision is within the mandate', () => {
    spec.given(delegated).when(decide({ onOutsideMandate: 'escalate' }), as(ANNA)).then([expect.objectContaining({ type: 'DecisionRecorded' }) as never]);
  });
});

describe('RecordDecision input', () => {
  it.each([
    [{ decisionId: '' }, 'DECISION.INVALID', 'decisionId'],
    [{ area: 'gardening' }, 'DECISION.AREA_UNKNOWN', 'area'],
    [{ title: '' }, 'DECISION.TITLE_INVALID', 'title'],
    [{ actedUnderLevel: 9 }, 'DECISION.LEVEL_INVALID', 'actedUnderLevel'],
    [{ rationale: ' ' }, 'DECISION.RATIONALE_INVALID', 'rationale'],
    [{ optionsConsidered: [] }, 'DECISION.OPTIONS_INVALID', 'optionsConsidered'],
    [{ optionsConsidered: ['a', ''] }, 'DECISION.OPTIONS_INVALID', 'optionsConsidered.1'],
    [{ amount: { amount: 'lots', currency: 'EUR' } }, 'DECISION.AMOUNT_INVALID', 'amount.amount'],
    [{ amount: 12 }, 'DECISION.AMOUNT_INVALID', 'amount'],
    [{ onOutsideMandate: 'ignore' }, 'DECISION.ESCALATION_INVALID', 'onOutsideMandate'],
  ])('rejects %j', (overrides, code, field) => {
    spec.given(delegated).when(decide(overrides), as(ANNA)).thenRejects(code, { field, category: 'invalid' });
  });

  it('rejects recording the same decision twice, and an unknown team', () => {
    spec.given([...delegated, recorded('d-1', { amount: 1, currency: 'EUR' })]).when(decide(), as(ANNA)).thenRejects('DECISION.ALREADY_EXISTS', { category: 'conflict' });
    spec.given([]).when(decide(), as(ANNA)).thenRejects('TEAM.NOT_FOUND');
  });
});
