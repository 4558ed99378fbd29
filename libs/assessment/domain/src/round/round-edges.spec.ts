import { describe, expect, it } from '@jest/globals';
import type { Rejection } from '@leerzone/kernel';
import { isRejection } from '@leerzone/kernel';
import { DeciderSpecification, testContext } from '@leerzone/kernel/testing';
import { ABI_TRUSTWORTHINESS_V1 } from '../instrument/published/abi-trustworthiness.instrument';
import { PSYCHOLOGICAL_SAFETY_V1 } from '../instrument/published/psychological-safety.instrument';
import type { InstrumentDefinition } from '../instrument/instrument.model';
import type { InstrumentResult } from '../scoring/score-instrument';
import { DEFAULT_ZONE_THRESHOLDS } from '../scoring/zones';
import { parseAnswerSheet } from './answer-sheet';
import { roundDecider, roundStreamId } from './round.decider';
import type { RoundClosed, RoundEvent } from './round.events';
import { answered, as, byAnswerBox, COACH, counted, INSTRUMENTS, MEMBERS, NOW, ROUND, roundOpened, sealed, sheet, slotKey, slotOf, T0, TEAM, TENANT, uniformAnswer } from './round.fixtures';
import { commentSubject, roundKeySubject } from './round.model';
import { hasAnswered, publishedComments, roundProgress, roundResults } from './round.queries';
import { initialRoundState } from './round.state';

/** Edges of the round's rules: the other branch of every condition, equal values, first and last elements. */
const spec = DeciderSpecification.for(roundDecider);
const now = NOW.toISOString();
const ANNA = MEMBERS[0]!;
const state = (events: RoundEvent[]) => events.reduce(roundDecider.evolve, roundDecider.initialState);
const open = (overrides: Record<string, unknown> = {}) =>
  ({ type: 'OpenRound', data: { roundId: ROUND, teamId: TEAM, instruments: INSTRUMENTS, respondentIds: MEMBERS, slotKey, ...overrides } }) as never;
/** A refusal reads as a sentence that names its subject: no blank start, no gap where a label or action is missing. */
const wellFormed = (r: unknown): Rejection => {
  if (!isRejection(r)) throw new Error(`Expected a rejection, got ${JSON.stringify(r)}`);
  expect(r.message).toMatch(/^\S/);
  expect(r.message).not.toMatch(/\s\s|\s[.,;:)]/);
  return r;
};
const ids = (n: number, prefix = 'm') => Array.from({ length: n }, (_, i) => `${prefix}-${i}`);
/** A distinct instrument: ABI's items under other ids, so no item id clashes. */
const copyOf = (n: number): InstrumentDefinition => ({
  ...ABI_TRUSTWORTHINESS_V1,
  instrumentId: `copy-${n}`,
  items: ABI_TRUSTWORTHINESS_V1.items.map((item) => ({ ...item, itemId: `c${n}-${item.itemId}` })),
});
const closedEvent = (overrides: Partial<RoundClosed['data']> = {}): RoundEvent => ({
  type: 'RoundClosed',
  data: { roundId: ROUND, teamId: TEAM, outcome: 'not-enough-answers', results: null, zone: null, comments: [], commentsDatedAt: null, closedBy: COACH, closedAt: T0, ...overrides },
});

describe('the round stream', () => {
  it('is scoped by tenant', () => {
    expect(roundStreamId('acme', 'r-1')).toBe('assessment-round-4:acme:r-1');
    expect(roundStreamId('globex', 'r-1')).not.toBe(roundStreamId('acme', 'r-1'));
  });

  it('starts empty and refuses commands and events it does not know', () => {
    expect(initialRoundState.instruments).toEqual([]);
    expect(initialRoundState.focusItems).toEqual([]);
    expect(() => roundDecider.decide({ type: 'Frobnicate', data: {} } as never, initialRoundState, testContext())).toThrow(/Frobnicate/);
    expect(() => roundDecider.evolve(initialRoundState, { type: 'Frobnicated', data: {} } as never)).toThrow(/Frobnicated/);
  });
});

