import { assertNever } from '@leerzone/kernel';
import { changeEntry, setEntry } from '../shared/maps';
import type { CarriedForwardFrom, ObjectiveEvent } from './objective.events';
import type { BlockerRemovableBy, Commitment, GoalpostField, KeyResultDefinition, ObjectiveLevel, ObjectiveOwner } from './objective.model';
import type { KeyResultValue } from './measure.model';
import type { KeyResultStatus } from './progress';
import type { ScoreBand } from './scoring';

export interface CheckInState {
  readonly checkInId: string;
  readonly value: KeyResultValue;
  readonly confidence: number;
  readonly status: KeyResultStatus;
  readonly checkedInBy: string;
  readonly checkedInAt: string;
}

export interface GoalpostMove {
  readonly changed: readonly GoalpostField[];
  readonly movedBy: string;
  readonly movedAt: string;
  readonly reason: string;
}

export interface KeyResultGrade {
  readonly computedScore: number;
  readonly score: number;
  readonly scoreAgainstOriginal: number | null;
  readonly overrideReason: string | null;
}

export interface KeyResultState {
  readonly keyResultId: string;
  readonly definition: KeyResultDefinition;
  /** The definition before the first goalpost moved while the cycle ran; equal to `definition` while none did. */
  readonly original: KeyResultDefinition;
  readonly moves: readonly GoalpostMove[];
  readonly removed: boolean;
  /** Oldest first. */
  readonly checkIns: readonly CheckInState[];
  readonly grade: KeyResultGrade | null;
}

export interface BlockerState {
  readonly blockerId: string;
  readonly keyResultId: string;
  readonly removableBy: BlockerRemovableBy | null;
  readonly raisedAt: string;
  readonly resolvedAt: string | null;
}

export interface AlignmentState {
  readonly parentObjectiveId: string;
  readonly parentOwner: ObjectiveOwner;
  readonly status: 'proposed' | 'accepted' | 'declined';
}

export interface ObjectiveState {
  readonly exists: boolean;
  readonly objectiveId: string | null;
  readonly cycleId: string | null;
  readonly level: ObjectiveLevel | null;
  readonly owner: ObjectiveOwner | null;
  readonly title: string | null;
  readonly description: string | null;
  readonly commitment: Commitment | null;
  readonly definedAt: string | null;
  /** When it was committed to its cycle with 3–5 key results; null while it is a draft. */
  readonly committedAt: string | null;
  /** In the order they were added; removed ones stay, marked, for the history. */
  readonly keyResults: ReadonlyMap<string, KeyResultState>;
  readonly checkInIds: ReadonlySet<string>;
  readonly blockers: ReadonlyMap<string, BlockerState>;
  readonly alignment: AlignmentState | null;
  readonly contributesTo: readonly string[];
  readonly grade: { readonly score: number; readonly band: ScoreBand; readonly achieved: boolean; readonly gradedAt: string } | null;
  readonly review: { readonly status: 'open' | 'closed'; readonly findingIds: readonly string[] } | null;
  readonly carriedForwardFrom: CarriedForwardFrom | null;
  readonly carriedForwardTo: readonly { readonly objectiveId: string; readonly cycleId: string }[];
}

export const initialObjectiveState: ObjectiveState = {
  exists: false,
  objectiveId: null,
  cycleId: null,
  level: null,
  owner: null,
  title: null,
  description: null,
  commitment: null,
  definedAt: null,
  committedAt: null,
  keyResults: new Map(),
  checkInIds: new Set(),
  blockers: new Map(),
  alignment: null,
  contributesTo: [],
  grade: null,
  review: null,
  carriedForwardFrom: null,
  carriedForwardTo: [],
};

const onKeyResult = (state: ObjectiveState, keyResultId: string, change: (kr: KeyResultState) => KeyResultState): ObjectiveState => ({
  ...state,
  keyResults: changeEntry(state.keyResults, keyResultId, change),
});

