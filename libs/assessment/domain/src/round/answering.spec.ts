import { describe, expect, it } from '@jest/globals';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import { roundDecider } from './round.decider';
import { answered, as, byAnswerBox, COACH, counted, MEMBERS, NOW, ROUND, roundOpened, sealed, sheet, slotOf, TENANT, withAnswers } from './round.fixtures';
import { roundKeySubject } from './round.model';

const spec = DeciderSpecification.for(roundDecider);
const now = NOW.toISOString();
const ANNA = MEMBERS[0]!;
const participate = (respondentId = ANNA) => ({ type: 'RecordParticipation', data: { roundId: ROUND, respondentId } }) as const;
const theSealed = sealed(roundKeySubject(TENANT, ROUND), 'new-answer');
const answer = (overrides: Record<string, unknown> = {}) =>
  ({ type: 'RecordAnswer', data: { roundId: ROUND, slot: slotOf(0), answers: sheet(5, 5), sealed: theSealed, ...overrides } }) as never;

describe('participation', () => {
  it('counts a member of the group, in person, once', () => {
    spec.given([roundOpened()]).when(participate(), as(ANNA)).then([{ type: 'RespondentCounted', data: { roundId: ROUND, respondentId: ANNA, countedAt: now } }]);
    spec.given([roundOpened(), counted(ANNA)]).when(participate(), as(ANNA)).thenNothingHappens();
  });

  it('refuses someone answering for another, or from outside the frozen group', () => {
    spec.given([roundOpened()]).when(participate(), as(COACH)).thenRejects('ROUND.ANSWER_IN_PERSON', { category: 'forbidden', field: 'respondentId' });
    spec.given([roundOpened()]).when(participate('user-gus'), as('user-gus')).thenRejects('ROUND.NOT_A_RESPONDENT', { category: 'forbidden' });
  });

  it('takes nothing after closesAt or after the close', () => {
    spec.given([roundOpened({ closesAt: '2026-01-15T09:00:00.000Z' })]).when(participate(), as(ANNA)).thenRejects('ROUND.CLOSED', { category: 'precondition' });
    spec.given([roundOpened({ closesAt: '2026-01-15T09:00:00.001Z' })]).when(participate(), as(ANNA)).then([{ type: 'RespondentCounted', data: { roundId: ROUND, respondentId: ANNA, countedAt: now } }]);
    const closed = { type: 'RoundClosed' as const, data: { roundId: ROUND, teamId: 'team-a', outcome: 'not-enough-answers' as const, results: null, zone: null, comments: [], commentsDatedAt: null, closedBy: COACH, closedAt: now } };
    spec.given([roundOpened(), closed]).when(participate(), as(ANNA)).thenRejects('ROUND.CLOSED');
  });
});

