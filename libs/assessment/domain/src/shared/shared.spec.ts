import { describe, expect, it } from '@jest/globals';
import type { CommandContext } from '@leerzone/kernel';
import { isRejection } from '@leerzone/kernel';
import { isSlug, MAX_SLUG_LENGTH, SLOT_PATTERN } from './assessment.constants';
import { requiredReason, requireInPerson } from './context';
import { isShuffleSeed, seededShuffle } from './seeded-shuffle';

const ctx = (id: string, kind: 'user' | 'service' = 'user') => ({ actor: { id, kind } }) as CommandContext;

describe('slugs', () => {
  it('are lower-case words joined by single hyphens, at most 60 characters', () => {
    expect(MAX_SLUG_LENGTH).toBe(60);
    expect(['budgeting', 'team-1', 'ps-7', 'a', 'x'.repeat(60)].every(isSlug)).toBe(true);
    for (const bad of ['x'.repeat(61), 'Team', 'team-', '-team', 'team--1', 'team 1', 'team!', 'team-1!', '', 42, null, undefined, ['team'], { toString: () => 'team' }]) {
      expect(isSlug(bad)).toBe(false);
    }
  });
});

describe('answer slots', () => {
  it('are 16 to 128 base64url or hex characters, nothing around them', () => {
    expect(SLOT_PATTERN.test('a'.repeat(16))).toBe(true);
    expect(SLOT_PATTERN.test('A_-9'.repeat(32))).toBe(true);
    for (const bad of ['a'.repeat(15), 'a'.repeat(129), `!${'a'.repeat(16)}`, `${'a'.repeat(16)}!`, `${'a'.repeat(16)}=`, `user anna ${'a'.repeat(16)}`]) {
      expect(SLOT_PATTERN.test(bad)).toBe(false);
    }
  });
});

describe('the reason a change carries', () => {
  it('is trimmed, and refused when blank or longer than the maximum, naming the field', () => {
    expect(requiredReason('  works council  ', 'X.REASON', 'do it')).toBe('works council');
    expect(requiredReason('r'.repeat(2000), 'X.REASON', 'do it')).toBe('r'.repeat(2000));
    expect(requiredReason(`  ${'r'.repeat(2000)}  `, 'X.REASON', 'do it')).toBe('r'.repeat(2000));
    expect(requiredReason('r'.repeat(10), 'X.REASON', 'do it', 10)).toBe('r'.repeat(10));
    for (const blank of [undefined, '', '   ', '\n\t']) {
      const refusal = requiredReason(blank, 'X.REASON', 'close the round');
      expect(refusal).toMatchObject({ category: 'invalid', code: 'X.REASON', field: 'reason' });
      expect(isRejection(refusal) && refusal.message).toContain('close the round');
    }
    for (const [reason, max] of [['r'.repeat(2001), undefined], ['r'.repeat(11), 10]] as const) {
      const refusal = requiredReason(reason, 'X.REASON', 'do it', max);
      expect(refusal).toMatchObject({ category: 'invalid', code: 'X.REASON', field: 'reason' });
      expect(isRejection(refusal) && refusal.message).toContain(String(max ?? 2000));
    }
  });
});

describe('speaking in person', () => {
  it('only that user may, no one else and no service under the same id', () => {
    expect(requireInPerson(ctx('user-anna'), 'user-anna', 'respondentId', 'X.NOT_YOU', 'answer')).toBeNull();
    for (const other of [ctx('user-bram'), ctx('user-anna', 'service')]) {
      const refusal = requireInPerson(other, 'user-anna', 'respondentId', 'X.NOT_YOU', 'answer');
      expect(refusal).toMatchObject({ category: 'forbidden', code: 'X.NOT_YOU', field: 'respondentId' });
      expect(refusal?.message).toContain('user-anna');
    }
  });
});

describe('the seeded shuffle', () => {
  it('takes a whole 32-bit unsigned seed only', () => {
    expect([0, 1, 42, 0xffffffff].every(isShuffleSeed)).toBe(true);
    for (const bad of [-1, 0x100000000, 1.5, Number.NaN, Number.POSITIVE_INFINITY, '5', null, undefined]) expect(isShuffleSeed(bad)).toBe(false);
  });

  it('is a permutation of a copy, the same for the same seed', () => {
    const items = Object.freeze([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    const shuffled = seededShuffle(items, 42);
    expect(shuffled).toHaveLength(10);
    expect([...shuffled].sort((x, y) => x - y)).toEqual(items);
    expect(seededShuffle(items, 42)).toEqual(shuffled);
    expect(seededShuffle([], 7)).toEqual([]);
    expect(seededShuffle(['only'], 7)).toEqual(['only']);
  });

  it('orders by mulberry32 and Fisher–Yates, so an order once shown is reproducible from its seed', () => {
    // Reference values of mulberry32 + Fisher–Yates from the last index down (computed once, kept so the order never silently changes).
    expect(seededShuffle([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 42)).toEqual(REFERENCE_42);
    expect(seededShuffle([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 0)).toEqual(REFERENCE_0);
    expect(seededShuffle([0, 1, 2, 3, 4, 5, 6, 7, 8, 9], 0xffffffff)).toEqual(REFERENCE_MAX);
  });
});

const REFERENCE_42 = [0, 7, 3, 5, 2, 1, 8, 9, 4, 6];
const REFERENCE_0 = [3, 8, 6, 4, 5, 9, 7, 1, 0, 2];
const REFERENCE_MAX = [3, 0, 9, 4, 2, 7, 6, 5, 1, 8];
