import { describe, expect, it } from '@jest/globals';
import { isRejection } from '@leerzone/kernel';
import type { Measure } from './measure.model';
import { assessCheckIn, DEFAULT_STATUS_THRESHOLDS, expectedProgress, expectedValue, progressOf, validateThresholds, weakestStatus } from './progress';

const increase: Measure = { kind: 'numeric', start: 40, target: 60, unit: 'NPS', direction: 'increase-to' };
const decrease: Measure = { kind: 'percentage', start: 20, target: 10, direction: 'decrease-to' };
const atLeast: Measure = { kind: 'percentage', start: 92, target: 90, direction: 'stay-at-least' };
const atMost: Measure = { kind: 'numeric', start: 3, target: 5, unit: 'complaints', direction: 'stay-at-most' };
const milestone: Measure = { kind: 'milestone' };
const ordinal: Measure = { kind: 'ordinal', levels: { commit: 'a', target: 'b', stretch: 'c' } };

describe('progressOf: 0 at the start, 1 at the target', () => {
  it('reads an increase and a decrease as the share of the way covered, unclamped', () => {
    expect([40, 50, 60, 70, 30].map((v) => progressOf(increase, v))).toEqual([0, 0.5, 1, 1.5, -0.5]);
    expect([20, 15, 10, 25].map((v) => progressOf(decrease, v))).toEqual([-0, 0.5, 1, -0.5]);
  });

  it('a bound at least is held on and above it, broken below it', () => {
    expect([90, 95, 89.9].map((v) => progressOf(atLeast, v))).toEqual([1, 1, 0]);
  });

  it('a bound at most is held on and below it, broken above it', () => {
    expect([5, 2, 5.1].map((v) => progressOf(atMost, v))).toEqual([1, 1, 0]);
  });

  it('a milestone is 1 when done, 0 when not; an ordinal level is worth 0, 0.3, 0.7 or 1', () => {
    expect([true, false].map((v) => progressOf(milestone, v))).toEqual([1, 0]);
    expect((['none', 'commit', 'target', 'stretch'] as const).map((v) => progressOf(ordinal, v))).toEqual([0, 0.3, 0.7, 1]);
  });
});

describe('the expected line', () => {
  it('an increase or decrease expects the elapsed share of the way, numeric and percentage alike', () => {
    expect([0, 0.25, 1].map((e) => expectedProgress(increase, e))).toEqual([0, 0.25, 1]);
    expect(expectedProgress(decrease, 0.4)).toBe(0.4);
  });

  it('a bound must hold from the first day', () => {
    expect(expectedProgress(atLeast, 0)).toBe(1);
    expect(expectedProgress(atMost, 0.3)).toBe(1);
  });

  it('a milestone is due only at the end; an ordinal line runs up to the target level (0.7)', () => {
    expect([0, 0.99, 1].map((e) => expectedProgress(milestone, e))).toEqual([0, 0, 1]);
    expect(expectedProgress(ordinal, 0.5)).toBeCloseTo(0.35, 12);
    expect(expectedProgress(ordinal, 1)).toBeCloseTo(0.7, 12);
  });

  it('in the key result’s own unit: interpolated for an increase or decrease, the bound itself for a bound, none for the others', () => {
    expect(expectedValue(increase, 0.5)).toBe(50);
    expect(expectedValue(increase, 1 / 3)).toBe(46.666667);
    expect(expectedValue(decrease, 0.25)).toBe(17.5);
    expect(expectedValue(atLeast, 0.5)).toBe(90);
    expect(expectedValue(atMost, 0.5)).toBe(5);
    expect(expectedValue(milestone, 0.5)).toBeNull();
    expect(expectedValue(ordinal, 0.5)).toBeNull();
  });
});