describe('opening: edges', () => {
  it('names the round that already exists and refuses an empty round id', () => {
    spec.given([roundOpened()]).when(open()).thenRejects('ROUND.ALREADY_EXISTS', { field: 'roundId', category: 'conflict' });
    wellFormed(spec.given([]).when(open({ roundId: '' })).thenRejects('ROUND.ID_INVALID', { field: 'roundId' }));
    wellFormed(spec.given([]).when(open({ teamId: ' ' })).thenRejects('ROUND.TEAM_INVALID', { field: 'teamId' }));
    wellFormed(spec.given([]).when(open({ previousRoundId: ' ' })).thenRejects('ROUND.PREVIOUS_INVALID', { field: 'previousRoundId' }));
    wellFormed(spec.given([]).when(open({ respondentIds: [] })).thenRejects('ROUND.RESPONDENTS_INVALID', { field: 'respondentIds' }));
    wellFormed(spec.given([]).when(open({ respondentIds: [ANNA, ' x'] })).thenRejects('ROUND.RESPONDENTS_INVALID', { field: 'respondentIds[1]' }));
  });

  it('asks 1 to 5 instruments: five are taken, six or none or no list are not', () => {
    const five = [PSYCHOLOGICAL_SAFETY_V1, copyOf(1), copyOf(2), copyOf(3), copyOf(4)];
    spec.given([]).when(open({ instruments: five }), as(COACH)).then([roundOpened({ instruments: five, openedAt: now })]);
    spec.given([]).when(open({ instruments: [...five, copyOf(5)] })).thenRejects('ROUND.INSTRUMENTS_INVALID', { field: 'instruments' });
    for (const notAList of ['all of them', 'ps', {}, undefined]) spec.given([]).when(open({ instruments: notAList })).thenRejects('ROUND.INSTRUMENTS_INVALID', { field: 'instruments' });
  });

  it('wants each instrument resolved: a whole version from 1 and at least one item', () => {
    const [safety, standards] = INSTRUMENTS;
    for (const bad of [null, { ...standards, version: 0 }, { ...standards, version: 1.5 }, { ...standards, version: undefined }, { ...standards, items: 'ps-1' }, { ...standards, items: [] }]) {
      spec.given([]).when(open({ instruments: [safety, bad] })).thenRejects('ROUND.INSTRUMENTS_INVALID', { field: 'instruments[1]' });
    }
    spec.given([]).when(open({ instruments: [null, standards] })).thenRejects('ROUND.INSTRUMENTS_INVALID', { field: 'instruments[0]' });
  });

  it('takes a group of exactly 500 distinct respondents, not 501', () => {
    spec.given([]).when(open({ respondentIds: ids(500) }), as(COACH)).then([roundOpened({ respondentIds: ids(500), openedAt: now })]);
    spec.given([]).when(open({ respondentIds: ids(501) })).thenRejects('ROUND.RESPONDENTS_INVALID', { field: 'respondentIds' });
    // Duplicates count once, also against the maximum.
    spec.given([]).when(open({ respondentIds: [...ids(500), 'm-0'] }), as(COACH)).then([roundOpened({ respondentIds: ids(500), openedAt: now })]);
  });

  it('says which minimum and which sizes a refusal is about', () => {
    const low = spec.given([]).when(open({ anonymityThreshold: 2 })).thenRejects('ROUND.THRESHOLD_TOO_LOW');
    expect(low.details).toEqual({ minimum: 3 });
    const small = spec.given([]).when(open({ respondentIds: MEMBERS.slice(0, 4) })).thenRejects('ROUND.GROUP_BELOW_THRESHOLD');
    expect(small.details).toEqual({ groupSize: 4, threshold: 5 });
  });
});

