import { describe, it } from '@jest/globals';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import { DEFAULT_ZONE_THRESHOLDS } from '../scoring/zones';
import { roundDecider } from './round.decider';
import { as, COACH, MEMBERS, ROUND, sealed, sheet, withAnswers } from './round.fixtures';

const spec = DeciderSpecification.for(roundDecider);

/** A close with bad lookups or comments is the caller's invalid input, refused with the field and what would be right. */
describe('a refused close', () => {
  const close = (overrides: Record<string, unknown> = {}) =>
    ({
      type: 'CloseRound',
      data: { roundId: ROUND, sheets: Array.from({ length: 5 }, () => sheet(5, 5)), comments: [], shuffleSeed: 42, previousZone: null, zoneThresholds: DEFAULT_ZONE_THRESHOLDS, ...overrides },
    }) as never;

  const cases: [string, never, { code: string; field: string; says: string }][] = [
    ['with a previous zone that is none', close({ previousZone: 'panic' }), { code: 'ROUND.PREVIOUS_ZONE_INVALID', field: 'previousZone', says: 'one of learning, comfort, anxiety, apathy, or null' }],
    ['with a seed that is no 32-bit whole number', close({ shuffleSeed: 2 ** 32 }), { code: 'ROUND.SHUFFLE_SEED_INVALID', field: 'shuffleSeed', says: '0 to 2^32 − 1' }],
    ['with comments that are no list', close({ comments: 'fine' }), { code: 'ROUND.COMMENTS_INVALID', field: 'comments', says: 'at most one per answer' }],
    ['with a comment under a person', close({ comments: [sealed(MEMBERS[0]!)] }), { code: 'ROUND.COMMENTS_INVALID', field: 'comments[0]', says: 'assessment-comment-<random id>' }],
  ];

  it.each(cases)('%s: is invalid, names the field and says what is allowed', (_, command, { code, field, says }) => {
    spec.given(withAnswers(5)).when(command, as(COACH)).thenRejects(code, { category: 'invalid', field, message: expect.stringContaining(says) as never });
  });
});
