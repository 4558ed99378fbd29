import { describe, expect, it } from '@jest/globals';
import { formatMoney, fromUnits, MAX_AMOUNT, toUnits, validateMoney } from './money';

const refusal = (field: string, fragment: string) => ({
  kind: 'rejection',
  category: 'invalid',
  code: 'BOUNDARY.INVALID',
  field,
  message: expect.stringContaining(fragment),
});

describe('validateMoney', () => {
  it.each([
    ['nothing', 0],
    ['the maximum', MAX_AMOUNT],
    ['four decimals', 2500.1234],
  ])('accepts an amount of %s', (_, amount) => {
    expect(validateMoney({ amount, currency: 'EUR' }, 'limit', 'BOUNDARY.INVALID')).toEqual({ amount, currency: 'EUR' });
  });

  it.each([
    ['null', null],
    ['a number', 2500],
    ['a string', '2500 EUR'],
  ])('refuses %s instead of an object', (_, value) => {
    expect(validateMoney(value, 'limit', 'BOUNDARY.INVALID')).toEqual(refusal('limit', 'An amount needs a number and a currency'));
  });

  it.each([
    ['missing', undefined],
    ['a numeric string', '2500'],
    ['not a number', Number.NaN],
    ['infinite', Number.POSITIVE_INFINITY],
    ['negative', -0.01],
    ['above the maximum', MAX_AMOUNT + 1],
  ])('refuses an amount that is %s, naming the range', (_, amount) => {
    expect(validateMoney({ amount, currency: 'EUR' }, 'limit', 'BOUNDARY.INVALID')).toEqual(refusal('limit.amount', `from 0 to ${MAX_AMOUNT}`));
  });

  it('refuses more than four decimals, but tolerates float noise up to a billionth', () => {
    expect(validateMoney({ amount: 2500.12345, currency: 'EUR' }, 'limit', 'BOUNDARY.INVALID')).toEqual(refusal('limit.amount', 'at most four decimals'));
    expect(validateMoney({ amount: 2e-9, currency: 'EUR' }, 'limit', 'BOUNDARY.INVALID')).toEqual(refusal('limit.amount', 'at most four decimals'));
    expect(validateMoney({ amount: 1e-9, currency: 'EUR' }, 'limit', 'BOUNDARY.INVALID')).toEqual({ amount: 1e-9, currency: 'EUR' });
  });

  it.each([
    ['missing', undefined],
    ['lower case', 'eur'],
    ['too short', 'EU'],
    ['too long', 'EURO'],
    ['preceded by other text', 'xEUR'],
    ['a list holding a code', ['EUR']],
  ])('refuses a currency that is %s', (_, currency) => {
    expect(validateMoney({ amount: 2500, currency }, 'limit', 'BOUNDARY.INVALID')).toEqual(refusal('limit.currency', 'ISO 4217'));
  });
});

describe('money arithmetic', () => {
  it('counts in ten-thousandths so that 0.1 + 0.2 equals 0.3', () => {
    expect(toUnits(0.1) + toUnits(0.2)).toBe(toUnits(0.3));
    expect(fromUnits(toUnits(0.1) + toUnits(0.2))).toBe(0.3);
  });

  it('formats the currency before the amount', () => {
    expect(formatMoney({ amount: 2500.5, currency: 'EUR' })).toBe('EUR 2500.5');
  });
});
