import { describe, expect, it } from '@jest/globals';
import type { Boundary, BoundarySource, EffectiveBoundary, FinancialBoundary, FinancialPeriod } from './boundary.model';
import { describePeriod, MAX_AREA_LENGTH, validateBoundary, wideningViolations } from './boundary.model';
import { MAX_BOUNDARY_REFERENCE_LENGTH } from './limits';

const financialInput = { boundaryId: 'b-budget', kind: 'financial', title: 'Budget', limit: { amount: 2500, currency: 'EUR' }, period: 'month', decisionArea: 'budget-spend' };
const ruleInput = { boundaryId: 'b-gdpr', kind: 'legal', title: 'Client files', description: 'Client data stays in the care system.', reference: 'AVG art. 9' };

const refusal = (field: string, message: string) =>
  expect.objectContaining({ kind: 'rejection', category: 'invalid', code: 'BOUNDARY.INVALID', field, message: expect.stringContaining(message) });

describe('validateBoundary', () => {
  it('accepts a financial boundary', () => {
    expect(validateBoundary(financialInput, 'boundary')).toEqual({
      boundaryId: 'b-budget',
      kind: 'financial',
      title: 'Budget',
      limit: { amount: 2500, currency: 'EUR' },
      period: 'month',
      decisionArea: 'budget-spend',
    });
  });

  it('gives a financial boundary without area every area (null)', () => {
    const { decisionArea: _, ...withoutArea } = financialInput;
    expect(validateBoundary(withoutArea, 'boundary')).toEqual(expect.objectContaining({ decisionArea: null }));
    expect(validateBoundary({ ...financialInput, decisionArea: null }, 'boundary')).toEqual(expect.objectContaining({ decisionArea: null }));
  });

  it('accepts a decision area of exactly the maximum length', () => {
    const area = 'a'.repeat(MAX_AREA_LENGTH);
    expect(validateBoundary({ ...financialInput, decisionArea: area }, 'boundary')).toEqual(expect.objectContaining({ decisionArea: area }));
  });

  it('accepts a rule boundary with its reference, or without one', () => {
    expect(validateBoundary(ruleInput, 'boundary')).toEqual(ruleInput);
    const { reference: _, ...withoutReference } = ruleInput;
    expect(validateBoundary(withoutReference, 'boundary')).toEqual({ ...ruleInput, reference: null });
  });

  it.each<[string, unknown, string, string]>([
    ['a string instead of an object', 'b-budget', 'boundary', 'A boundary must be an object'],
    ['null', null, 'boundary', 'A boundary must be an object'],
    ['a missing id', { ...ruleInput, boundaryId: undefined }, 'boundary.boundaryId', 'The boundary id must be a non-empty id'],
    ['an unknown kind', { ...ruleInput, kind: 'moral' }, 'boundary.kind', 'one of financial, legal, core-procedure, safety.'],
    ['a missing title', { ...ruleInput, title: ' ' }, 'boundary.title', 'The boundary title must not be empty.'],
    ['a missing limit', { ...financialInput, limit: undefined }, 'boundary.limit', 'An amount needs a number and a currency'],
    ['an unknown period', { ...financialInput, period: 'week' }, 'boundary.period', 'one of per-decision, month, quarter, year.'],
    ['an area that is not a slug', { ...financialInput, decisionArea: 'Budget Spend' }, 'boundary.decisionArea', 'lower-case slug'],
    ['an area in a list', { ...financialInput, decisionArea: ['budget-spend'] }, 'boundary.decisionArea', 'lower-case slug'],
    ['an area one character too long', { ...financialInput, decisionArea: 'a'.repeat(MAX_AREA_LENGTH + 1) }, 'boundary.decisionArea', 'lower-case slug'],
    ['a missing description', { ...ruleInput, description: undefined }, 'boundary.description', 'The boundary description must not be empty.'],
    [
      'a reference one character too long',
      { ...ruleInput, reference: 'r'.repeat(MAX_BOUNDARY_REFERENCE_LENGTH + 1) },
      'boundary.reference',
      `The reference may be at most ${MAX_BOUNDARY_REFERENCE_LENGTH} characters`,
    ],
  ])('refuses %s, naming the field', (_, input, field, message) => {
    expect(validateBoundary(input, 'boundary')).toEqual(refusal(field, message));
  });
});

const UNIT: BoundarySource = { level: 'unit', unitId: 'u-care' };
const financial = (boundaryId: string, amount: number, period: FinancialPeriod, decisionArea: string | null = null, currency = 'EUR'): FinancialBoundary => ({
  boundaryId,
  kind: 'financial',
  title: `Limit ${boundaryId}`,
  limit: { amount, currency },
  period,
  decisionArea,
});
const fromUnit = (boundary: Boundary): EffectiveBoundary => ({ boundary, source: UNIT });

describe('wideningViolations', () => {
  it('reports a limit above the constraint for the same period', () => {
    expect(wideningViolations(financial('t', 3000, 'month'), [fromUnit(financial('u', 2500, 'month'))])).toEqual([
      {
        boundaryId: 't',
        constraintId: 'u',
        constraintSource: UNIT,
        problem: 'amount-above-limit',
        message: 'Limit t allows EUR 3000 per month, more than Limit u allows (EUR 2500 per month).',
      },
    ]);
  });

  it('reports a limit in another currency, since it cannot be compared', () => {
    expect(wideningViolations(financial('t', 100, 'month', null, 'USD'), [fromUnit(financial('u', 2500, 'month'))])).toEqual([
      {
        boundaryId: 't',
        constraintId: 'u',
        constraintSource: UNIT,
        problem: 'currency-mismatch',
        message: 'Limit t is in USD, but the boundary it must fit within (Limit u) is in EUR.',
      },
    ]);
  });

  it('finds nothing when the limit fits, or the constraint is for a shorter period or another area', () => {
    const candidate = financial('t', 3000, 'month', 'hiring');
    expect(wideningViolations(candidate, [fromUnit(financial('u', 3000, 'month'))])).toEqual([]);
    expect(wideningViolations(candidate, [fromUnit(financial('u', 2500, 'per-decision'))])).toEqual([]);
    expect(wideningViolations(candidate, [fromUnit(financial('u', 2500, 'month', 'tooling'))])).toEqual([]);
  });

  it('compares only financial boundaries', () => {
    const rule: Boundary = { boundaryId: 'u-gdpr', kind: 'legal', title: 'Client files', description: 'Stays in the care system.', reference: null };
    expect(wideningViolations(financial('t', 3000, 'month'), [fromUnit(rule)])).toEqual([]);
    expect(wideningViolations(rule, [fromUnit(financial('u', 2500, 'month'))])).toEqual([]);
  });
});

describe('describePeriod', () => {
  it.each<[FinancialPeriod, string]>([
    ['per-decision', 'per decision'],
    ['month', 'per month'],
    ['year', 'per year'],
  ])('describes %s as "%s"', (period, text) => {
    expect(describePeriod(period)).toBe(text);
  });
});