export function evolveObjective(state: ObjectiveState, event: ObjectiveEvent): ObjectiveState {
  switch (event.type) {
    case 'ObjectiveDefined': {
      const { objectiveId, cycleId, level, owner, title, description, commitment, carriedForwardFrom, definedAt } = event.data;
      return { ...state, exists: true, objectiveId, cycleId, level, owner, title, description, commitment, carriedForwardFrom, definedAt };
    }
    case 'ObjectiveRevised':
      return { ...state, title: event.data.title, description: event.data.description, commitment: event.data.commitment };
    case 'ObjectiveCommittedToCycle':
      return { ...state, committedAt: event.data.committedAt };
    case 'KeyResultAdded': {
      const { keyResultId, definition } = event.data;
      return {
        ...state,
        keyResults: setEntry(state.keyResults, keyResultId, { keyResultId, definition, original: definition, moves: [], removed: false, checkIns: [], grade: null }),
      };
    }
    case 'KeyResultRedefined':
      return onKeyResult(state, event.data.keyResultId, (kr) => ({
        ...kr,
        definition: event.data.definition,
        original: kr.moves.length === 0 ? event.data.definition : kr.original,
      }));
    case 'KeyResultGoalpostMoved': {
      const { definition, changed, movedBy, movedAt, reason } = event.data;
      return onKeyResult(state, event.data.keyResultId, (kr) => ({ ...kr, definition, moves: [...kr.moves, { changed, movedBy, movedAt, reason }] }));
    }
    case 'KeyResultRemoved':
      return onKeyResult(state, event.data.keyResultId, (kr) => ({ ...kr, removed: true }));
    case 'AlignmentProposed':
      return { ...state, alignment: { parentObjectiveId: event.data.parentObjectiveId, parentOwner: event.data.parentOwner, status: 'proposed' } };
    case 'AlignmentAccepted':
      return { ...state, alignment: state.alignment && { ...state.alignment, status: 'accepted' } };
    case 'AlignmentDeclined':
      return { ...state, alignment: state.alignment && { ...state.alignment, status: 'declined' } };
    case 'ContributionsSet':
      return { ...state, contributesTo: event.data.objectiveIds };
    case 'KeyResultCheckedIn': {
      const { keyResultId, checkInId, value, confidence, status, checkedInBy, checkedInAt, blockers } = event.data;
      let open = state.blockers;
      for (const b of blockers) open = setEntry(open, b.blockerId, { blockerId: b.blockerId, keyResultId, removableBy: b.removableBy, raisedAt: checkedInAt, resolvedAt: null });
      const next = onKeyResult(state, keyResultId, (kr) => ({ ...kr, checkIns: [...kr.checkIns, { checkInId, value, confidence, status, checkedInBy, checkedInAt }] }));
      return { ...next, blockers: open, checkInIds: new Set(state.checkInIds).add(checkInId) };
    }
    case 'BlockerResolved':
      return { ...state, blockers: changeEntry(state.blockers, event.data.blockerId, (b) => ({ ...b, resolvedAt: event.data.resolvedAt })) };
    case 'KeyResultGraded': {
      const { computedScore, score, scoreAgainstOriginal, override } = event.data;
      return onKeyResult(state, event.data.keyResultId, (kr) => ({ ...kr, grade: { computedScore, score, scoreAgainstOriginal, overrideReason: override?.reason ?? null } }));
    }
    case 'ObjectiveGraded': {
      const { score, band, achieved, gradedAt } = event.data;
      return { ...state, grade: { score, band, achieved, gradedAt } };
    }
    case 'BlockersReviewOpened':
      return { ...state, review: { status: 'open', findingIds: [] } };
    case 'BlockersReviewFindingRecorded':
      return { ...state, review: state.review && { ...state.review, findingIds: [...state.review.findingIds, event.data.findingId] } };
    case 'BlockersReviewClosed':
      return { ...state, review: state.review && { ...state.review, status: 'closed' } };
    case 'ObjectiveCarriedForward':
      return { ...state, carriedForwardTo: [...state.carriedForwardTo, { objectiveId: event.data.toObjectiveId, cycleId: event.data.toCycleId }] };
    default:
      return assertNever(event);
  }
}

/** The key results that count: not removed, in the order they were added. */
export const activeKeyResults = (state: ObjectiveState): readonly KeyResultState[] => [...state.keyResults.values()].filter((kr) => !kr.removed);
