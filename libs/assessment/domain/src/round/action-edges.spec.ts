import { describe, expect, it } from '@jest/globals';
import type { Rejection } from '@leerzone/kernel';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import { ABI_TRUSTWORTHINESS_V1 } from '../instrument/published/abi-trustworthiness.instrument';
import { PSYCHOLOGICAL_SAFETY_V1 } from '../instrument/published/psychological-safety.instrument';
import type { InstrumentDefinition } from '../instrument/instrument.model';
import type { InstrumentResult } from '../scoring/score-instrument';
import { roundDecider } from './round.decider';
import type { ActionAgreed, RoundEvent } from './round.events';
import { as, COACH, MEMBERS, NOW, ROUND, roundOpened, T0, TEAM } from './round.fixtures';
import { roundActions } from './round.queries';

/** Edges of focus items and actions: dedup, order, the other owner, every guard's field. */
const spec = DeciderSpecification.for(roundDecider);
const now = NOW.toISOString();
const ANNA = MEMBERS[0]!;
const instruments = [PSYCHOLOGICAL_SAFETY_V1, ABI_TRUSTWORTHINESS_V1];
const resultOf = (definition: InstrumentDefinition): InstrumentResult => ({
  instrumentId: definition.instrumentId,
  version: 1,
  n: 5,
  dimensions: [],
  total: null,
  items: definition.items.map((item) => ({ itemId: item.itemId, dimensionId: item.dimensionId, n: 5, mean: 4, sd: 1 })),
});
const closed = (outcome: 'results' | 'not-enough-answers' = 'results'): RoundEvent => ({
  type: 'RoundClosed',
  data: {
    roundId: ROUND,
    teamId: TEAM,
    outcome,
    results: outcome === 'results' ? instruments.map(resultOf) : null,
    zone: null,
    comments: [],
    commentsDatedAt: null,
    closedBy: COACH,
    closedAt: T0,
  },
});
const afterClose = [roundOpened({ instruments }), closed()];
const ps = (itemId: string) => ({ instrumentId: 'psychological-safety', itemId });
const abi = (itemId: string) => ({ instrumentId: 'abi-trustworthiness', itemId });
const choose = (items: unknown) => ({ type: 'ChooseFocusItems', data: { roundId: ROUND, items } }) as never;
const chosen = (items: { instrumentId: string; itemId: string }[], chosenAt = now): RoundEvent => ({ type: 'FocusItemsChosen', data: { roundId: ROUND, items, chosenBy: ANNA, chosenAt } });
const agree = (overrides: Record<string, unknown> = {}) =>
  ({ type: 'AgreeAction', data: { roundId: ROUND, actionId: 'a-1', title: 'Open each retro with what went wrong', ownerId: ANNA, dueOn: '2026-02-15', ...overrides } }) as never;
const agreed = (overrides: Partial<ActionAgreed['data']> = {}): ActionAgreed => ({
  type: 'ActionAgreed',
  data: { roundId: ROUND, actionId: 'a-1', title: 'Open each retro with what went wrong', ownerId: ANNA, dueOn: '2026-02-15', focusItem: null, agreedBy: COACH, agreedAt: now, ...overrides },
});
/** A refusal reads as a sentence that names its subject: no blank start, no gap where a label or action is missing. */
const wellFormed = (r: Rejection): Rejection => {
  expect(r.message).toMatch(/^\S/);
  expect(r.message).not.toMatch(/\s\s|\s[.,;:)]/);
  return r;
};
const state = (events: RoundEvent[]) => events.reduce(roundDecider.evolve, roundDecider.initialState);

