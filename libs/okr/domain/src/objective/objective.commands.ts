import type { SealedValue } from '@leerzone/kernel';
import type { CycleFacts } from '../cycle/cycle.model';
import type { BlockerRemovableBy, CheckInRelation, Commitment, KeyResultDefinition, ObjectiveLevel, ObjectiveOwner } from './objective.model';
import type { StatusThresholds } from './progress';

/**
 * Commands on one objective's stream (the objective with its key results, check-ins,
 * blockers and grade). Fields typed `unknown` arrive from HTTP and are validated here.
 * `cycle` is a lookup: the facts of the objective's cycle, read by the service from the
 * cycle's stream (`cycleFacts`); the decider only checks it is the objective's cycle.
 */
type Cmd<Type extends string, Data> = { readonly type: Type; readonly data: Data };
type OnObjective<Data = object> = { readonly objectiveId: string } & Data;
type InCycle<Data = object> = OnObjective<{ readonly cycle: CycleFacts } & Data>;

export type DefineObjective = Cmd<
  'DefineObjective',
  InCycle<{ readonly level: ObjectiveLevel; readonly owner: ObjectiveOwner; readonly title: string; readonly description?: string; readonly commitment: Commitment }>
>;
/** Changing the commitment while the cycle runs needs ctx.reason. */
export type ReviseObjective = Cmd<'ReviseObjective', InCycle<{ readonly title?: string; readonly description?: string | null; readonly commitment?: Commitment }>>;
/** Step 4: 3 to 5 key results, checked here. */
export type CommitObjectiveToCycle = Cmd<'CommitObjectiveToCycle', InCycle>;

export type AddKeyResult = Cmd<'AddKeyResult', InCycle<{ readonly keyResultId: string; readonly title: string; readonly measure: unknown; readonly weight?: number }>>;
/** Omitted fields stay as they are. While the cycle runs, moving a goalpost needs ctx.reason. */
export type RedefineKeyResult = Cmd<
  'RedefineKeyResult',
  InCycle<{ readonly keyResultId: string; readonly title?: string; readonly measure?: unknown; readonly weight?: number }>
>;
export type RemoveKeyResult = Cmd<'RemoveKeyResult', InCycle<{ readonly keyResultId: string }>>;

/** Facts about the proposed parent objective, read by the service from its stream. */
export interface ParentObjectiveFacts {
  readonly objectiveId: string;
  readonly cycleId: string;
  readonly level: ObjectiveLevel;
  readonly owner: ObjectiveOwner;
}
/** Step 3, bottom-up: the owning team proposes the one objective it supports upward. */
export type ProposeAlignment = Cmd<'ProposeAlignment', OnObjective<{ readonly parent: ParentObjectiveFacts }>>;
/** Answered by the parent's owner (the service checks the actor speaks for it); declining needs ctx.reason. */
export type AcceptAlignment = Cmd<'AcceptAlignment', OnObjective<{ readonly parentObjectiveId: string }>>;
export type DeclineAlignment = Cmd<'DeclineAlignment', OnObjective<{ readonly parentObjectiveId: string }>>;
/** The other objectives it contributes to, besides its parent: a plain list, no answer needed. */
export type SetContributions = Cmd<'SetContributions', OnObjective<{ readonly objectiveIds: readonly string[] }>>;

export interface NewBlocker {
  readonly blockerId: string;
  /** Sealed by the application layer with the author's key (BLOCKER_TEXT). */
  readonly description: SealedValue;
  readonly removableBy?: BlockerRemovableBy | null;
}
export type CheckInOnKeyResult = Cmd<
  'CheckInOnKeyResult',
  InCycle<{
    readonly checkInId: string;
    readonly keyResultId: string;
    readonly value: unknown;
    readonly confidence: number;
    /** Sealed by the application layer with the author's key (CHECK_IN_COMMENT_TEXT). */
    readonly comment?: SealedValue | null;
    /** New blockers; an at-risk check-in needs at least one, new or still open. */
    readonly blockers?: readonly NewBlocker[];
    /** Open blockers of this key result that still stand in the way. */
    readonly stillBlockedBy?: readonly string[];
    /** The tenant's thresholds (DEFAULT_STATUS_THRESHOLDS unless configured). */
    readonly thresholds: StatusThresholds;
    /** From the service's read model of governance's teams: a current member or the team's coach may check in. */
    readonly actorRelation: CheckInRelation;
  }>
>;
export type ResolveBlocker = Cmd<'ResolveBlocker', OnObjective<{ readonly blockerId: string }>>;

export interface ScoreOverride {
  readonly keyResultId: string;
  readonly score: number;
  readonly reason: string;
}
/** Scores every key result from its values; overrides replace a computed score, each with its reason. */
export type GradeObjective = Cmd<'GradeObjective', InCycle<{ readonly overrides?: readonly ScoreOverride[] }>>;
export type RecordBlockersReviewFinding = Cmd<
  'RecordBlockersReviewFinding',
  OnObjective<{ readonly findingId: string; readonly obstacle: SealedValue; readonly removableBy?: BlockerRemovableBy | null }>
>;
export type CloseBlockersReview = Cmd<'CloseBlockersReview', OnObjective>;

/** What carrying forward copies from the old objective, built by the service with `carryForwardSource(oldState)`. */
export interface CarryForwardSource {
  readonly objectiveId: string;
  readonly cycleId: string;
  readonly level: ObjectiveLevel;
  readonly owner: ObjectiveOwner;
  readonly title: string;
  readonly description: string | null;
  readonly commitment: Commitment;
  /** null while the old objective is not graded. */
  readonly score: number | null;
  readonly keyResults: readonly ({ readonly keyResultId: string } & KeyResultDefinition)[];
}
/** On the new objective's stream: a new objective in the next cycle, linked to the old one, without its check-ins. */
export type CarryObjectiveForward = Cmd<'CarryObjectiveForward', InCycle<{ readonly source: CarryForwardSource; readonly keyResultIds?: readonly string[] }>>;
/** On the old objective's stream, after the new one exists: where it was carried to. */
export type RecordCarriedForward = Cmd<'RecordCarriedForward', OnObjective<{ readonly toObjectiveId: string; readonly toCycleId: string }>>;

export type ObjectiveCommand =
  | DefineObjective
  | ReviseObjective
  | CommitObjectiveToCycle
  | AddKeyResult
  | RedefineKeyResult
  | RemoveKeyResult
  | ProposeAlignment
  | AcceptAlignment
  | DeclineAlignment
  | SetContributions
  | CheckInOnKeyResult
  | ResolveBlocker
  | GradeObjective
  | RecordBlockersReviewFinding
  | CloseBlockersReview
  | CarryObjectiveForward
  | RecordCarriedForward;
