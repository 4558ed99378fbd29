import { describe, expect, it } from '@jest/globals';
import type { Rejection } from '@leerzone/kernel';
import { isRejection } from '@leerzone/kernel';
import type { Measure } from './measure.model';
import { validateMeasure, validateValue, valueFits } from './measure.model';

/** A refusal reads as a sentence that names its subject: no blank start, no gap where a word is missing. */
const wellFormed = (r: Rejection): Rejection => {
  expect(r.message).toMatch(/^\S/);
  expect(r.message).not.toMatch(/\s\s|\s[.,;:)]/);
  return r;
};
const levels = { commit: 'Pilot in one district', target: 'Three districts', stretch: 'Whole city' };
const refusal = (result: unknown): Rejection => {
  if (!isRejection(result)) throw new Error(`expected a refusal, got ${JSON.stringify(result)}`);
  expect(result.message.trim()).not.toBe('');
  return wellFormed(result);
};
/** The category, code and field of a refusal: what a caller shows (the category becomes the HTTP status), whatever the wording. */
const refused = (result: unknown) => {
  const r = refusal(result);
  return { category: r.category, code: r.code, field: r.field };
};
const invalidMeasure = (field: string) => ({ category: 'invalid', code: 'OKR.MEASURE_INVALID', field });
const invalidValue = { category: 'invalid', code: 'OKR.VALUE_INVALID', field: 'value' };

describe('validateMeasure: the kind', () => {
  it('refuses a measure that is not an object, naming the measure itself', () => {
    for (const input of [null, undefined, 'numeric', 5]) expect(refused(validateMeasure(input, 'measure'))).toEqual(invalidMeasure('measure'));
  });

  it('lists the kinds a measure may have when it gets none', () => {
    expect(refusal(validateMeasure(null, 'measure')).message).toContain('numeric, percentage, milestone, ordinal');
  });

  it('refuses a missing or unknown kind, naming the kind', () => {
    expect(refused(validateMeasure({}, 'measure'))).toEqual(invalidMeasure('measure.kind'));
    expect(refused(validateMeasure({ kind: 'binary' }, 'm'))).toEqual(invalidMeasure('m.kind'));
  });

  it('a milestone is only its kind', () => {
    expect(validateMeasure({ kind: 'milestone', start: 1 }, 'measure')).toEqual({ kind: 'milestone' });
  });
});

describe('validateMeasure: numeric and percentage scales', () => {
  const numeric = { kind: 'numeric', start: 40, target: 60, unit: 'NPS', direction: 'increase-to' };

  it('keeps a numeric measure as given, and only its own fields', () => {
    expect(validateMeasure({ ...numeric, levels }, 'measure')).toEqual({ kind: 'numeric', start: 40, target: 60, unit: 'NPS', direction: 'increase-to' });
  });

  it('names the direction, the start, the target and the unit when one is missing or not a number', () => {
    expect(refused(validateMeasure({ ...numeric, direction: 'up' }, 'measure'))).toEqual(invalidMeasure('measure.direction'));
    expect(refused(validateMeasure({ ...numeric, start: undefined }, 'measure'))).toEqual(invalidMeasure('measure.start'));
    expect(refused(validateMeasure({ ...numeric, start: Number.NaN }, 'measure'))).toEqual(invalidMeasure('measure.start'));
    expect(refused(validateMeasure({ ...numeric, target: '60' }, 'measure'))).toEqual(invalidMeasure('measure.target'));
    expect(refused(validateMeasure({ ...numeric, target: Number.POSITIVE_INFINITY }, 'measure'))).toEqual(invalidMeasure('measure.target'));
    expect(refused(validateMeasure({ ...numeric, unit: ' ' }, 'measure'))).toEqual(invalidMeasure('measure.unit'));
    expect(refused(validateMeasure({ ...numeric, unit: 'x'.repeat(41) }, 'measure'))).toEqual(invalidMeasure('measure.unit'));
    expect(validateMeasure({ ...numeric, unit: 'x'.repeat(40) }, 'measure')).toMatchObject({ unit: 'x'.repeat(40) });
  });

  it('a numeric scale is not bounded to 0–100', () => {
    expect(validateMeasure({ ...numeric, start: -5, target: 150 }, 'measure')).toMatchObject({ start: -5, target: 150 });
  });

  it('an increase needs a target above the start; equal is no increase', () => {
    expect(refused(validateMeasure({ ...numeric, target: 40 }, 'measure'))).toEqual(invalidMeasure('measure.target'));
    expect(refused(validateMeasure({ ...numeric, target: 30 }, 'measure'))).toEqual(invalidMeasure('measure.target'));
    expect(validateMeasure({ ...numeric, target: 40.5 }, 'measure')).toMatchObject({ target: 40.5 });
  });

  it('a decrease needs a target below the start; equal is no decrease', () => {
    const decrease = { ...numeric, start: 20, direction: 'decrease-to' };
    expect(refused(validateMeasure({ ...decrease, target: 20 }, 'measure'))).toEqual(invalidMeasure('measure.target'));
    expect(refused(validateMeasure({ ...decrease, target: 25 }, 'measure'))).toEqual(invalidMeasure('measure.target'));
    expect(validateMeasure({ ...decrease, target: 10 }, 'measure')).toMatchObject({ start: 20, target: 10, direction: 'decrease-to' });
  });

  it('a bound to hold may lie on either side of the start', () => {
    expect(validateMeasure({ ...numeric, start: 92, target: 90, direction: 'stay-at-least' }, 'measure')).toMatchObject({ direction: 'stay-at-least' });
    expect(validateMeasure({ ...numeric, start: 3, target: 5, direction: 'stay-at-most' }, 'measure')).toMatchObject({ direction: 'stay-at-most' });
  });

  it('a percentage lies within 0–100, both ends included, and has no unit', () => {
    const percentage = { kind: 'percentage', start: 0, target: 100, direction: 'increase-to' };
    expect(validateMeasure({ ...percentage, unit: '%' }, 'measure')).toEqual({ kind: 'percentage', start: 0, target: 100, direction: 'increase-to' });
    expect(refused(validateMeasure({ ...percentage, start: -0.1 }, 'measure'))).toEqual(invalidMeasure('measure.start'));
    expect(refused(validateMeasure({ ...percentage, target: 100.1 }, 'measure'))).toEqual(invalidMeasure('measure.target'));
    expect(refused(validateMeasure({ ...percentage, start: 101, target: 50, direction: 'decrease-to' }, 'measure'))).toEqual(invalidMeasure('measure.start'));
    expect(refused(validateMeasure({ ...percentage, start: 50, target: -1, direction: 'decrease-to' }, 'measure'))).toEqual(invalidMeasure('measure.target'));
  });
});