describe('answers', () => {
  it('records an answer under a slot, with no person in it', () => {
    spec
      .given([roundOpened(), counted(ANNA)])
      .when(answer({ comment: 'We could say more in retros.' }), byAnswerBox)
      .then([{ type: 'AnswerRecorded', data: { roundId: ROUND, slot: slotOf(0), sealed: theSealed, replacesEarlier: false } }]);
  });

  it('replaces the earlier answer of the same slot', () => {
    spec.given(withAnswers(1)).when(answer(), byAnswerBox).then([{ type: 'AnswerRecorded', data: { roundId: ROUND, slot: slotOf(0), sealed: theSealed, replacesEarlier: true } }]);
  });

  it('takes a new slot only for a counted respondent', () => {
    spec.given([roundOpened()]).when(answer(), byAnswerBox).thenRejects('ANSWER.NOT_COUNTED', { category: 'precondition' });
    spec.given(withAnswers(1)).when(answer({ slot: slotOf(1) }), byAnswerBox).thenRejects('ANSWER.NOT_COUNTED');
  });

  it('refuses an identifying envelope: the respondent as actor, or a reason', () => {
    spec.given([roundOpened(), counted(ANNA)]).when(answer(), as(ANNA)).thenRejects('ANSWER.ACTOR_IDENTIFYING', { category: 'forbidden' });
    spec.given([roundOpened(), counted(ANNA)]).when(answer(), { ...byAnswerBox, reason: 'Anna’s answer' }).thenRejects('ANSWER.CONTEXT_IDENTIFYING', { field: 'reason' });
  });

  it('refuses a slot that is not a keyed hash, or an answer not sealed with the round key', () => {
    spec.given([roundOpened(), counted(ANNA)]).when(answer({ slot: 'short' }), byAnswerBox).thenRejects('ANSWER.SLOT_INVALID', { field: 'slot' });
    spec.given([roundOpened(), counted(ANNA)]).when(answer({ sealed: sealed(ANNA) }), byAnswerBox).thenRejects('ANSWER.NOT_SEALED', { field: 'sealed' });
    spec.given([roundOpened(), counted(ANNA)]).when(answer({ sealed: sealed(roundKeySubject('tenant-other', ROUND)) }), byAnswerBox).thenRejects('ANSWER.NOT_SEALED', { field: 'sealed' });
  });

  it('keeps a round opened before subjects were tenant-scoped on the legacy subject its slot key names', () => {
    const legacy = `assessment-round-${ROUND}`;
    const given = [roundOpened({ slotKey: sealed(legacy, 'slot-secret') }), counted(ANNA)];
    const legacySealed = sealed(legacy, 'new-answer');
    spec.given(given).when(answer({ sealed: legacySealed }), byAnswerBox).then([{ type: 'AnswerRecorded', data: { roundId: ROUND, slot: slotOf(0), sealed: legacySealed, replacesEarlier: false } }]);
    // An answer under the scoped subject would outlive the close, which erases the round's own (legacy) key.
    spec.given(given).when(answer({ sealed: theSealed }), byAnswerBox).thenRejects('ANSWER.NOT_SEALED', { field: 'sealed' });
  });

  describe('bad answers are refused with the field and write nothing', () => {
    const given = [roundOpened(), counted(ANNA)];
    const [safety, standards] = sheet(5, 5);
    const withResponse = (index: number, response: unknown) => [{ ...safety!, responses: safety!.responses.map((r, i) => (i === index ? response : r)) }, standards];

    it('out of scale', () => {
      for (const value of [0, 8, 4.5, '5']) {
        spec.given(given).when(answer({ answers: withResponse(3, { itemId: 'ps-4', value }) }), byAnswerBox).thenRejects('ANSWER.VALUE_OUT_OF_SCALE', { field: 'answers[0].responses[3].value' });
      }
    });

    it('missing items', () => {
      const rejection = spec
        .given(given)
        .when(answer({ answers: [{ ...safety!, responses: safety!.responses.slice(1) }, standards] }), byAnswerBox)
        .thenRejects('ANSWER.ITEM_MISSING', { field: 'answers[0].responses' });
      expect(rejection.details).toEqual({ missing: ['ps-1'] });
    });

    it('unknown items, and a second instrument’s items', () => {
      spec.given(given).when(answer({ answers: withResponse(0, { itemId: 'ps-9', value: 3 }) }), byAnswerBox).thenRejects('ANSWER.ITEM_UNKNOWN', { field: 'answers[0].responses[0].itemId' });
      const other = spec.given(given).when(answer({ answers: withResponse(0, { itemId: 'std-1', value: 3 }) }), byAnswerBox).thenRejects('ANSWER.ITEM_UNKNOWN');
      expect(other.message).toContain('belongs to leerzone-standards');
      spec.given(given).when(answer({ answers: withResponse(1, { itemId: 'ps-1', value: 3 }) }), byAnswerBox).thenRejects('ANSWER.ITEM_TWICE', { field: 'answers[0].responses[1].itemId' });
    });

    it('unknown instrument version, instruments not in the round, or missing', () => {
      spec.given(given).when(answer({ answers: [{ ...safety!, version: 2 }, standards] }), byAnswerBox).thenRejects('ANSWER.VERSION_UNKNOWN', { field: 'answers[0].version' });
      spec
        .given(given)
        .when(answer({ answers: [safety, standards, { instrumentId: 'abi-trustworthiness', version: 1, responses: [] }] }), byAnswerBox)
        .thenRejects('ANSWER.INSTRUMENT_UNKNOWN', { field: 'answers[2].instrumentId' });
      spec.given(given).when(answer({ answers: [safety] }), byAnswerBox).thenRejects('ANSWER.INSTRUMENT_MISSING', { field: 'answers' });
      spec.given(given).when(answer({ answers: [safety, safety] }), byAnswerBox).thenRejects('ANSWER.INSTRUMENT_TWICE', { field: 'answers[1].instrumentId' });
      spec.given(given).when(answer({ answers: 'all fives' }), byAnswerBox).thenRejects('ANSWER.INVALID', { field: 'answers' });
    });

    it('a comment that is too long', () => {
      spec.given(given).when(answer({ comment: 'x'.repeat(2001) }), byAnswerBox).thenRejects('ANSWER.COMMENT_INVALID', { field: 'comment' });
    });
  });

  it('keeps every respondent id out of the answer events', () => {
    const events = withAnswers(5);
    const answers = JSON.stringify(events.filter((e) => e.type === 'AnswerRecorded'));
    for (const member of MEMBERS) expect(answers).not.toContain(member);
    // and the respondent count never holds an answer
    expect(JSON.stringify(events.filter((e) => e.type === 'RespondentCounted'))).not.toMatch(/slot|sealed/);
  });
});

it('keeps a replaced answer from being counted twice', () => {
  const state = [...withAnswers(1), answered(0, true)].reduce(roundDecider.evolve, roundDecider.initialState);
  expect(state.slots.size).toBe(1);
  expect(state.counted.size).toBe(1);
});
