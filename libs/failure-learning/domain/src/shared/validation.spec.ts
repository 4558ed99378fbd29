import { describe, expect, it } from '@jest/globals';
import type { Rejection } from '@leerzone/kernel';
import { isRejection } from '@leerzone/kernel';
import { testContext } from '@leerzone/kernel/testing';
import { MAX_FOLLOW_UP_DUE_DAYS } from './failure.model';
import { dueRule, idList, MAX_COST_AMOUNT, MAX_REASON_LENGTH, MAX_TAG_LENGTH, oneOf, optionalCost, requiredReason, slug, tagSet } from './validation';

/** A refusal reads as a sentence that names its subject: no blank start, no gap where a label or action is missing. */
const wellFormed = (r: Rejection): Rejection => {
  expect(r.message).toMatch(/^\S/);
  expect(r.message).not.toMatch(/\s\s|\s[.,;:)]/);
  return r;
};
/** The refusal, checked for what every caller relies on: the stable code, the category, a field and a sentence. */
const refusal = (result: unknown, code: string, field: string): Rejection => {
  if (!isRejection(result)) throw new Error(`Expected a refusal, got ${JSON.stringify(result)}`);
  expect(result).toMatchObject({ code, category: 'invalid', field });
  return wellFormed(result);
};
const CODE = 'TEST.INVALID';

describe('requiredReason', () => {
  it('takes a reason of up to 2,000 characters, trimmed, and refuses a longer one on the field reason', () => {
    expect(MAX_REASON_LENGTH).toBe(2000);
    expect(requiredReason(testContext({ reason: ` ${'r'.repeat(2000)} ` }), 'close this')).toBe('r'.repeat(2000));
    const long = refusal(requiredReason(testContext({ reason: 'r'.repeat(2001) }), 'close this'), 'FAILURE_LEARNING.REASON_REQUIRED', 'reason');
    expect(long.message).toContain('2001');
    refusal(requiredReason(testContext({ reason: '  ' }), 'close this'), 'FAILURE_LEARNING.REASON_REQUIRED', 'reason');
  });
});

describe('slug', () => {
  it('trims and lower-cases a slug', () => {
    expect(slug(' Night-Shift ', 'area', CODE, 'The area')).toBe('night-shift');
  });

  it('takes up to 40 characters and refuses 41', () => {
    expect(MAX_TAG_LENGTH).toBe(40);
    expect(slug('a'.repeat(40), 'area', CODE, 'The area')).toBe('a'.repeat(40));
    refusal(slug('a'.repeat(41), 'area', CODE, 'The area'), CODE, 'area');
  });

  it('refuses what is no text, empty or not a slug, without throwing', () => {
    for (const value of [42, undefined, null, { toString: () => 'night-shift' }, '', '   ', 'night shift', '-night']) refusal(slug(value, 'area', CODE, 'The area'), CODE, 'area');
  });
});

describe('tagSet', () => {
  it('reads no tags as an empty set', () => {
    expect(tagSet(undefined, 'tags', CODE)).toEqual([]);
    expect(tagSet(null, 'tags', CODE)).toEqual([]);
  });

  it('refuses a tag that is no slug on its own field, in a sentence', () => {
    refusal(tagSet(['handover', 'Night Shift'], 'tags', CODE), CODE, 'tags.1');
  });

  it('names how many tags it needs at least, one tag or several', () => {
    expect(refusal(tagSet([], 'tags', CODE, { min: 1 }), CODE, 'tags').message).toContain('Give at least 1 tag naming');
    expect(refusal(tagSet(['handover'], 'tags', CODE, { min: 2 }), CODE, 'tags').message).toContain('Give at least 2 tags naming');
  });
});