describe('threshold and group changes: edges', () => {
  const change = (threshold: unknown, roundId = ROUND) => ({ type: 'ChangeAnonymityThreshold', data: { roundId, threshold } }) as never;
  const add = (memberIds: unknown) => ({ type: 'AddRespondents', data: { roundId: ROUND, memberIds } }) as never;
  const reason = { reason: 'asked by the team' };

  it('need the round: none, another round’s id, or a closed one', () => {
    spec.given([]).when(change(6), as(COACH, reason)).thenRejects('ROUND.NOT_FOUND', { field: 'roundId', category: 'not-found' });
    spec.given([roundOpened()]).when(change(6, 'r-2'), as(COACH, reason)).thenRejects('ROUND.NOT_FOUND', { field: 'roundId' });
    spec.given([roundOpened(), closedEvent()]).when(change(6), as(COACH, reason)).thenRejects('ROUND.ALREADY_CLOSED', { field: 'roundId', category: 'conflict' });
  });

  it('locks lowering under a stored answer, and says the current threshold', () => {
    const locked = spec.given([roundOpened(), answered(0)]).when(change(4), as(COACH, reason)).thenRejects('ROUND.THRESHOLD_LOCKED', { field: 'threshold' });
    expect(locked.details).toEqual({ current: 5 });
    spec.given([roundOpened(), counted(ANNA)]).when(change(6), as(COACH, reason)).then([
      { type: 'AnonymityThresholdChanged', data: { roundId: ROUND, previousThreshold: 5, threshold: 6, changedBy: COACH, changedAt: now, reason: 'asked by the team' } },
    ]);
  });

  it('evolves into the new threshold and the grown group', () => {
    const changed: RoundEvent = { type: 'AnonymityThresholdChanged', data: { roundId: ROUND, previousThreshold: 5, threshold: 6, changedBy: COACH, changedAt: T0, reason: 'x' } };
    expect(state([roundOpened(), changed]).anonymityThreshold).toBe(6);
    // The new threshold is the one lowering is measured against.
    spec.given([roundOpened(), changed]).when(change(6), as(COACH, reason)).thenNothingHappens();
    const added: RoundEvent = { type: 'RespondentsAdded', data: { roundId: ROUND, memberIds: ['user-gus'], addedBy: COACH, addedAt: T0, reason: 'x' } };
    expect([...state([roundOpened(), added]).respondentIds]).toEqual([...MEMBERS, 'user-gus']);
    spec.given([roundOpened(), added]).when({ type: 'RecordParticipation', data: { roundId: ROUND, respondentId: 'user-gus' } }, as('user-gus')).then([
      { type: 'RespondentCounted', data: { roundId: ROUND, respondentId: 'user-gus', countedAt: now } },
    ]);
  });

  it('grow the group up to 500 in all, never past it, and refuse an empty or unreadable list', () => {
    spec.given([roundOpened()]).when(add(ids(494)), as(COACH, reason)).then([
      { type: 'RespondentsAdded', data: { roundId: ROUND, memberIds: ids(494), addedBy: COACH, addedAt: now, reason: 'asked by the team' } },
    ]);
    spec.given([roundOpened()]).when(add(ids(495)), as(COACH, reason)).thenRejects('ROUND.RESPONDENTS_INVALID', { field: 'memberIds' });
    spec.given([roundOpened()]).when(add(ids(501)), as(COACH, reason)).thenRejects('ROUND.RESPONDENTS_INVALID', { field: 'memberIds' });
    wellFormed(spec.given([roundOpened()]).when(add([]), as(COACH, reason)).thenRejects('ROUND.RESPONDENTS_INVALID', { field: 'memberIds' }));
    wellFormed(spec.given([roundOpened()]).when(add(['user-gus', 7]), as(COACH, reason)).thenRejects('ROUND.RESPONDENTS_INVALID', { field: 'memberIds[1]' }));
  });

  it('say what a missing reason was needed for', () => {
    wellFormed(spec.given([roundOpened()]).when(add(['user-gus']), as(COACH)).thenRejects('ROUND.REASON_REQUIRED', { field: 'reason' }));
    wellFormed(spec.given([roundOpened()]).when(change(6), as(COACH)).thenRejects('ROUND.REASON_REQUIRED', { field: 'reason' }));
  });
});

