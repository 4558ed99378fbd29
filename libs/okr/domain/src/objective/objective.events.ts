import type { DomainEvent, SealedValue } from '@leerzone/kernel';
import type { ScoreBand } from './scoring';
import type { KeyResultValue } from './measure.model';
import type { BlockerRemovableBy, CheckInRelation, Commitment, GoalpostField, KeyResultDefinition, ObjectiveLevel, ObjectiveOwner } from './objective.model';
import type { KeyResultStatus, StatusThresholds } from './progress';

/** Every objective event, version 1. Shapes never change in place: see docs/okr-events.md. */
type Ev<Type extends string, Data> = DomainEvent<Type, Readonly<Data>>;

export interface CarriedForwardFrom {
  readonly objectiveId: string;
  readonly cycleId: string;
  readonly score: number | null;
}

// The objective
export type ObjectiveDefined = Ev<
  'ObjectiveDefined',
  {
    objectiveId: string;
    cycleId: string;
    level: ObjectiveLevel;
    owner: ObjectiveOwner;
    title: string;
    description: string | null;
    commitment: Commitment;
    carriedForwardFrom: CarriedForwardFrom | null;
    definedBy: string;
    definedAt: string;
  }
>;
export type ObjectiveRevised = Ev<
  'ObjectiveRevised',
  {
    objectiveId: string;
    previous: { title: string; description: string | null; commitment: Commitment };
    title: string;
    description: string | null;
    commitment: Commitment;
    revisedBy: string;
    revisedAt: string;
    reason: string | null;
  }
>;
export type ObjectiveCommittedToCycle = Ev<'ObjectiveCommittedToCycle', { objectiveId: string; cycleId: string; keyResultIds: readonly string[]; committedBy: string; committedAt: string }>;

// Key results and their goalposts
export type KeyResultAdded = Ev<
  'KeyResultAdded',
  { objectiveId: string; keyResultId: string; definition: KeyResultDefinition; whileRunning: boolean; addedBy: string; addedAt: string; reason: string | null }
>;
/** A change that moves no goalpost, or any change before the cycle runs. */
export type KeyResultRedefined = Ev<
  'KeyResultRedefined',
  { objectiveId: string; keyResultId: string; previous: KeyResultDefinition; definition: KeyResultDefinition; redefinedBy: string; redefinedAt: string; reason: string | null }
>;
/** A goalpost moved while the cycle runs: never silent, always with its reason. */
export type KeyResultGoalpostMoved = Ev<
  'KeyResultGoalpostMoved',
  {
    objectiveId: string;
    keyResultId: string;
    previous: KeyResultDefinition;
    definition: KeyResultDefinition;
    changed: readonly GoalpostField[];
    movedBy: string;
    movedAt: string;
    reason: string;
  }
>;
export type KeyResultRemoved = Ev<'KeyResultRemoved', { objectiveId: string; keyResultId: string; whileRunning: boolean; removedBy: string; removedAt: string; reason: string | null }>;

// Alignment
export type AlignmentProposed = Ev<
  'AlignmentProposed',
  { objectiveId: string; parentObjectiveId: string; parentOwner: ObjectiveOwner; previousParentObjectiveId: string | null; proposedBy: string; proposedAt: string }
>;
export type AlignmentAccepted = Ev<'AlignmentAccepted', { objectiveId: string; parentObjectiveId: string; acceptedBy: string; acceptedAt: string }>;
export type AlignmentDeclined = Ev<'AlignmentDeclined', { objectiveId: string; parentObjectiveId: string; declinedBy: string; declinedAt: string; reason: string }>;
export type ContributionsSet = Ev<'ContributionsSet', { objectiveId: string; previous: readonly string[]; objectiveIds: readonly string[]; setBy: string; setAt: string }>;

// Check-ins and blockers
export interface RaisedBlocker {
  readonly blockerId: string;
  readonly description: SealedValue;
  readonly removableBy: BlockerRemovableBy | null;
}
export type KeyResultCheckedIn = Ev<
  'KeyResultCheckedIn',
  {
    objectiveId: string;
    keyResultId: string;
    checkInId: string;
    value: KeyResultValue;
    confidence: number;
    comment: SealedValue | null;
    status: KeyResultStatus;
    /** Where the expected line stood at this check-in: fraction of the cycle elapsed, and the value in the key result's unit (null for milestone and ordinal). */
    elapsed: number;
    expectedValue: number | null;
    attainment: number;
    thresholds: StatusThresholds;
    blockers: readonly RaisedBlocker[];
    stillBlockedBy: readonly string[];
    checkedInAs: Exclude<CheckInRelation, 'none'>;
    checkedInBy: string;
    checkedInAt: string;
  }
