import { describe, expect, it } from '@jest/globals';
import { parseAnswerSheet } from './answer-sheet';
import { INSTRUMENTS, sheet } from './round.fixtures';

/** Every refusal of the answer sheet is the caller's input at fault, and says which value, item or instrument. */
describe('a refused answer sheet', () => {
  const [safety, standards] = sheet(5, 5);
  const withSafety = (responses: unknown[]) => [{ ...safety!, responses }, standards];
  const safetyResponses = safety!.responses;

  const cases: [string, unknown, { code: string; field: string; says: string }][] = [
    ['not a list', 'all fives', { code: 'ANSWER.INVALID', field: 'answers', says: 'one entry per instrument' }],
    ['an instrument the round does not ask', [{ instrumentId: 'abi-trustworthiness', version: 1, responses: [] }], { code: 'ANSWER.INSTRUMENT_UNKNOWN', field: 'answers[0].instrumentId', says: 'does not ask abi-trustworthiness; it asks psychological-safety, leerzone-standards.' }],
    ['another version', [{ ...safety!, version: 2 }, standards], { code: 'ANSWER.VERSION_UNKNOWN', field: 'answers[0].version', says: 'psychological-safety version 1, not 2.' }],
    ['an item nobody has', withSafety([{ itemId: 'ps-9', value: 3 }]), { code: 'ANSWER.ITEM_UNKNOWN', field: 'answers[0].responses[0].itemId', says: 'psychological-safety has no item ps-9.' }],
    ['an item twice', withSafety([safetyResponses[0], safetyResponses[0]]), { code: 'ANSWER.ITEM_TWICE', field: 'answers[0].responses[1].itemId', says: 'Item ps-1 is answered twice.' }],
    ['a value past the scale', withSafety([{ itemId: 'ps-1', value: 8 }]), { code: 'ANSWER.VALUE_OUT_OF_SCALE', field: 'answers[0].responses[0].value', says: 'from 1 (Very inaccurate) to 7 (Very accurate)' }],
    ['items missing', withSafety(safetyResponses.slice(2)), { code: 'ANSWER.ITEM_MISSING', field: 'answers[0].responses', says: 'psychological-safety is missing ps-1, ps-2.' }],
    ['an instrument twice', [safety, safety], { code: 'ANSWER.INSTRUMENT_TWICE', field: 'answers[1].instrumentId', says: 'psychological-safety is answered twice.' }],
    ['every instrument missing', [], { code: 'ANSWER.INSTRUMENT_MISSING', field: 'answers', says: 'psychological-safety, leerzone-standards is missing.' }],
  ];

  it.each(cases)('%s: is invalid, names the field and says what is wrong', (_, answers, { code, field, says }) => {
    const refusal = parseAnswerSheet(answers, INSTRUMENTS);
    expect(refusal).toMatchObject({ kind: 'rejection', category: 'invalid', code, field });
    expect((refusal as { message: string }).message).toContain(says);
  });
});