describe('answering: edges', () => {
  const participate = (respondentId: unknown, roundId = ROUND) => ({ type: 'RecordParticipation', data: { roundId, respondentId } }) as never;
  const theSealed = sealed(roundKeySubject(TENANT, ROUND), 'new-answer');
  const answer = (overrides: Record<string, unknown> = {}) =>
    ({ type: 'RecordAnswer', data: { roundId: ROUND, slot: slotOf(0), answers: sheet(5, 5), sealed: theSealed, ...overrides } }) as never;
  const recorded = (slot = slotOf(0)) => [{ type: 'AnswerRecorded', data: { roundId: ROUND, slot, sealed: theSealed, replacesEarlier: false } }] as RoundEvent[];
  const given = [roundOpened(), counted(ANNA)];

  it('need an existing, matching round that still takes answers, and say it is the round', () => {
    spec.given([]).when(participate(ANNA), as(ANNA)).thenRejects('ROUND.NOT_FOUND', { field: 'roundId' });
    spec.given([roundOpened()]).when(participate(ANNA, 'r-2'), as(ANNA)).thenRejects('ROUND.NOT_FOUND', { field: 'roundId' });
    spec.given([]).when(answer(), byAnswerBox).thenRejects('ROUND.NOT_FOUND', { field: 'roundId' });
    spec.given([roundOpened(), closedEvent()]).when(participate(ANNA), as(ANNA)).thenRejects('ROUND.CLOSED', { field: 'roundId' });
    spec.given([roundOpened({ closesAt: now })]).when(answer(), byAnswerBox).thenRejects('ROUND.CLOSED', { field: 'roundId', category: 'precondition' });
  });

  it('refuse an unreadable respondent id and name the field of an outsider', () => {
    wellFormed(spec.given([roundOpened()]).when(participate(''), as(ANNA)).thenRejects('ROUND.RESPONDENT_INVALID', { field: 'respondentId' }));
    wellFormed(spec.given([roundOpened()]).when(participate(ANNA), as(COACH)).thenRejects('ROUND.ANSWER_IN_PERSON', { field: 'respondentId' }));
    wellFormed(spec.given([roundOpened(), counted(ANNA)]).when(answer({ comment: 'x'.repeat(2001) }), byAnswerBox).thenRejects('ANSWER.COMMENT_INVALID', { field: 'comment' }));
    spec.given([roundOpened()]).when(participate('user-gus'), as('user-gus')).thenRejects('ROUND.NOT_A_RESPONDENT', { field: 'respondentId' });
  });

  it('take answers only from the answer service, under no respondent’s id', () => {
    spec.given(given).when(answer(), as('some-user')).thenRejects('ANSWER.ACTOR_IDENTIFYING', { field: 'actor', category: 'forbidden' });
    spec.given(given).when(answer(), { ...byAnswerBox, actor: { id: ANNA, kind: 'service' } }).thenRejects('ANSWER.ACTOR_IDENTIFYING', { field: 'actor' });
  });

  it('refuse any reason with text, but not an empty or blank one', () => {
    spec.given(given).when(answer(), { ...byAnswerBox, reason: 'x' }).thenRejects('ANSWER.CONTEXT_IDENTIFYING', { field: 'reason' });
    spec.given(given).when(answer(), { ...byAnswerBox, reason: '' }).then(recorded());
    spec.given(given).when(answer(), { ...byAnswerBox, reason: '   ' }).then(recorded());
  });

  it('want a slot of 16 to 128 hash characters that is nobody’s id', () => {
    const longId = 'user-with-a-long-id';
    const withLong = [roundOpened({ respondentIds: [...MEMBERS, longId] }), counted(ANNA)];
    spec.given(withLong).when(answer({ slot: longId }), byAnswerBox).thenRejects('ANSWER.SLOT_INVALID', { field: 'slot' });
    spec.given(given).when(answer({ slot: 1234567890123456 }), byAnswerBox).thenRejects('ANSWER.SLOT_INVALID', { field: 'slot' });
    spec.given(given).when(answer({ slot: 'a'.repeat(16) }), byAnswerBox).then(recorded('a'.repeat(16)));
    spec.given(given).when(answer({ slot: 'a'.repeat(129) }), byAnswerBox).thenRejects('ANSWER.SLOT_INVALID', { field: 'slot' });
    spec.given([roundOpened()]).when(answer(), byAnswerBox).thenRejects('ANSWER.NOT_COUNTED', { field: 'slot' });
  });
});

