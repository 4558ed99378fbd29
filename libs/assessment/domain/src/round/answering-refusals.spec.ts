import { describe, it } from '@jest/globals';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import { roundDecider } from './round.decider';
import { byAnswerBox, counted, MEMBERS, ROUND, roundOpened, sealed, sheet, slotOf, TENANT } from './round.fixtures';
import { roundKeySubject } from './round.model';

const spec = DeciderSpecification.for(roundDecider);

/** What the answer service sends wrong is invalid input, refused with the field and a reason a person can act on. */
describe('a refused answer', () => {
  const given = [roundOpened(), counted(MEMBERS[0]!)];
  const answer = (overrides: Record<string, unknown> = {}) =>
    ({ type: 'RecordAnswer', data: { roundId: ROUND, slot: slotOf(0), answers: sheet(5, 5), sealed: sealed(roundKeySubject(TENANT, ROUND)), ...overrides } }) as never;

  const cases: [string, never, { reason?: string }, { code: string; field: string; says: string }][] = [
    ['with a reason', answer(), { reason: 'mine' }, { code: 'ANSWER.CONTEXT_IDENTIFYING', field: 'reason', says: 'could name its author' }],
    ['under a slot that is no hash', answer({ slot: 'short' }), {}, { code: 'ANSWER.SLOT_INVALID', field: 'slot', says: '16 to 128 characters' }],
    ['sealed under another subject', answer({ sealed: sealed(MEMBERS[0]!) }), {}, { code: 'ANSWER.NOT_SEALED', field: 'sealed', says: `vault subject ${roundKeySubject(TENANT, ROUND)}.` }],
  ];

  it.each(cases)('%s: is invalid, names the field and says why', (_, command, extra, { code, field, says }) => {
    spec.given(given).when(command, { ...byAnswerBox, ...extra }).thenRejects(code, { category: 'invalid', field, message: expect.stringContaining(says) as never });
  });
});
