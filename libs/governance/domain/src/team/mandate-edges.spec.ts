import { describe, expect, it } from '@jest/globals';
import { fold } from '@leerzone/kernel';
import type { Money } from '../shared/money';
import { mandateFor, mandateViolations } from './mandate';
import type { Mandate } from './mandate.model';
import { teamDecider } from './team.decider';
import type { TeamEvent } from './team.events';
import { ANNA, boundarySet, financial, fromUnit, levelChanged, NOW, safety, T0, TEAM, teamCreated } from './team.fixtures';

const legal = { boundaryId: 'u-gdpr', kind: 'legal' as const, title: 'Client files', description: 'Client data stays in the care system.', reference: null };
const eur = (amount: number): Money => ({ amount, currency: 'EUR' });
const decided = (decisionId: string, amount: Money | null, decidedAt: string, area = 'budget-spend'): TeamEvent => ({
  type: 'DecisionRecorded',
  data: {
    teamId: TEAM,
    decisionId,
    area,
    title: 't',
    actedUnderLevel: 7,
    rationale: 'r',
    optionsConsidered: ['a'],
    amount,
    mandate: { area, boardLevel: 7, boardLevelSetAt: null, financialLimits: [], ruleBoundaryIds: [] },
    decidedBy: ANNA,
    decidedAt,
  },
});
const stateOf = (events: TeamEvent[]) => fold(teamDecider, events);

describe('mandateFor', () => {
  it('for an area the board does not have: nothing delegated, no level set', () => {
    expect(mandateFor(stateOf([teamCreated()]), 'gardening', [], NOW)).toEqual({ area: 'gardening', boardLevel: null, boardLevelSetAt: null, financialLimits: [], ruleBoundaryIds: [] });
  });

  it('holds the unit’s boundaries first, then the team’s, rules by id and limits for this area or every area', () => {
    const state = stateOf([teamCreated(), levelChanged('hiring', 4), boundarySet(safety), boundarySet(financial('t-hiring', 800, 'quarter', 'hiring')), boundarySet(financial('t-tooling', 50, 'per-decision', 'tooling'))]);
    const unit = [fromUnit(legal), fromUnit(financial('u-any', 5000))];
    expect(mandateFor(state, 'hiring', unit, NOW)).toEqual({
      area: 'hiring',
      boardLevel: 4,
      boardLevelSetAt: T0,
      financialLimits: [
        { boundaryId: 'u-any', title: 'Limit u-any', source: { level: 'unit', unitId: 'unit-care' }, limit: eur(5000), period: 'per-decision', decisionArea: null, spentInPeriod: null },
        { boundaryId: 't-hiring', title: 'Limit t-hiring', source: { level: 'team', teamId: TEAM }, limit: eur(800), period: 'quarter', decisionArea: 'hiring', spentInPeriod: eur(0) },
      ],
      ruleBoundaryIds: ['u-gdpr', 'b-safety'],
    });
  });

  it('counts as spent the period’s recorded and approved decisions with an amount, not those without one', () => {
    const approved: TeamEvent = {
      type: 'EscalatedDecisionApproved',
      data: { teamId: TEAM, decisionId: 'd-3', area: 'budget-spend', amount: eur(300), mandate: { area: 'budget-spend', boardLevel: 7, boardLevelSetAt: null, financialLimits: [], ruleBoundaryIds: [] }, violations: [], answeredAs: 'admin', approvedBy: 'x', approvedAt: T0, reason: 'ok' },
    };
    const escalated = { ...decided('d-3', eur(300), '2026-01-12T00:00:00.000Z'), type: 'DecisionEscalated' } as unknown as TeamEvent;
    const escalatedData = { ...(escalated.data as object), violations: [], escalatedBy: ANNA, escalatedAt: '2026-01-12T00:00:00.000Z' };
    const state = stateOf([
      teamCreated(),
      boundarySet(financial('t-quarter', 1000, 'quarter')),
      decided('d-1', null, '2026-01-02T00:00:00.000Z'),
      decided('d-2', eur(120.5), '2026-01-03T00:00:00.000Z'),
      { ...escalated, data: escalatedData } as unknown as TeamEvent,
      approved,
      decided('d-4', eur(999), '2025-12-31T23:59:59.999Z'),
    ]);
    expect(mandateFor(state, 'budget-spend', [], NOW).financialLimits.map((l) => l.spentInPeriod)).toEqual([eur(420.5)]);
  });
});