describe('optionalCost', () => {
  const cost = (amount: unknown, currency: unknown = 'EUR') => optionalCost({ amount, currency }, 'impact.cost', CODE);

  it('reads no cost as null', () => {
    expect(optionalCost(undefined, 'impact.cost', CODE)).toBeNull();
    expect(optionalCost(null, 'impact.cost', CODE)).toBeNull();
  });

  it('takes an amount from 0 to 1,000,000,000 and refuses anything else on the amount', () => {
    expect(cost(0)).toEqual({ amount: 0, currency: 'EUR' });
    expect(cost(MAX_COST_AMOUNT)).toEqual({ amount: MAX_COST_AMOUNT, currency: 'EUR' });
    for (const amount of [-0.01, MAX_COST_AMOUNT + 1, Number.NaN, Number.POSITIVE_INFINITY, '250', null]) refusal(cost(amount), CODE, 'impact.cost.amount');
    refusal(optionalCost(250, 'impact.cost', CODE), CODE, 'impact.cost.amount');
  });

  it('takes a currency of exactly three capital letters, as text', () => {
    expect(cost(250, 'USD')).toEqual({ amount: 250, currency: 'USD' });
    for (const currency of ['eur', 'XEUR', 'EURO', 'EU', ['EUR'], null]) refusal(cost(250, currency), CODE, 'impact.cost.currency');
    refusal(optionalCost({ amount: 250 }, 'impact.cost', CODE), CODE, 'impact.cost.currency');
  });
});

describe('idList', () => {
  it('reads no ids as an empty list, and drops repeated ids', () => {
    expect(idList(undefined, 'linkedLessonIds', CODE, 'lesson id', 3)).toEqual([]);
    expect(idList(null, 'linkedLessonIds', CODE, 'lesson id', 3)).toEqual([]);
    expect(idList(['l-1', 'l-2', 'l-1'], 'linkedLessonIds', CODE, 'lesson id', 3)).toEqual(['l-1', 'l-2']);
  });

  it('takes up to the maximum, as a list, and refuses more or no list on the list’s field', () => {
    expect(idList(['l-1', 'l-2', 'l-3'], 'linkedLessonIds', CODE, 'lesson id', 3)).toEqual(['l-1', 'l-2', 'l-3']);
    for (const value of [['l-1', 'l-2', 'l-3', 'l-4'], 'l-1', { 0: 'l-1' }]) {
      expect(refusal(idList(value, 'linkedLessonIds', CODE, 'lesson id', 3), CODE, 'linkedLessonIds').message).toContain('3 lesson ids');
    }
    refusal(idList(['l-1', ' l-2'], 'linkedLessonIds', CODE, 'lesson id', 3), CODE, 'linkedLessonIds.1');
  });
});

describe('dueRule', () => {
  it('refuses a rule that is no object on the rule’s own field', () => {
    for (const value of [5, 'high: 3', null, undefined]) {
      expect(dueRule(value)).toMatchObject({ code: 'FOLLOW_UP.DUE_RULE_INVALID', field: 'dueRule' });
      expect(dueRule(value, 'rule')).toMatchObject({ code: 'FOLLOW_UP.DUE_RULE_INVALID', field: 'rule' });
    }
  });

  it('takes whole days from 1 to 90 per severity, naming the severity at fault', () => {
    expect(dueRule({ high: 1, medium: MAX_FOLLOW_UP_DUE_DAYS, low: 7 })).toEqual({ high: 1, medium: 90, low: 7 });
    expect(dueRule({ high: '3', medium: 7, low: 7 })).toMatchObject({ code: 'FOLLOW_UP.DUE_RULE_INVALID', field: 'dueRule.high' });
    expect(dueRule({ high: 3, medium: 7, low: 91 })).toMatchObject({ code: 'FOLLOW_UP.DUE_RULE_INVALID', field: 'dueRule.low' });
  });
});

describe('oneOf', () => {
  it('lists the accepted values when a value is not one of them', () => {
    expect(oneOf('high', ['low', 'medium', 'high'] as const, 'severity', CODE, 'The severity')).toBe('high');
    expect(refusal(oneOf('urgent', ['low', 'medium', 'high'] as const, 'severity', CODE, 'The severity'), CODE, 'severity').message).toContain('low, medium, high');
  });
});