describe('the answer sheet: edges', () => {
  const [safety, standards] = sheet(5, 5);

  it('takes the first and the last scale point, nothing past them', () => {
    for (const value of [1, 7]) expect(isRejection(parseAnswerSheet([uniformAnswer(INSTRUMENTS[0]!, 4), { ...standards!, responses: standards!.responses.map((r) => ({ ...r, value })) }], INSTRUMENTS))).toBe(false);
    const abi = { instrumentId: 'abi-trustworthiness', version: 1, responses: ABI_TRUSTWORTHINESS_V1.items.map((i) => ({ itemId: i.itemId, value: 5 })) };
    expect(isRejection(parseAnswerSheet([abi], [ABI_TRUSTWORTHINESS_V1]))).toBe(false);
    const six = { ...abi, responses: abi.responses.map((r, i) => (i === 0 ? { ...r, value: 6 } : r)) };
    expect(parseAnswerSheet([six], [ABI_TRUSTWORTHINESS_V1])).toMatchObject({ code: 'ANSWER.VALUE_OUT_OF_SCALE', field: 'answers[0].responses[0].value' });
  });

  it('returns the sheet in the round’s order, whatever order it came in', () => {
    const reordered = { ...safety!, responses: [...safety!.responses].reverse() };
    expect(parseAnswerSheet([standards, reordered], INSTRUMENTS)).toEqual([safety, standards]);
  });

  it('refuses an entry that is not an object, or responses that are not a list', () => {
    for (const entry of [null, 'all fives', [safety]]) {
      expect(wellFormed(parseAnswerSheet([entry, standards], INSTRUMENTS))).toMatchObject({ category: 'invalid', code: 'ANSWER.INVALID', field: 'answers[0]' });
    }
    expect(wellFormed(parseAnswerSheet([{ ...safety!, responses: 'fives' }, standards], INSTRUMENTS))).toMatchObject({ category: 'invalid', code: 'ANSWER.INVALID', field: 'answers[0].responses' });
  });

  it('names the instruments the round asks when one is unknown, and the item without a hint when nobody has it', () => {
    const unknown = parseAnswerSheet([{ instrumentId: 'abi-trustworthiness', version: 1, responses: [] }], INSTRUMENTS);
    expect(unknown).toMatchObject({ code: 'ANSWER.INSTRUMENT_UNKNOWN', field: 'answers[0].instrumentId' });
    expect(isRejection(unknown) && unknown.message).toContain('psychological-safety, leerzone-standards');
    const noItem = parseAnswerSheet([{ ...safety!, responses: [{ itemId: 'ps-9', value: 3 }] }, standards], INSTRUMENTS);
    expect(noItem).toMatchObject({ code: 'ANSWER.ITEM_UNKNOWN', field: 'answers[0].responses[0].itemId' });
    expect(isRejection(noItem) && noItem.message.endsWith('ps-9.')).toBe(true);
    expect(parseAnswerSheet([{ ...safety!, responses: [null] }, standards], INSTRUMENTS)).toMatchObject({ code: 'ANSWER.ITEM_UNKNOWN', field: 'answers[0].responses[0].itemId' });
  });

  it('lists the missing instruments', () => {
    expect(parseAnswerSheet([standards], INSTRUMENTS)).toMatchObject({ code: 'ANSWER.INSTRUMENT_MISSING', field: 'answers', details: { missing: ['psychological-safety'] } });
    expect(parseAnswerSheet([], INSTRUMENTS)).toMatchObject({ details: { missing: ['psychological-safety', 'leerzone-standards'] } });
  });
});