describe('mandateViolations', () => {
  const mandate = (boardLevel: Mandate['boardLevel'], financialLimits: Mandate['financialLimits'] = []): Mandate => ({ area: 'planning', boardLevel, boardLevelSetAt: null, financialLimits, ruleBoundaryIds: [] });

  it('acting at the board’s level is within it; one level above is not, and the message says only what was delegated', () => {
    expect(mandateViolations(mandate(4), 4, null)).toEqual([]);
    expect(mandateViolations(mandate(4), 5, null)).toEqual([
      { code: 'DECISION.LEVEL_ABOVE_MANDATE', field: 'actedUnderLevel', boundaryId: null, message: 'The team acted at level 5 (Advise), but the delegation board grants planning only level 4 (Agree).' },
    ]);
    expect(mandateViolations(mandate(null), 2, null)).toEqual([
      { code: 'DECISION.LEVEL_ABOVE_MANDATE', field: 'actedUnderLevel', boundaryId: null, message: 'The team acted at level 2 (Sell), but the delegation board grants planning only level 1 (Tell) (never delegated).' },
    ]);
  });

  it('an amount exactly at what is left of a period’s limit fits; one cent more does not, and says what was spent', () => {
    const monthly = [{ boundaryId: 't-month', title: 'Monthly budget', source: { level: 'team' as const, teamId: TEAM }, limit: eur(1000), period: 'month' as const, decisionArea: null, spentInPeriod: eur(400) }];
    expect(mandateViolations(mandate(7, monthly), 7, eur(600))).toEqual([]);
    expect(mandateViolations(mandate(7, monthly), 7, eur(600.01))).toEqual([
      { code: 'DECISION.AMOUNT_OVER_LIMIT', field: 'amount', boundaryId: 't-month', message: 'EUR 600.01 exceeds Monthly budget: EUR 1000 per month (EUR 400 already spent this month).' },
    ]);
  });

  it('checks an amount against every limit, reporting a currency it cannot compare and going on with the rest', () => {
    const limits = [
      { boundaryId: 'u-usd', title: 'Dollar cap', source: { level: 'unit' as const, unitId: 'unit-care' }, limit: { amount: 10, currency: 'USD' }, period: 'per-decision' as const, decisionArea: null, spentInPeriod: null },
      { boundaryId: 't-cap', title: 'Team cap', source: { level: 'team' as const, teamId: TEAM }, limit: eur(100), period: 'per-decision' as const, decisionArea: null, spentInPeriod: null },
    ];
    expect(mandateViolations(mandate(7, limits), 7, eur(150))).toEqual([
      { code: 'DECISION.CURRENCY_MISMATCH', field: 'amount.currency', boundaryId: 'u-usd', message: 'Dollar cap is set in USD; a decision in EUR cannot be checked against it.' },
      { code: 'DECISION.AMOUNT_OVER_LIMIT', field: 'amount', boundaryId: 't-cap', message: 'EUR 150 exceeds Team cap: EUR 100 per decision.' },
    ]);
  });

  it('an amount with no limit at all is outside the mandate, next to a level above it', () => {
    expect(mandateViolations(mandate(3), 5, eur(20))).toEqual([
      { code: 'DECISION.LEVEL_ABOVE_MANDATE', field: 'actedUnderLevel', boundaryId: null, message: 'The team acted at level 5 (Advise), but the delegation board grants planning only level 3 (Consult).' },
      { code: 'DECISION.NO_BUDGET', field: 'amount', boundaryId: null, message: 'No financial boundary covers planning, so the team has no budget to spend EUR 20.' },
    ]);
  });
});
