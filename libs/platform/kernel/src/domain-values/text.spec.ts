import { isRejection, type Rejection } from '../decider/decider';
import { MAX_ID_LENGTH, optionalText, requiredId, requiredText, type TextRule } from './text';

const rule: TextRule = { field: 'name', code: 'TEAM.NAME_INVALID', label: 'team name', max: 10 };

const rejection = (value: unknown): Rejection => {
  if (!isRejection(value)) throw new Error(`Expected a rejection, got ${JSON.stringify(value)}`);
  return value;
};

describe('requiredText', () => {
  it('returns the text trimmed', () => {
    expect(requiredText('  Noord  ', rule)).toBe('Noord');
    expect(requiredText('Team Noord', rule)).toBe('Team Noord');
  });

  it('refuses a missing, blank or non-text value with the rule’s code and field, in a sentence naming the field', () => {
    for (const value of [undefined, null, '', '   ', '\t\n', 42, ['Noord'], { name: 'Noord' }]) {
      const refused = rejection(requiredText(value, rule));
      expect(refused).toMatchObject({ kind: 'rejection', category: 'invalid', code: 'TEAM.NAME_INVALID', field: 'name' });
      expect(refused.message).toMatch(/^Team name \S/);
    }
  });

  it('measures the limit on the trimmed text: exactly the maximum is fine, one more is refused with the figures', () => {
    expect(requiredText('a'.repeat(10), rule)).toBe('a'.repeat(10));
    expect(requiredText(`   ${'a'.repeat(10)}   `, rule)).toBe('a'.repeat(10));
    const refused = rejection(requiredText(` ${'a'.repeat(11)} `, rule));
    expect(refused).toMatchObject({ category: 'invalid', code: 'TEAM.NAME_INVALID', field: 'name', details: { max: 10, length: 11 } });
    expect(refused.message).toMatch(/^Team name \S/);
  });
});

describe('optionalText', () => {
  it('reads absent and blank as no text', () => {
    for (const value of [undefined, null, '', '   ']) expect(optionalText(value, rule)).toBeNull();
  });

  it('returns a given text trimmed', () => {
    expect(optionalText(' Zuid ', rule)).toBe('Zuid');
  });

  it('holds a given value to the rules of a required text', () => {
    expect(rejection(optionalText(42, rule))).toMatchObject({ code: 'TEAM.NAME_INVALID', field: 'name' });
    expect(rejection(optionalText('a'.repeat(11), rule))).toMatchObject({ code: 'TEAM.NAME_INVALID', field: 'name', details: { max: 10, length: 11 } });
  });
});

describe('requiredId', () => {
  const id = (value: unknown) => requiredId(value, 'teamId', 'TEAM.ID_INVALID', 'team id');

  it('returns an id as it is, inner spaces and separators included, up to the maximum length', () => {
    for (const value of ['t-1', '0193e1c2-7c1e-7000-8000-000000000001', 'a b', 'ada@acme.nl', 'x'.repeat(MAX_ID_LENGTH)]) expect(id(value)).toBe(value);
    expect(MAX_ID_LENGTH).toBe(128);
  });

  it('refuses an empty, blank, padded, overlong or non-text id on its field', () => {
    for (const value of ['', '   ', ' t-1', 't-1 ', 't-1\n', 'x'.repeat(MAX_ID_LENGTH + 1), 1, null, undefined, ['t-1']]) {
      const refused = rejection(id(value));
      expect(refused).toMatchObject({ kind: 'rejection', category: 'invalid', code: 'TEAM.ID_INVALID', field: 'teamId' });
      expect(refused.message).toMatch(/^Team id \S/);
    }
  });
});
