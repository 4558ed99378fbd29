import type { Rejection } from '@leerzone/kernel';
import { isIsoDate, isRejection, reject, requiredId, requiredText } from '@leerzone/kernel';
import { MAX_ACTION_TITLE_LENGTH, MAX_FOCUS_ITEMS } from '../shared/assessment.constants';
import { at, requiredReason, requireInPerson } from '../shared/context';
import type { AgreeAction, ChooseFocusItems, CompleteAction, DropAction, RateActionHelpfulness } from './round.commands';
import type { RoundRule } from './round.guards';
import { requireClosed } from './round.guards';
import type { FocusItem } from './round.model';
import type { ActionState, RoundState } from './round.state';

const sameItem = (a: FocusItem, b: FocusItem): boolean => a.instrumentId === b.instrumentId && a.itemId === b.itemId;

function parseFocusItem(value: unknown, state: RoundState, field: string): FocusItem | Rejection {
  const input = typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
  const result = state.results?.find((r) => r.instrumentId === input['instrumentId']);
  if (!result || !result.items.some((item) => item.itemId === input['itemId'])) {
    return reject('invalid', 'FOCUS.ITEM_UNKNOWN', `Focus on an item this round has results for, named by instrumentId and itemId.`, { field });
  }
  return { instrumentId: result.instrumentId, itemId: input['itemId'] as string };
}

function requireAction(state: RoundState, actionId: unknown): ActionState | Rejection {
  const action = typeof actionId === 'string' ? state.actions.get(actionId) : undefined;
  return action ?? reject('not-found', 'ACTION.NOT_FOUND', `Round ${state.roundId} has no action ${String(actionId)}.`, { field: 'actionId' });
}

function requireOpenAction(state: RoundState, actionId: unknown): ActionState | Rejection {
  const action = requireAction(state, actionId);
  if (isRejection(action)) return action;
  if (action.status !== 'open') return reject('conflict', 'ACTION.ALREADY_SETTLED', `Action ${action.actionId} is already ${action.status}.`, { field: 'actionId' });
  return action;
}

/** Focus needs numbers: only a round with results has items to focus on (suggestFocusItems proposes the lowest). */
export const chooseFocusItems: RoundRule<ChooseFocusItems> = (command, state, ctx) => {
  const notClosed = requireClosed(state, command.data.roundId);
  if (notClosed) return notClosed;
  if (state.outcome !== 'results') {
    return reject('precondition', 'ROUND.NO_RESULTS', 'This round closed without enough answers, so it has no items to focus on.', { field: 'roundId' });
  }
  const { items } = command.data;
  if (!Array.isArray(items) || items.length === 0 || items.length > MAX_FOCUS_ITEMS) {
    return reject('invalid', 'FOCUS.ITEMS_INVALID', `Choose 1 to ${MAX_FOCUS_ITEMS} focus items: a few, so the team can act on them.`, { field: 'items' });
  }
  const chosen: FocusItem[] = [];
  for (const [i, raw] of items.entries()) {
    const item = parseFocusItem(raw, state, `items[${i}]`);
    if (isRejection(item)) return item;
    if (!chosen.some((c) => sameItem(c, item))) chosen.push(item);
  }
  if (chosen.length === state.focusItems.length && chosen.every((c, i) => sameItem(c, state.focusItems[i]!))) return [];
  return [{ type: 'FocusItemsChosen', data: { roundId: command.data.roundId, items: chosen, chosenBy: ctx.actor.id, chosenAt: at(ctx) } }];
};

