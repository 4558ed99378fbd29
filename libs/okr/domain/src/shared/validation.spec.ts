import { describe, expect, it } from '@jest/globals';
import type { Rejection, SealedValue, TextRule } from '@leerzone/kernel';
import { isRejection } from '@leerzone/kernel';
import { testContext } from '@leerzone/kernel/testing';
import { changeEntry, setEntry } from './maps';
import { at, distinctIds, finiteNumber, MAX_REASON_LENGTH, oneOf, optionalReason, optionalSealedText, requiredReason, sealedText } from './validation';

/** The shared guards on their own: each refusal's code, category and field, and the value that passes. */
const refusal = (value: unknown): Rejection => {
  if (!isRejection(value)) throw new Error(`expected a rejection, got ${JSON.stringify(value)}`);
  expect(value.message.trim()).not.toBe('');
  return value;
};
const longest = 'r'.repeat(MAX_REASON_LENGTH);

describe('a required reason', () => {
  it('is refused when missing or blank', () => {
    for (const reason of [undefined, '', '   ', '\n\t']) {
      expect(refusal(requiredReason(reason, 'retire a KPI'))).toMatchObject({ category: 'invalid', code: 'OKR.REASON_REQUIRED', field: 'reason' });
    }
  });

  it('is trimmed, and as long as allowed once trimmed', () => {
    expect(requiredReason('  moved by the board ', 'move a goalpost')).toBe('moved by the board');
    expect(requiredReason(` ${longest} `, 'move a goalpost')).toBe(longest);
  });

  it('is refused when longer than allowed', () => {
    expect(refusal(requiredReason(`${longest}r`, 'move a goalpost'))).toMatchObject({ category: 'invalid', code: 'OKR.REASON_TOO_LONG', field: 'reason' });
  });
});

describe('an optional reason', () => {
  it('is none when missing or blank', () => {
    expect(optionalReason(undefined)).toBeNull();
    expect(optionalReason('')).toBeNull();
    expect(optionalReason('   ')).toBeNull();
  });

  it('is trimmed, and as long as allowed once trimmed', () => {
    expect(optionalReason(' a typo ')).toBe('a typo');
    expect(optionalReason(` ${longest}  `)).toBe(longest);
  });

  it('is refused when longer than allowed', () => {
    expect(refusal(optionalReason(`${longest}r`))).toMatchObject({ category: 'invalid', code: 'OKR.REASON_TOO_LONG', field: 'reason' });
  });
});

describe('sealed personal text', () => {
  const rule: TextRule = { field: 'comment', code: 'OKR.CHECK_IN_INVALID', label: 'the comment', max: 2000 };
  const sealed: SealedValue = { $sealed: { subject: 'user-anna', keyId: 'key-user-anna', alg: 'A256GCM', iv: 'aXY=', data: 'ZGF0YQ==', tag: 'dGFn' } };

  it('passes sealed as it arrived', () => {
    expect(sealedText(sealed, rule)).toBe(sealed);
    expect(optionalSealedText(sealed, rule)).toBe(sealed);
  });

  it('refuses plain text with the rule\'s code and field', () => {
    for (const value of ['I was ill', '', 42, null, { $sealed: 'nope' }]) {
      expect(refusal(sealedText(value, rule))).toMatchObject({ category: 'invalid', code: 'OKR.CHECK_IN_INVALID', field: 'comment' });
    }
    expect(refusal(optionalSealedText('I was ill', rule))).toMatchObject({ category: 'invalid', code: 'OKR.CHECK_IN_INVALID', field: 'comment' });
  });

  it('is none when optional and missing', () => {
    expect(optionalSealedText(undefined, rule)).toBeNull();
    expect(optionalSealedText(null, rule)).toBeNull();
  });
});

describe('one of a list', () => {
  const periods = ['month', 'quarter'] as const;

  it('passes each allowed value', () => {
    expect(oneOf('month', periods, 'period', 'OKR.KPI_INVALID', 'The period')).toBe('month');
    expect(oneOf('quarter', periods, 'period', 'OKR.KPI_INVALID', 'The period')).toBe('quarter');
  });

  it('refuses anything else with the given code and field', () => {
    for (const value of ['week', 'Month', '', undefined, null, 1, ['month']]) {
      expect(refusal(oneOf(value, periods, 'period', 'OKR.KPI_INVALID', 'The period'))).toMatchObject({ category: 'invalid', code: 'OKR.KPI_INVALID', field: 'period' });
    }
  });

  it('names the allowed values and the value it got, null for none', () => {
    expect(refusal(oneOf('week', periods, 'period', 'OKR.KPI_INVALID', 'The period')).message).toBe('The period must be one of month, quarter (got "week").');
    expect(refusal(oneOf(undefined, periods, 'period', 'OKR.KPI_INVALID', 'The period')).message).toBe('The period must be one of month, quarter (got null).');
  });
});

describe('a finite number', () => {
  it('passes every finite number, zero and negatives too', () => {
    for (const value of [0, -0.5, 42, Number.MAX_VALUE]) expect(finiteNumber(value, 'value', 'OKR.KPI_VALUE_INVALID', 'The value')).toBe(value);
  });

  it('refuses what is not one, with the given code and field', () => {
    for (const value of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, '3', null, undefined, true]) {
      expect(refusal(finiteNumber(value, 'value', 'OKR.KPI_VALUE_INVALID', 'The value'))).toMatchObject({ category: 'invalid', code: 'OKR.KPI_VALUE_INVALID', field: 'value' });
    }
  });
});

describe('small helpers', () => {
  it('stamps a decision with the context\'s moment', () => {
    expect(at(testContext({ now: new Date('2026-03-01T10:20:30.000Z') }))).toBe('2026-03-01T10:20:30.000Z');
  });

  it('tells whether ids are distinct', () => {
    expect(distinctIds([])).toBe(true);
    expect(distinctIds(['a', 'b'])).toBe(true);
    expect(distinctIds(['a', 'b', 'a'])).toBe(false);
  });

  it('sets an entry in a copy, leaving the original as it was', () => {
    const original: ReadonlyMap<string, number> = new Map([['a', 1]]);
    const changed = setEntry(original, 'b', 2);
    expect([...changed]).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    expect([...original]).toEqual([['a', 1]]);
  });

  it('changes an existing entry in a copy, and leaves a missing one missing', () => {
    const original: ReadonlyMap<string, number> = new Map([['a', 1]]);
    expect([...changeEntry(original, 'a', (v) => v + 1)]).toEqual([['a', 2]]);
    expect([...original]).toEqual([['a', 1]]);
    const calls: number[] = [];
    const unchanged = changeEntry(original, 'b', (v) => {
      calls.push(v);
      return v + 1;
    });
    expect(unchanged).toBe(original);
    expect(calls).toEqual([]);
  });
});