describe('assessCheckIn', () => {
  it('nothing expected yet is full attainment, whatever the value', () => {
    expect(assessCheckIn(increase, 30, 7, 0, DEFAULT_STATUS_THRESHOLDS)).toEqual({ status: 'on-track', attainment: 1, expectedValue: 40 });
    expect(assessCheckIn(milestone, false, 7, 0.5, DEFAULT_STATUS_THRESHOLDS)).toEqual({ status: 'on-track', attainment: 1, expectedValue: null });
  });

  it('an ordinal level against its line: commit (0.3) halfway (0.35) is 0.857143, behind', () => {
    expect(assessCheckIn(ordinal, 'commit', 7, 0.5, DEFAULT_STATUS_THRESHOLDS)).toEqual({ status: 'behind', attainment: 0.857143, expectedValue: null });
  });

  it('a broken bound is at risk, a held one on track', () => {
    expect(assessCheckIn(atMost, 6, 7, 0.5, DEFAULT_STATUS_THRESHOLDS)).toMatchObject({ status: 'at-risk', attainment: 0, expectedValue: 5 });
    expect(assessCheckIn(atMost, 4, 7, 0.5, DEFAULT_STATUS_THRESHOLDS)).toMatchObject({ status: 'on-track', attainment: 1 });
  });
});

describe('weakestStatus', () => {
  it('takes the weakest, and has none of nothing', () => {
    expect(weakestStatus([])).toBeNull();
    expect(weakestStatus(['on-track'])).toBe('on-track');
    expect(weakestStatus(['on-track', 'behind', 'on-track'])).toBe('behind');
    expect(weakestStatus(['behind', 'at-risk', 'on-track'])).toBe('at-risk');
  });
});

describe('validateThresholds', () => {
  const ok = { behindBelow: 0.95, atRiskBelow: 0.75, atRiskConfidenceAtMost: 3 };
  /** The category (the HTTP status), code and field of a refusal. */
  const refused = (input: unknown) => {
    const r = validateThresholds(input);
    if (!isRejection(r)) throw new Error(`expected a refusal, got ${JSON.stringify(r)}`);
    expect(r.message.trim()).not.toBe('');
    return [r.category, r.code, r.field];
  };
  const fractions = ['invalid', 'OKR.THRESHOLDS_INVALID', 'thresholds'];
  const confidence = ['invalid', 'OKR.THRESHOLDS_INVALID', 'thresholds.atRiskConfidenceAtMost'];

  it('keeps valid thresholds, and only them', () => {
    expect(validateThresholds({ ...ok, extra: 1 })).toEqual(ok);
  });

  it('fractions lie above 0 and up to 1; at risk may equal behind', () => {
    expect(validateThresholds({ behindBelow: 1, atRiskBelow: 1, atRiskConfidenceAtMost: 3 })).toEqual({ behindBelow: 1, atRiskBelow: 1, atRiskConfidenceAtMost: 3 });
    expect(validateThresholds({ ...ok, atRiskBelow: 0.01 })).toMatchObject({ atRiskBelow: 0.01 });
    expect(refused({ ...ok, atRiskBelow: 0 })).toEqual(fractions);
    expect(refused({ ...ok, atRiskBelow: -0.5 })).toEqual(fractions);
    expect(refused({ ...ok, behindBelow: 1.01 })).toEqual(fractions);
    expect(refused({ ...ok, behindBelow: Number.POSITIVE_INFINITY })).toEqual(fractions);
    expect(refused({ ...ok, atRiskBelow: Number.NaN })).toEqual(fractions);
  });

  it('refuses thresholds that are not numbers, each on its own', () => {
    expect(refused({ ...ok, behindBelow: '0.95' })).toEqual(fractions);
    expect(refused({ ...ok, atRiskBelow: '0.5' })).toEqual(fractions);
    expect(refused(undefined)).toEqual(fractions);
    expect(refused(null)).toEqual(fractions);
  });

  it('refuses at risk above behind', () => {
    expect(refused({ ...ok, atRiskBelow: 0.96 })).toEqual(fractions);
  });

  it('the at-risk confidence is a whole number from 0 to 10, both ends included', () => {
    expect(validateThresholds({ ...ok, atRiskConfidenceAtMost: 0 })).toMatchObject({ atRiskConfidenceAtMost: 0 });
    expect(validateThresholds({ ...ok, atRiskConfidenceAtMost: 10 })).toMatchObject({ atRiskConfidenceAtMost: 10 });
    for (const bad of [-1, 11, 2.5, '3', undefined]) expect(refused({ ...ok, atRiskConfidenceAtMost: bad })).toEqual(confidence);
  });
});
