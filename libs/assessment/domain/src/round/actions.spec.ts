import { describe, expect, it } from '@jest/globals';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import { ABI_TRUSTWORTHINESS_V1 } from '../instrument/published/abi-trustworthiness.instrument';
import { PSYCHOLOGICAL_SAFETY_V1 } from '../instrument/published/psychological-safety.instrument';
import type { InstrumentDefinition } from '../instrument/instrument.model';
import type { InstrumentResult } from '../scoring/score-instrument';
import { roundDecider } from './round.decider';
import type { ActionAgreed, RoundEvent } from './round.events';
import { as, COACH, MEMBERS, NOW, ROUND, roundOpened, T0, TEAM } from './round.fixtures';
import { openActions, roundActions, suggestFocusItems } from './round.queries';

const spec = DeciderSpecification.for(roundDecider);
const now = NOW.toISOString();
const [ANNA, BRAM] = [MEMBERS[0]!, MEMBERS[1]!];
const instruments = [PSYCHOLOGICAL_SAFETY_V1, ABI_TRUSTWORTHINESS_V1];

/** Item means chosen by hand; everything else at 4. */
const resultOf = (definition: InstrumentDefinition, means: Record<string, number>): InstrumentResult => ({
  instrumentId: definition.instrumentId,
  version: 1,
  n: 5,
  dimensions: [],
  total: null,
  items: definition.items.map((item) => ({ itemId: item.itemId, dimensionId: item.dimensionId, n: 5, mean: means[item.itemId] ?? 4, sd: 1 })),
});
const closed = (outcome: 'results' | 'not-enough-answers' = 'results'): RoundEvent => ({
  type: 'RoundClosed',
  data: {
    roundId: ROUND,
    teamId: TEAM,
    outcome,
    results: outcome === 'results' ? [resultOf(PSYCHOLOGICAL_SAFETY_V1, { 'ps-1': 2.8, 'ps-2': 2.4 }), resultOf(ABI_TRUSTWORTHINESS_V1, { 'abi-4': 2 })] : null,
    zone: null,
    comments: [],
    commentsDatedAt: null,
    closedBy: COACH,
    closedAt: T0,
  },
});
const afterClose = [roundOpened({ instruments }), closed()];
const focusChosen: RoundEvent = { type: 'FocusItemsChosen', data: { roundId: ROUND, items: [{ instrumentId: 'psychological-safety', itemId: 'ps-2' }], chosenBy: ANNA, chosenAt: T0 } };
const agreed = (actionId = 'a-1', focusItem: { instrumentId: string; itemId: string } | null = null): ActionAgreed => ({
  type: 'ActionAgreed',
  data: { roundId: ROUND, actionId, title: 'Open each retro with what went wrong', ownerId: ANNA, dueOn: '2026-02-15', focusItem, agreedBy: COACH, agreedAt: T0 },
});
const state = (events: RoundEvent[]) => events.reduce(roundDecider.evolve, roundDecider.initialState);

describe('focus items', () => {
  it('suggests the lowest items as a share of their scale, so 5- and 7-point items compare', () => {
    // ps-2 (2.4 − 1)/6 = .2333; abi-4 (2 − 1)/4 = .25; ps-1 (2.8 − 1)/6 = .3. abi-4 has the lowest raw mean but is second.
    expect(suggestFocusItems(state(afterClose)).map((s) => [s.itemId, Number(s.shareOfScale.toFixed(4))])).toEqual([
      ['ps-2', 0.2333],
      ['abi-4', 0.25],
      ['ps-1', 0.3],
    ]);
    expect(suggestFocusItems(state([roundOpened()]))).toEqual([]);
  });

  it('lets the team choose a few items the round has results for', () => {
    spec
      .given(afterClose)
      .when({ type: 'ChooseFocusItems', data: { roundId: ROUND, items: [{ instrumentId: 'psychological-safety', itemId: 'ps-2' }] } }, as(ANNA))
      .then([{ ...focusChosen, data: { ...focusChosen.data, chosenAt: now } }]);
    spec.given([...afterClose, focusChosen]).when({ type: 'ChooseFocusItems', data: { roundId: ROUND, items: [{ instrumentId: 'psychological-safety', itemId: 'ps-2' }] } }).thenNothingHappens();
  });

  it('refuses unknown items, too many, and rounds without results', () => {
    const choose = (items: unknown) => ({ type: 'ChooseFocusItems', data: { roundId: ROUND, items } }) as never;
    spec.given(afterClose).when(choose([{ instrumentId: 'psychological-safety', itemId: 'abi-4' }])).thenRejects('FOCUS.ITEM_UNKNOWN', { field: 'items[0]' });
    const four = ['ps-1', 'ps-2', 'ps-3', 'ps-4'].map((itemId) => ({ instrumentId: 'psychological-safety', itemId }));
    spec.given(afterClose).when(choose(four)).thenRejects('FOCUS.ITEMS_INVALID', { field: 'items' });
    spec.given([roundOpened(), closed('not-enough-answers')]).when(choose([{ instrumentId: 'psychological-safety', itemId: 'ps-1' }])).thenRejects('ROUND.NO_RESULTS');
    spec.given([roundOpened()]).when(choose([{ instrumentId: 'psychological-safety', itemId: 'ps-1' }])).thenRejects('ROUND.NOT_CLOSED', { category: 'precondition' });
  });
});

