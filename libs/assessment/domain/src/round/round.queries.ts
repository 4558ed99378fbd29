import type { SealedValue } from '@leerzone/kernel';
import { MAX_FOCUS_ITEMS } from '../shared/assessment.constants';
import type { InstrumentResult } from '../scoring/score-instrument';
import type { FocusItem, ZonePlacement } from './round.model';
import type { ActionState, RoundState } from './round.state';

/**
 * Pure read functions over RoundState, plain JSON for the HTTP layer. None of them ever
 * returns a number below the threshold: "not enough answers yet" is a kind of its own,
 * distinct from "no round", and carries nothing else.
 */

export type RoundProgress =
  | { readonly kind: 'no-round' }
  | { readonly kind: 'not-enough-answers-yet' }
  /** While open, only as "n of group", and only once n reaches the threshold. */
  | { readonly kind: 'answered'; readonly n: number; readonly of: number; readonly closesAt: string | null }
  | { readonly kind: 'closed'; readonly closedAt: string };

export function roundProgress(state: RoundState): RoundProgress {
  if (!state.exists) return { kind: 'no-round' };
  if (state.status === 'closed') return { kind: 'closed', closedAt: state.closedAt! };
  const n = state.slots.size;
  if (n < state.anonymityThreshold) return { kind: 'not-enough-answers-yet' };
  return { kind: 'answered', n, of: state.respondentIds.size, closesAt: state.closesAt };
}

export type RoundResultsView =
  | { readonly kind: 'no-round' }
  | { readonly kind: 'still-open' }
  | { readonly kind: 'not-enough-answers' }
  | { readonly kind: 'results'; readonly closedAt: string; readonly results: readonly InstrumentResult[]; readonly zone: ZonePlacement | null };

export function roundResults(state: RoundState): RoundResultsView {
  if (!state.exists) return { kind: 'no-round' };
  if (state.status !== 'closed') return { kind: 'still-open' };
  if (state.outcome !== 'results' || state.results === null) return { kind: 'not-enough-answers' };
  return { kind: 'results', closedAt: state.closedAt!, results: state.results, zone: state.zone };
}

/** For the respondent themself ("you have answered"); never for anyone else. */
export const hasAnswered = (state: RoundState, respondentId: string): boolean => state.counted.has(respondentId);

/** The published comments are in the closing event; a reader opens them with openPersonalData. */
export const publishedComments = (closed: { readonly comments: readonly SealedValue[]; readonly commentsDatedAt: string | null }) =>
  closed.comments.map((text) => ({ text, datedAt: closed.commentsDatedAt! }));

export interface FocusSuggestion extends FocusItem {
  readonly mean: number;
  /** The mean as a share of the scale, (mean − 1) / (A − 1), so 5- and 7-point items compare. */
  readonly shareOfScale: number;
}

/**
 * The lowest-scoring items (after reverse-scoring) across the round's instruments, as
 * suggestions for the team's focus. Ties keep the instruments' and items' own order.
 */
export function suggestFocusItems(state: RoundState, count = MAX_FOCUS_ITEMS): readonly FocusSuggestion[] {
  if (state.results === null) return [];
  const suggestions = state.results.flatMap((result) => {
    const points = state.instruments.find((d) => d.instrumentId === result.instrumentId)!.scale.points;
    return result.items.map((item) => ({ instrumentId: result.instrumentId, itemId: item.itemId, mean: item.mean, shareOfScale: (item.mean - 1) / (points - 1) }));
  });
  return suggestions.sort((a, b) => a.shareOfScale - b.shareOfScale).slice(0, count);
}

export interface ActionView {
  readonly actionId: string;
  readonly title: string;
  readonly ownerId: string;
  readonly dueOn: string;
  readonly focusItem: FocusItem | null;
  readonly status: ActionState['status'];
  readonly dropReason: string | null;
  /** Counts only: who said what is not shown. */
  readonly helped: number;
  readonly didNotHelp: number;
}

const viewOf = (action: ActionState): ActionView => {
  const says = [...action.helpfulness.values()];
  return {
    actionId: action.actionId,
    title: action.title,
    ownerId: action.ownerId,
    dueOn: action.dueOn,
    focusItem: action.focusItem,
    status: action.status,
    dropReason: action.dropReason,
    helped: says.filter(Boolean).length,
    didNotHelp: says.filter((s) => !s).length,
  };
};

export const roundActions = (state: RoundState): readonly ActionView[] => [...state.actions.values()].map(viewOf);

/** What the next round shows when it opens: the actions of the last round that are still open. */
export const openActions = (state: RoundState): readonly ActionView[] => roundActions(state).filter((a) => a.status === 'open');