describe('closing: edges', () => {
  const close = (sheets: unknown[], overrides: Record<string, unknown> = {}) =>
    ({ type: 'CloseRound', data: { roundId: ROUND, sheets, comments: [], shuffleSeed: 42, previousZone: null, zoneThresholds: DEFAULT_ZONE_THRESHOLDS, ...overrides } }) as never;
  const withAnswersOf = (instruments: InstrumentDefinition[], n = 5): RoundEvent[] => [roundOpened({ instruments }), ...MEMBERS.slice(0, n).flatMap((m, i) => [counted(m), answered(i)])];
  const decide = (events: RoundEvent[], command: never): RoundEvent[] => {
    const decision = roundDecider.decide(command, state(events), testContext({ actor: { id: COACH, kind: 'user' }, now: NOW }));
    if (isRejection(decision)) throw new Error(`${decision.code}: ${decision.message}`);
    return [...decision];
  };
  const given = withAnswersOf(INSTRUMENTS);

  it('reads safety from the safety scale and standards from the standards scale', () => {
    const data = (decide(given, close(Array.from({ length: 5 }, () => sheet(6, 3))))[0] as RoundClosed).data;
    expect(data.zone).toEqual({ zone: 'comfort', safety: 6, standards: 3, thresholds: DEFAULT_ZONE_THRESHOLDS, lowAgreement: false });
  });

  it('flags low agreement when either scale has it', () => {
    const data = (decide(given, close([1, 7, 1, 7, 4].map((s) => sheet(s, 5))))[0] as RoundClosed).data;
    const [safety, standards] = data.results!;
    expect([safety!.total!.lowAgreement, standards!.total!.lowAgreement]).toEqual([true, false]);
    expect(data.zone!.lowAgreement).toBe(true);
  });

  it('places nobody in a zone when the round lacks the standards or the safety scale', () => {
    const abi = { instrumentId: 'abi-trustworthiness', version: 1, responses: ABI_TRUSTWORTHINESS_V1.items.map((i) => ({ itemId: i.itemId, value: 4 })) };
    const noStandards = decide(withAnswersOf([PSYCHOLOGICAL_SAFETY_V1, ABI_TRUSTWORTHINESS_V1]), close(Array.from({ length: 5 }, () => [sheet(5, 5)[0], abi])));
    expect(noStandards).toHaveLength(1);
    expect((noStandards[0] as RoundClosed).data).toMatchObject({ outcome: 'results', zone: null });
    const noSafety = decide(withAnswersOf([ABI_TRUSTWORTHINESS_V1, INSTRUMENTS[1]!]), close(Array.from({ length: 5 }, () => [abi, sheet(5, 5)[1]])));
    expect((noSafety[0] as RoundClosed).data).toMatchObject({ outcome: 'results', zone: null });
  });

  it('refuses a comment that is not sealed, sealed outside the comment subjects, or under a respondent’s id', () => {
    const five = Array.from({ length: 5 }, () => sheet(5, 5));
    spec.given(given).when(close(five, { comments: ['plain text'] })).thenRejects('ROUND.COMMENTS_INVALID', { field: 'comments[0]' });
    spec.given(given).when(close(five, { comments: [sealed(roundKeySubject(TENANT, ROUND))] })).thenRejects('ROUND.COMMENTS_INVALID', { field: 'comments[0]' });
    const named = commentSubject('anna');
    const withNamed = [roundOpened({ respondentIds: [...MEMBERS, named] }), ...given.slice(1)];
    spec.given(withNamed).when(close(five, { comments: [sealed(commentSubject('ok')), sealed(named)] })).thenRejects('ROUND.COMMENTS_INVALID', { field: 'comments[1]' });
  });
});

describe('the views: edges', () => {
  const results: InstrumentResult[] = [{ instrumentId: 'psychological-safety', version: 1, n: 5, dimensions: [], total: null, items: [] }];

  it('show a closed round as closed, with its date, in progress', () => {
    expect(roundProgress(state([roundOpened(), closedEvent()]))).toEqual({ kind: 'closed', closedAt: T0 });
  });

  it('show results only for a round that closed with them', () => {
    expect(roundResults(state([]))).toEqual({ kind: 'no-round' });
    expect(roundResults(state([roundOpened(), closedEvent({ outcome: 'results', results })]))).toEqual({ kind: 'results', closedAt: T0, results, zone: null });
    expect(roundResults(state([roundOpened(), closedEvent({ outcome: 'not-enough-answers', results })]))).toEqual({ kind: 'not-enough-answers' });
    expect(roundResults(state([roundOpened(), closedEvent({ outcome: 'results', results: null })]))).toEqual({ kind: 'not-enough-answers' });
  });

  it('tell a respondent only whether they themself were counted', () => {
    const s = state([roundOpened(), counted(ANNA)]);
    expect(hasAnswered(s, ANNA)).toBe(true);
    expect(hasAnswered(s, MEMBERS[1]!)).toBe(false);
  });

  it('date every published comment at the close', () => {
    const a = sealed(commentSubject('a'));
    const b = sealed(commentSubject('b'));
    expect(publishedComments({ comments: [a, b], commentsDatedAt: now })).toEqual([
      { text: a, datedAt: now },
      { text: b, datedAt: now },
    ]);
    expect(publishedComments({ comments: [], commentsDatedAt: null })).toEqual([]);
  });
});