describe('choosing focus items: edges', () => {
  it('takes one to three items; an empty list, a fourth, or no list is refused', () => {
    const three = [ps('ps-1'), ps('ps-2'), abi('abi-4')];
    spec.given(afterClose).when(choose(three), as(ANNA)).then([chosen(three)]);
    spec.given(afterClose).when(choose([])).thenRejects('FOCUS.ITEMS_INVALID', { field: 'items' });
    spec.given(afterClose).when(choose('ps-1')).thenRejects('FOCUS.ITEMS_INVALID', { field: 'items' });
  });

  it('keeps two items of one instrument apart, and names an item of a later instrument', () => {
    spec.given(afterClose).when(choose([ps('ps-1'), ps('ps-2')]), as(ANNA)).then([chosen([ps('ps-1'), ps('ps-2')])]);
    spec.given(afterClose).when(choose([abi('abi-4')]), as(ANNA)).then([chosen([abi('abi-4')])]);
  });

  it('counts an item chosen twice once, in first-seen order', () => {
    spec.given(afterClose).when(choose([ps('ps-2'), ps('ps-1'), ps('ps-2')]), as(ANNA)).then([chosen([ps('ps-2'), ps('ps-1')])]);
  });

  it('is a change when any item, or only the order, differs from the current choice', () => {
    const current = [...afterClose, chosen([ps('ps-2'), ps('ps-1')], T0)];
    spec.given(current).when(choose([ps('ps-2'), ps('ps-3')]), as(ANNA)).then([chosen([ps('ps-2'), ps('ps-3')])]);
    spec.given(current).when(choose([ps('ps-1'), ps('ps-2')]), as(ANNA)).then([chosen([ps('ps-1'), ps('ps-2')])]);
    spec.given(current).when(choose([ps('ps-2'), ps('ps-1')]), as(ANNA)).thenNothingHappens();
  });

  it('refuses an item that is no object, and says why a round without results has none', () => {
    spec.given(afterClose).when(choose([ps('ps-1'), null])).thenRejects('FOCUS.ITEM_UNKNOWN', { field: 'items[1]' });
    for (const notAnItem of [undefined, 'ps-1', 7]) spec.given(afterClose).when(choose([notAnItem])).thenRejects('FOCUS.ITEM_UNKNOWN', { field: 'items[0]' });
    spec.given([roundOpened(), closed('not-enough-answers')]).when(choose([ps('ps-1')])).thenRejects('ROUND.NO_RESULTS', { field: 'roundId', category: 'precondition' });
    spec.given([]).when(choose([ps('ps-1')])).thenRejects('ROUND.NOT_FOUND', { field: 'roundId' });
    spec.given([roundOpened()]).when(choose([ps('ps-1')])).thenRejects('ROUND.NOT_CLOSED', { field: 'roundId' });
  });
});

describe('agreeing actions: edges', () => {
  it('may give the action to the round’s coach, who is not a respondent', () => {
    spec.given(afterClose).when(agree({ ownerId: COACH }), as(COACH)).then([agreed({ ownerId: COACH })]);
  });

  it('refuses an unreadable id, owner, due date or focus item, naming each', () => {
    wellFormed(spec.given(afterClose).when(agree({ actionId: '' })).thenRejects('ACTION.ID_INVALID', { field: 'actionId' }));
    spec.given([...afterClose, agreed()]).when(agree()).thenRejects('ACTION.ALREADY_EXISTS', { field: 'actionId' });
    wellFormed(spec.given(afterClose).when(agree({ title: ' ' })).thenRejects('ACTION.TITLE_INVALID', { field: 'title' }));
    wellFormed(spec.given(afterClose).when(agree({ ownerId: '' })).thenRejects('ACTION.OWNER_INVALID', { field: 'ownerId' }));
    spec.given(afterClose).when(agree({ dueOn: 'soon' })).thenRejects('ACTION.DUE_ON_INVALID', { field: 'dueOn' });
    spec.given(afterClose).when(agree({ focusItem: ps('ps-99') })).thenRejects('FOCUS.ITEM_UNKNOWN', { field: 'focusItem' });
  });

  it('has no focus item to tie to in a round that closed without results', () => {
    spec.given([roundOpened({ instruments }), closed('not-enough-answers')]).when(agree({ focusItem: ps('ps-1') })).thenRejects('FOCUS.ITEM_UNKNOWN', { field: 'focusItem' });
  });

  it('needs a closed round', () => {
    spec.given([]).when(agree()).thenRejects('ROUND.NOT_FOUND', { field: 'roundId' });
    spec.given([roundOpened()]).when(agree()).thenRejects('ROUND.NOT_CLOSED', { field: 'roundId' });
  });
});

