import { assertNever } from '@leerzone/kernel';
import type { InstrumentDefinition } from '../instrument/instrument.model';
import type { InstrumentResult } from '../scoring/score-instrument';
import type { RoundEvent } from './round.events';
import type { ActionStatus, FocusItem, RoundOutcome, ZonePlacement } from './round.model';

export interface ActionState {
  readonly actionId: string;
  readonly title: string;
  readonly ownerId: string;
  readonly dueOn: string;
  readonly focusItem: FocusItem | null;
  readonly status: ActionStatus;
  readonly agreedAt: string;
  readonly settledAt: string | null;
  readonly dropReason: string | null;
  /** Each member's latest say on whether it helped. */
  readonly helpfulness: ReadonlyMap<string, boolean>;
}

export interface RoundState {
  readonly exists: boolean;
  readonly roundId: string | null;
  readonly teamId: string | null;
  readonly status: 'open' | 'closed' | null;
  readonly instruments: readonly InstrumentDefinition[];
  readonly respondentIds: ReadonlySet<string>;
  readonly anonymityThreshold: number;
  readonly openedBy: string | null;
  readonly openedAt: string | null;
  readonly closesAt: string | null;
  readonly previousRoundId: string | null;
  /** The vault subject the round's slot key (and so every answer) is sealed under: what close erases. */
  readonly keySubject: string | null;
  readonly counted: ReadonlySet<string>;
  readonly slots: ReadonlySet<string>;
  readonly closedAt: string | null;
  readonly outcome: RoundOutcome | null;
  readonly results: readonly InstrumentResult[] | null;
  readonly zone: ZonePlacement | null;
  readonly commentCount: number;
  readonly focusItems: readonly FocusItem[];
  readonly actions: ReadonlyMap<string, ActionState>;
}

export const initialRoundState: RoundState = {
  exists: false,
  roundId: null,
  teamId: null,
  status: null,
  instruments: [],
  respondentIds: new Set(),
  anonymityThreshold: 0,
  openedBy: null,
  openedAt: null,
  closesAt: null,
  previousRoundId: null,
  keySubject: null,
  counted: new Set(),
  slots: new Set(),
  closedAt: null,
  outcome: null,
  results: null,
  zone: null,
  commentCount: 0,
  focusItems: [],
  actions: new Map(),
};

const withAction = (state: RoundState, actionId: string, update: (action: ActionState) => ActionState): RoundState => {
  const action = state.actions.get(actionId);
  return action ? { ...state, actions: new Map(state.actions).set(actionId, update(action)) } : state;
};

export function evolveRound(state: RoundState, event: RoundEvent): RoundState {
  switch (event.type) {
    case 'RoundOpened': {
      const d = event.data;
      return {
        ...initialRoundState,
        exists: true,
        roundId: d.roundId,
        teamId: d.teamId,
        status: 'open',
        instruments: d.instruments,
        respondentIds: new Set(d.respondentIds),
        anonymityThreshold: d.anonymityThreshold,
        openedBy: d.openedBy,
        openedAt: d.openedAt,
        closesAt: d.closesAt,
        previousRoundId: d.previousRoundId,
        keySubject: d.slotKey.$sealed.subject,
      };
    }
    case 'AnonymityThresholdChanged':
      return { ...state, anonymityThreshold: event.data.threshold };
    case 'RespondentsAdded':
      return { ...state, respondentIds: new Set([...state.respondentIds, ...event.data.memberIds]) };
    case 'RespondentCounted':
      return { ...state, counted: new Set(state.counted).add(event.data.respondentId) };
    case 'AnswerRecorded':
      return { ...state, slots: new Set(state.slots).add(event.data.slot) };
    case 'RoundClosed':
      return {
        ...state,
        status: 'closed',
        closedAt: event.data.closedAt,
        outcome: event.data.outcome,
        results: event.data.results,
        zone: event.data.zone,
        commentCount: event.data.comments.length,
      };
    case 'TeamZoneChanged':
      return state;
    case 'FocusItemsChosen':
      return { ...state, focusItems: event.data.items };
    case 'ActionAgreed': {
      const d = event.data;
      const action: ActionState = {
        actionId: d.actionId,
        title: d.title,
        ownerId: d.ownerId,
        dueOn: d.dueOn,
        focusItem: d.focusItem,
        status: 'open',
        agreedAt: d.agreedAt,
        settledAt: null,
        dropReason: null,
        helpfulness: new Map(),
      };
      return { ...state, actions: new Map(state.actions).set(d.actionId, action) };
    }
    case 'ActionCompleted':
      return withAction(state, event.data.actionId, (a) => ({ ...a, status: 'done', settledAt: event.data.completedAt }));
    case 'ActionDropped':
      return withAction(state, event.data.actionId, (a) => ({ ...a, status: 'dropped', settledAt: event.data.droppedAt, dropReason: event.data.reason }));
    case 'ActionHelpfulnessRated':
      return withAction(state, event.data.actionId, (a) => ({ ...a, helpfulness: new Map(a.helpfulness).set(event.data.memberId, event.data.helped) }));
    default:
      return assertNever(event);
  }
}
