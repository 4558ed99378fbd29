import { describe, expect, it } from '@jest/globals';
import { MAX_REASON_LENGTH, requiredReason } from './validation';

describe('requiredReason', () => {
  it('returns the reason without its surrounding spaces', () => {
    expect(requiredReason('  pilot budget  ', 'set a boundary')).toBe('pilot budget');
  });

  it('accepts a reason of exactly the maximum length, counted after trimming', () => {
    const longest = 'r'.repeat(MAX_REASON_LENGTH);
    expect(requiredReason(longest, 'set a boundary')).toBe(longest);
    expect(requiredReason(`   ${longest}   `, 'set a boundary')).toBe(longest);
  });

  it('refuses a reason one character longer than the maximum, naming the limit', () => {
    expect(requiredReason('r'.repeat(MAX_REASON_LENGTH + 1), 'set a boundary')).toEqual({
      kind: 'rejection',
      category: 'invalid',
      code: 'GOVERNANCE.REASON_REQUIRED',
      field: 'reason',
      message: `The reason may be at most ${MAX_REASON_LENGTH} characters.`,
    });
  });

  it.each([
    ['missing', undefined],
    ['blank', '   '],
  ])('refuses a %s reason, saying what it is needed for', (_, reason) => {
    expect(requiredReason(reason, 'set a boundary')).toEqual({
      kind: 'rejection',
      category: 'invalid',
      code: 'GOVERNANCE.REASON_REQUIRED',
      field: 'reason',
      message: 'A reason is required to set a boundary.',
    });
  });
});