describe('settling and rating actions: edges', () => {
  const given = [...afterClose, agreed({ agreedAt: T0 })];
  const complete = { type: 'CompleteAction', data: { roundId: ROUND, actionId: 'a-1' } } as never;
  const drop = { type: 'DropAction', data: { roundId: ROUND, actionId: 'a-1' } } as never;
  const rate = (memberId: unknown, actionId = 'a-1') => ({ type: 'RateActionHelpfulness', data: { roundId: ROUND, actionId, memberId, helped: true } }) as never;
  const done: RoundEvent = { type: 'ActionCompleted', data: { roundId: ROUND, actionId: 'a-1', completedBy: ANNA, completedAt: now } };
  const dropped: RoundEvent = { type: 'ActionDropped', data: { roundId: ROUND, actionId: 'a-1', droppedBy: ANNA, droppedAt: now, reason: 'the retro format changed' } };

  it('wait for the round to close', () => {
    for (const command of [complete, drop, rate(ANNA)]) spec.given([roundOpened()]).when(command, as(ANNA, { reason: 'x' })).thenRejects('ROUND.NOT_CLOSED', { field: 'roundId' });
  });

  it('name the action that is missing or already settled', () => {
    spec.given(afterClose).when(complete, as(ANNA)).thenRejects('ACTION.NOT_FOUND', { field: 'actionId', category: 'not-found' });
    spec.given(afterClose).when({ type: 'CompleteAction', data: { roundId: ROUND, actionId: 7 } } as never, as(ANNA)).thenRejects('ACTION.NOT_FOUND', { field: 'actionId' });
    spec.given([...given, done]).when(complete, as(ANNA)).thenRejects('ACTION.ALREADY_SETTLED', { field: 'actionId' });
    spec.given([...given, dropped]).when(drop, as(ANNA, { reason: 'x' })).thenRejects('ACTION.ALREADY_SETTLED', { field: 'actionId', category: 'conflict' });
    spec.given(afterClose).when(rate(ANNA), as(ANNA)).thenRejects('ACTION.NOT_FOUND', { field: 'actionId' });
  });

  it('show a completed action as done and a dropped one as dropped, with its reason', () => {
    expect(roundActions(state([...given, done]))[0]).toMatchObject({ status: 'done', dropReason: null });
    expect(state([...given, done]).actions.get('a-1')!.settledAt).toBe(now);
    expect(roundActions(state([...given, dropped]))[0]).toMatchObject({ status: 'dropped', dropReason: 'the retro format changed' });
    expect(state([...given, dropped]).actions.get('a-1')!.settledAt).toBe(now);
  });

  it('keep the chosen focus items when the team’s zone changes', () => {
    const focus = chosen([ps('ps-2')], T0);
    const zoneChanged: RoundEvent = {
      type: 'TeamZoneChanged',
      data: { teamId: TEAM, roundId: ROUND, from: null, to: 'learning', safety: 5, standards: 5, thresholds: { safetyHighFrom: 5, standardsHighFrom: 5 }, changedAt: T0 },
    };
    expect(state([...afterClose, focus, zoneChanged])).toEqual(state([...afterClose, focus]));
  });

  it('are rated only by a readable member id of the group, named in the refusal', () => {
    wellFormed(spec.given(given).when(rate(ANNA), as(MEMBERS[1]!)).thenRejects('ACTION.RATE_IN_PERSON', { field: 'memberId' }));
    wellFormed(spec.given(given).when(drop, as(ANNA)).thenRejects('ACTION.REASON_REQUIRED', { field: 'reason' }));
    wellFormed(spec.given(given).when(rate(''), as(ANNA)).thenRejects('ACTION.MEMBER_INVALID', { field: 'memberId' }));
    spec.given(given).when(rate(COACH), as(COACH)).thenRejects('ACTION.NOT_A_TEAM_MEMBER', { field: 'memberId', category: 'forbidden' });
  });
});

describe('refusals of focus items and actions', () => {
  it('are classed for the caller and say what is wrong', () => {
    const focused = [...afterClose, chosen([ps('ps-1')], T0), agreed({ agreedAt: T0 })];
    const rate = (helped: unknown) => ({ type: 'RateActionHelpfulness', data: { roundId: ROUND, actionId: 'a-1', memberId: ANNA, helped } }) as never;
    const four = ['ps-1', 'ps-2', 'ps-3', 'ps-4'].map(ps);
    const cases: [string, RoundEvent[], never, string, Rejection['category'], string, RegExp][] = [
      ['an item without results', afterClose, choose([ps('ps-99')]), 'FOCUS.ITEM_UNKNOWN', 'invalid', 'items[0]', /has results for, named by instrumentId and itemId/],
      ['a fourth focus item', afterClose, choose(four), 'FOCUS.ITEMS_INVALID', 'invalid', 'items', /Choose 1 to 3 focus items/],
      ['an owner from outside', afterClose, agree({ ownerId: 'user-stranger' }), 'ACTION.OWNER_NOT_IN_TEAM', 'precondition', 'ownerId', /^user-stranger was neither/],
      ['a due date that is no date', afterClose, agree({ dueOn: 'soon' }), 'ACTION.DUE_ON_INVALID', 'invalid', 'dueOn', /a date such as 2026-04-01/],
      ['a due date in the past', afterClose, agree({ dueOn: '2026-01-14' }), 'ACTION.DUE_ON_INVALID', 'invalid', 'dueOn', /in the past/],
      ['a focus item not chosen', focused, agree({ actionId: 'a-2', focusItem: ps('ps-2') }), 'ACTION.FOCUS_ITEM_NOT_CHOSEN', 'precondition', 'focusItem', /Choose ps-2 as a focus item/],
      ['a helped that is no boolean', focused, rate('yes'), 'ACTION.HELPED_INVALID', 'invalid', 'helped', /true or false/],
    ];
    for (const [, given, command, code, category, field, message] of cases) {
      expect(wellFormed(spec.given(given).when(command, as(ANNA)).thenRejects(code, { category, field })).message).toMatch(message);
    }
  });
});