describe('validateMeasure: ordinal levels', () => {
  it('keeps the three levels, trimmed', () => {
    expect(validateMeasure({ kind: 'ordinal', levels: { ...levels, stretch: '  Whole city ' } }, 'measure')).toEqual({ kind: 'ordinal', levels });
  });

  it('names the levels when they are missing or not an object', () => {
    for (const missing of [undefined, null, 'commit, target, stretch', 3]) expect(refused(validateMeasure({ kind: 'ordinal', levels: missing }, 'measure'))).toEqual(invalidMeasure('measure.levels'));
  });

  it('names each level that is missing, too long or blank', () => {
    expect(refused(validateMeasure({ kind: 'ordinal', levels: { target: 'x', stretch: 'y' } }, 'measure'))).toEqual(invalidMeasure('measure.levels.commit'));
    expect(refused(validateMeasure({ kind: 'ordinal', levels: { ...levels, target: ' ' } }, 'measure'))).toEqual(invalidMeasure('measure.levels.target'));
    expect(refused(validateMeasure({ kind: 'ordinal', levels: { ...levels, stretch: 'x'.repeat(501) } }, 'measure'))).toEqual(invalidMeasure('measure.levels.stretch'));
  });
});

describe('validateValue: a check-in value against its measure', () => {
  const numeric: Measure = { kind: 'numeric', start: 40, target: 60, unit: 'NPS', direction: 'increase-to' };
  const percentage: Measure = { kind: 'percentage', start: 10, target: 50, direction: 'increase-to' };
  const ordinal: Measure = { kind: 'ordinal', levels };

  it('a numeric value is any finite number, also outside start and target', () => {
    expect([-5, 0, 150, 49.5].map((v) => validateValue(numeric, v, 'value'))).toEqual([-5, 0, 150, 49.5]);
    for (const bad of ['50', Number.NaN, Number.NEGATIVE_INFINITY, null, true]) expect(refused(validateValue(numeric, bad, 'value'))).toEqual(invalidValue);
  });

  it('a percentage value lies within 0–100, both ends included', () => {
    expect([0, 100, 5].map((v) => validateValue(percentage, v, 'value'))).toEqual([0, 100, 5]);
    expect(refused(validateValue(percentage, -0.1, 'value'))).toEqual(invalidValue);
    expect(refused(validateValue(percentage, 100.1, 'value'))).toEqual(invalidValue);
    expect(refused(validateValue(percentage, 'half', 'value'))).toEqual(invalidValue);
  });

  it('a milestone is done or not, nothing else', () => {
    expect([true, false].map((v) => validateValue({ kind: 'milestone' }, v, 'value'))).toEqual([true, false]);
    for (const bad of [1, 0, 'true', null]) expect(refused(validateValue({ kind: 'milestone' }, bad, 'value'))).toEqual(invalidValue);
  });

  it('an ordinal value is the level reached, or none yet', () => {
    expect(['none', 'commit', 'target', 'stretch'].map((v) => validateValue(ordinal, v, 'value'))).toEqual(['none', 'commit', 'target', 'stretch']);
    for (const bad of ['', 'done', 0.7, null]) expect(refused(validateValue(ordinal, bad, 'value'))).toEqual(invalidValue);
  });

  it('names the field it was given', () => {
    expect(refusal(validateValue(numeric, 'x', 'checkIns.2.value')).field).toBe('checkIns.2.value');
    expect(refusal(validateValue(percentage, 200, 'checkIns.2.value')).field).toBe('checkIns.2.value');
  });

  it('valueFits tells whether a value can be read against a measure', () => {
    expect(valueFits(numeric, 50)).toBe(true);
    expect(valueFits(percentage, 150)).toBe(false);
    expect(valueFits(ordinal, 50)).toBe(false);
    expect(valueFits(ordinal, 'none')).toBe(true);
    expect(valueFits({ kind: 'milestone' }, 'target')).toBe(false);
  });
});