>;
export type BlockerResolved = Ev<'BlockerResolved', { objectiveId: string; keyResultId: string; blockerId: string; resolvedBy: string; resolvedAt: string }>;

// Grading
export type KeyResultGraded = Ev<
  'KeyResultGraded',
  {
    objectiveId: string;
    cycleId: string;
    /** Carried so signals across cycles can be read from these events alone. */
    cycleEndsOn: string;
    owner: ObjectiveOwner;
    commitment: Commitment;
    keyResultId: string;
    finalValue: KeyResultValue | null;
    computedScore: number;
    /** The score that counts: the computed one, or the override. */
    score: number;
    override: { score: number; reason: string } | null;
    /** Beside the score against the final definition: the score against the original one, when a goalpost moved (null when it could not be read, e.g. another kind). */
    goalpostMoved: boolean;
    scoreAgainstOriginal: number | null;
    weight: number;
    gradedBy: string;
    gradedAt: string;
  }
>;
export type ObjectiveGraded = Ev<
  'ObjectiveGraded',
  {
    objectiveId: string;
    cycleId: string;
    cycleEndsOn: string;
    owner: ObjectiveOwner;
    commitment: Commitment;
    score: number;
    band: ScoreBand;
    achieved: boolean;
    movedKeyResultIds: readonly string[];
    gradedBy: string;
    gradedAt: string;
  }
>;
/** "Not achieved" asks what stood in the way. The review records obstacles, never who is to blame. */
export type BlockersReviewOpened = Ev<'BlockersReviewOpened', { objectiveId: string; cycleId: string; score: number; blockerIds: readonly string[]; openedBy: string; openedAt: string }>;
export type BlockersReviewFindingRecorded = Ev<
  'BlockersReviewFindingRecorded',
  { objectiveId: string; findingId: string; obstacle: SealedValue; removableBy: BlockerRemovableBy | null; recordedBy: string; recordedAt: string }
>;
export type BlockersReviewClosed = Ev<'BlockersReviewClosed', { objectiveId: string; findingIds: readonly string[]; closedBy: string; closedAt: string }>;

// Carry-forward (the new objective records `carriedForwardFrom` in ObjectiveDefined)
export type ObjectiveCarriedForward = Ev<'ObjectiveCarriedForward', { objectiveId: string; toObjectiveId: string; toCycleId: string; carriedBy: string; carriedAt: string }>;

export type ObjectiveEvent =
  | ObjectiveDefined
  | ObjectiveRevised
  | ObjectiveCommittedToCycle
  | KeyResultAdded
  | KeyResultRedefined
  | KeyResultGoalpostMoved
  | KeyResultRemoved
  | AlignmentProposed
  | AlignmentAccepted
  | AlignmentDeclined
  | ContributionsSet
  | KeyResultCheckedIn
  | BlockerResolved
  | KeyResultGraded
  | ObjectiveGraded
  | BlockersReviewOpened
  | BlockersReviewFindingRecorded
  | BlockersReviewClosed
  | ObjectiveCarriedForward;

/** Every objective event type; the Record makes the compiler insist the list is complete. */
const objectiveEventTypeSet: Record<ObjectiveEvent['type'], true> = {
  ObjectiveDefined: true,
  ObjectiveRevised: true,
  ObjectiveCommittedToCycle: true,
  KeyResultAdded: true,
  KeyResultRedefined: true,
  KeyResultGoalpostMoved: true,
  KeyResultRemoved: true,
  AlignmentProposed: true,
  AlignmentAccepted: true,
  AlignmentDeclined: true,
  ContributionsSet: true,
  KeyResultCheckedIn: true,
  BlockerResolved: true,
  KeyResultGraded: true,
  ObjectiveGraded: true,
  BlockersReviewOpened: true,
  BlockersReviewFindingRecorded: true,
  BlockersReviewClosed: true,
  ObjectiveCarriedForward: true,
};
export const OBJECTIVE_EVENT_TYPES = Object.keys(objectiveEventTypeSet) as readonly ObjectiveEvent['type'][];
export const isObjectiveEvent = (event: { readonly type: string }): event is ObjectiveEvent => Object.hasOwn(objectiveEventTypeSet, event.type);
