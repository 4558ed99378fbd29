import { describe, it } from '@jest/globals';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import { ABI_TRUSTWORTHINESS_V1 } from '../instrument/published/abi-trustworthiness.instrument';
import { roundDecider } from './round.decider';
import { as, COACH, INSTRUMENTS, MEMBERS, ROUND, roundOpened, sealed, slotKey, TEAM, TENANT } from './round.fixtures';
import { roundKeySubject } from './round.model';

const spec = DeciderSpecification.for(roundDecider);

/** Opening a round or growing its group with bad input is invalid, refused with the field and the limit or value at fault. */
describe('a refused round change', () => {
  const open = (overrides: Record<string, unknown> = {}) =>
    ({ type: 'OpenRound', data: { roundId: ROUND, teamId: TEAM, instruments: INSTRUMENTS, respondentIds: MEMBERS, slotKey, ...overrides } }) as never;
  const [safety, standards] = INSTRUMENTS;
  const clash = { ...ABI_TRUSTWORTHINESS_V1, items: [{ ...ABI_TRUSTWORTHINESS_V1.items[0]!, itemId: 'ps-1' }] };
  const ids = (n: number) => Array.from({ length: n }, (_, i) => `m-${i}`);

  const cases: [string, unknown[], never, { code: string; field: string; says: string }][] = [
    ['a round without instruments', [], open({ instruments: [] }), { code: 'ROUND.INSTRUMENTS_INVALID', field: 'instruments', says: '1 to 5 instruments' }],
    ['an instrument without items', [], open({ instruments: [safety, { ...standards, items: [] }] }), { code: 'ROUND.INSTRUMENTS_INVALID', field: 'instruments[1]', says: 'with a version and items' }],
    ['an instrument twice', [], open({ instruments: [safety, safety] }), { code: 'ROUND.INSTRUMENT_TWICE', field: 'instruments[1]', says: 'psychological-safety is in the round twice' }],
    ['an item id in two instruments', [], open({ instruments: [...INSTRUMENTS, clash] }), { code: 'ROUND.ITEM_IDS_CLASH', field: 'instruments[2]', says: 'Item id ps-1 occurs in two instruments' }],
    ['a close that is no instant', [], open({ closesAt: 'next week' }), { code: 'ROUND.CLOSES_AT_INVALID', field: 'closesAt', says: 'ISO-8601 instant' }],
    ['a close that is not in the future', [], open({ closesAt: '2026-01-15T09:00:00Z' }), { code: 'ROUND.CLOSES_AT_INVALID', field: 'closesAt', says: 'in the future' }],
    ['a slot key of another subject', [], open({ slotKey: sealed(MEMBERS[0]!) }), { code: 'ROUND.SLOT_KEY_INVALID', field: 'slotKey', says: `vault subject ${roundKeySubject(TENANT, ROUND)}` }],
    ['a group grown past 500', [roundOpened()], { type: 'AddRespondents', data: { roundId: ROUND, memberIds: ids(495) } } as never, { code: 'ROUND.RESPONDENTS_INVALID', field: 'memberIds', says: 'at most 500 respondents' }],
  ];

  it.each(cases)('%s: is invalid, names the field and says what is allowed', (_, given, command, { code, field, says }) => {
    spec.given(given as never).when(command, as(COACH, { reason: 'asked by the team' })).thenRejects(code, { category: 'invalid', field, message: expect.stringContaining(says) as never });
  });
});