describe('actions', () => {
  const agree = (overrides: Record<string, unknown> = {}) =>
    ({ type: 'AgreeAction', data: { roundId: ROUND, actionId: 'a-1', title: 'Open each retro with what went wrong', ownerId: ANNA, dueOn: '2026-02-15', ...overrides } }) as never;

  it('are agreed with an owner and a due date, optionally on a chosen focus item', () => {
    spec.given(afterClose).when(agree(), as(COACH)).then([{ ...agreed(), data: { ...agreed().data, agreedAt: now } }]);
    const focus = { instrumentId: 'psychological-safety', itemId: 'ps-2' };
    spec.given([...afterClose, focusChosen]).when(agree({ focusItem: focus }), as(COACH)).then([{ ...agreed('a-1', focus), data: { ...agreed('a-1', focus).data, agreedAt: now } }]);
    spec.given(afterClose).when(agree({ focusItem: focus })).thenRejects('ACTION.FOCUS_ITEM_NOT_CHOSEN', { field: 'focusItem' });
  });

  it('follow even a round without enough answers, and are due today at the earliest', () => {
    spec.given([roundOpened(), closed('not-enough-answers')]).when(agree({ dueOn: '2026-01-15' }), as(COACH)).then([
      { ...agreed(), data: { ...agreed().data, dueOn: '2026-01-15', agreedAt: now } },
    ]);
    spec.given(afterClose).when(agree({ dueOn: '2026-01-14' })).thenRejects('ACTION.DUE_ON_INVALID', { field: 'dueOn' });
    spec.given(afterClose).when(agree({ dueOn: '15-02-2026' })).thenRejects('ACTION.DUE_ON_INVALID', { field: 'dueOn' });
  });

  it('refuses an owner outside the team, an empty title, a duplicate id', () => {
    spec.given(afterClose).when(agree({ ownerId: 'user-stranger' })).thenRejects('ACTION.OWNER_NOT_IN_TEAM', { field: 'ownerId' });
    spec.given(afterClose).when(agree({ title: '  ' })).thenRejects('ACTION.TITLE_INVALID', { field: 'title' });
    spec.given([...afterClose, agreed()]).when(agree()).thenRejects('ACTION.ALREADY_EXISTS', { category: 'conflict' });
    spec.given([roundOpened()]).when(agree()).thenRejects('ROUND.NOT_CLOSED');
  });

  it('are marked done, or dropped with a reason, once', () => {
    const given = [...afterClose, agreed()];
    spec.given(given).when({ type: 'CompleteAction', data: { roundId: ROUND, actionId: 'a-1' } }, as(ANNA)).then([
      { type: 'ActionCompleted', data: { roundId: ROUND, actionId: 'a-1', completedBy: ANNA, completedAt: now } },
    ]);
    spec.given(given).when({ type: 'DropAction', data: { roundId: ROUND, actionId: 'a-1' } }, as(ANNA, { reason: 'the retro format changed' })).then([
      { type: 'ActionDropped', data: { roundId: ROUND, actionId: 'a-1', droppedBy: ANNA, droppedAt: now, reason: 'the retro format changed' } },
    ]);
    spec.given(given).when({ type: 'DropAction', data: { roundId: ROUND, actionId: 'a-1' } }, as(ANNA)).thenRejects('ACTION.REASON_REQUIRED', { field: 'reason' });
    const done: RoundEvent = { type: 'ActionCompleted', data: { roundId: ROUND, actionId: 'a-1', completedBy: ANNA, completedAt: now } };
    spec.given([...given, done]).when({ type: 'CompleteAction', data: { roundId: ROUND, actionId: 'a-1' } }).thenRejects('ACTION.ALREADY_SETTLED', { category: 'conflict' });
    spec.given(given).when({ type: 'CompleteAction', data: { roundId: ROUND, actionId: 'a-9' } }).thenRejects('ACTION.NOT_FOUND', { category: 'not-found' });
  });

  it('are rated by members, in person, and shown only as counts', () => {
    const given = [...afterClose, agreed()];
    const rate = (memberId: string, helped: unknown) => ({ type: 'RateActionHelpfulness', data: { roundId: ROUND, actionId: 'a-1', memberId, helped } }) as never;
    const rated = (memberId: string, helped: boolean): RoundEvent => ({ type: 'ActionHelpfulnessRated', data: { roundId: ROUND, actionId: 'a-1', memberId, helped, ratedAt: now } });
    spec.given(given).when(rate(ANNA, true), as(ANNA)).then([rated(ANNA, true)]);
    spec.given([...given, rated(ANNA, true)]).when(rate(ANNA, true), as(ANNA)).thenNothingHappens();
    spec.given([...given, rated(ANNA, true)]).when(rate(ANNA, false), as(ANNA)).then([rated(ANNA, false)]);
    spec.given(given).when(rate(ANNA, true), as(BRAM)).thenRejects('ACTION.RATE_IN_PERSON', { category: 'forbidden' });
    spec.given(given).when(rate(COACH, true), as(COACH)).thenRejects('ACTION.NOT_A_TEAM_MEMBER');
    spec.given(given).when(rate(ANNA, 'yes'), as(ANNA)).thenRejects('ACTION.HELPED_INVALID', { field: 'helped' });
    const view = roundActions(state([...given, rated(ANNA, true), rated(BRAM, false), rated(MEMBERS[2]!, true)]))[0]!;
    expect(view).toMatchObject({ helped: 2, didNotHelp: 1 });
    expect(JSON.stringify(view)).not.toContain(BRAM);
  });

  it('the next round shows the open actions of the last', () => {
    const done: RoundEvent = { type: 'ActionCompleted', data: { roundId: ROUND, actionId: 'a-1', completedBy: ANNA, completedAt: now } };
    expect(openActions(state([...afterClose, agreed('a-1'), agreed('a-2'), done])).map((a) => a.actionId)).toEqual(['a-2']);
  });
});