export const agreeAction: RoundRule<AgreeAction> = (command, state, ctx) => {
  const notClosed = requireClosed(state, command.data.roundId);
  if (notClosed) return notClosed;
  const d = command.data;
  const actionId = requiredId(d.actionId, 'actionId', 'ACTION.ID_INVALID', 'the action id');
  if (isRejection(actionId)) return actionId;
  if (state.actions.has(actionId)) return reject('conflict', 'ACTION.ALREADY_EXISTS', `Action ${actionId} already exists.`, { field: 'actionId' });
  const title = requiredText(d.title, { field: 'title', code: 'ACTION.TITLE_INVALID', label: 'the action', max: MAX_ACTION_TITLE_LENGTH });
  if (isRejection(title)) return title;
  const ownerId = requiredId(d.ownerId, 'ownerId', 'ACTION.OWNER_INVALID', 'the owner id');
  if (isRejection(ownerId)) return ownerId;
  if (!state.respondentIds.has(ownerId) && ownerId !== state.openedBy) {
    return reject('precondition', 'ACTION.OWNER_NOT_IN_TEAM', `${ownerId} was neither in this round's group nor its coach; an action is owned by someone of the team.`, { field: 'ownerId' });
  }
  if (!isIsoDate(d.dueOn)) return reject('invalid', 'ACTION.DUE_ON_INVALID', 'dueOn is a date such as 2026-04-01.', { field: 'dueOn' });
  if (d.dueOn < ctx.now.toISOString().slice(0, 10)) return reject('invalid', 'ACTION.DUE_ON_INVALID', 'dueOn lies in the past; pick today or a later date.', { field: 'dueOn' });
  let focusItem: FocusItem | null = null;
  if (d.focusItem != null) {
    const item = parseFocusItem(d.focusItem, state, 'focusItem');
    if (isRejection(item)) return item;
    if (!state.focusItems.some((f) => sameItem(f, item))) {
      return reject('precondition', 'ACTION.FOCUS_ITEM_NOT_CHOSEN', `Choose ${item.itemId} as a focus item before tying an action to it.`, { field: 'focusItem' });
    }
    focusItem = item;
  }
  return [{ type: 'ActionAgreed', data: { roundId: d.roundId, actionId, title, ownerId, dueOn: d.dueOn, focusItem, agreedBy: ctx.actor.id, agreedAt: at(ctx) } }];
};

export const completeAction: RoundRule<CompleteAction> = (command, state, ctx) => {
  const notClosed = requireClosed(state, command.data.roundId);
  if (notClosed) return notClosed;
  const action = requireOpenAction(state, command.data.actionId);
  if (isRejection(action)) return action;
  return [{ type: 'ActionCompleted', data: { roundId: command.data.roundId, actionId: action.actionId, completedBy: ctx.actor.id, completedAt: at(ctx) } }];
};

export const dropAction: RoundRule<DropAction> = (command, state, ctx) => {
  const notClosed = requireClosed(state, command.data.roundId);
  if (notClosed) return notClosed;
  const action = requireOpenAction(state, command.data.actionId);
  if (isRejection(action)) return action;
  const reason = requiredReason(ctx.reason, 'ACTION.REASON_REQUIRED', 'drop an action');
  if (isRejection(reason)) return reason;
  return [{ type: 'ActionDropped', data: { roundId: command.data.roundId, actionId: action.actionId, droppedBy: ctx.actor.id, droppedAt: at(ctx), reason } }];
};

/** Members of the round's group say, in person, whether an action helped; the queries show only counts. */
export const rateActionHelpfulness: RoundRule<RateActionHelpfulness> = (command, state, ctx) => {
  const notClosed = requireClosed(state, command.data.roundId);
  if (notClosed) return notClosed;
  const action = requireAction(state, command.data.actionId);
  if (isRejection(action)) return action;
  const memberId = requiredId(command.data.memberId, 'memberId', 'ACTION.MEMBER_INVALID', 'the member id');
  if (isRejection(memberId)) return memberId;
  if (!state.respondentIds.has(memberId)) {
    return reject('forbidden', 'ACTION.NOT_A_TEAM_MEMBER', `${memberId} was not in this round's group, so cannot rate its actions.`, { field: 'memberId' });
  }
  const notInPerson = requireInPerson(ctx, memberId, 'memberId', 'ACTION.RATE_IN_PERSON', 'say whether an action helped them');
  if (notInPerson) return notInPerson;
  if (typeof command.data.helped !== 'boolean') return reject('invalid', 'ACTION.HELPED_INVALID', 'Say helped: true or false.', { field: 'helped' });
  if (action.helpfulness.get(memberId) === command.data.helped) return [];
  return [{ type: 'ActionHelpfulnessRated', data: { roundId: command.data.roundId, actionId: action.actionId, memberId, helped: command.data.helped, ratedAt: at(ctx) } }];
};
