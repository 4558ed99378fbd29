import type { SealedValue } from '@leerzone/kernel';
import type { EffectiveBoundary } from '../shared/boundary.model';
import type { Money } from '../shared/money';
import type { EscalationAnswerer, ReviewOutcome, ReviewSubject } from './team.events';

/**
 * Commands on one team's stream. Inputs arrive from HTTP, so payload fields that carry
 * structure (boundaries, amounts) are typed loosely where the decider validates them.
 * `unitBoundaries` is the lookup of the unit's effective boundaries (own + inherited),
 * read by the service from the organisation stream; the decider never reads it itself.
 */
type Cmd<Type extends string, Data> = { readonly type: Type; readonly data: Data };
type OnTeam<Data = object> = { readonly teamId: string } & Data;

// Lifecycle
export type CreateTeam = Cmd<'CreateTeam', { readonly teamId: string; readonly name: string; readonly unitId?: string; readonly purpose?: string }>;
export type RenameTeam = Cmd<'RenameTeam', OnTeam<{ readonly name: string }>>;
export type MoveTeamToUnit = Cmd<'MoveTeamToUnit', OnTeam<{ readonly unitId: string; readonly unitBoundaries: readonly EffectiveBoundary[] }>>;

// Membership and the yes
export type AddMember = Cmd<'AddMember', OnTeam<{ readonly memberId: string; readonly roles: readonly string[] }>>;
export type ChangeMemberRoles = Cmd<'ChangeMemberRoles', OnTeam<{ readonly memberId: string; readonly roles: readonly string[] }>>;
export type RemoveMember = Cmd<'RemoveMember', OnTeam<{ readonly memberId: string }>>;
export type SayYes = Cmd<'SayYes', OnTeam<{ readonly memberId: string }>>;
export type WithdrawYes = Cmd<'WithdrawYes', OnTeam<{ readonly memberId: string }>>;

// Phases
export type MoveTeamToPhase = Cmd<'MoveTeamToPhase', OnTeam<{ readonly phase: string }>>;

// Coaching
export type PlanCoachingTopic = Cmd<'PlanCoachingTopic', OnTeam<{ readonly topic: string; readonly goal?: string }>>;
export type RecordCoachingSession = Cmd<
  'RecordCoachingSession',
  OnTeam<{
    readonly sessionId: string;
    readonly topics: readonly string[];
    /** ISO instant the session took place; not after ctx.now. */
    readonly heldAt: string;
    readonly coachId: string;
    readonly attendeeIds: readonly string[];
    /** Sealed by the service under `coachingNotesSubject` (validated first with `coachingNotes`); clear text is refused. */
    readonly notes?: SealedValue | null;
  }>
>;

// Boundaries (every change needs ctx.reason)
export type SetTeamBoundary = Cmd<'SetTeamBoundary', OnTeam<{ readonly boundary: unknown; readonly unitBoundaries: readonly EffectiveBoundary[] }>>;
export type RemoveTeamBoundary = Cmd<'RemoveTeamBoundary', OnTeam<{ readonly boundaryId: string; readonly unitBoundaries: readonly EffectiveBoundary[] }>>;

// Consent on a boundary change
export type BoundaryChangeInput = { readonly action: 'set'; readonly boundary: unknown } | { readonly action: 'remove'; readonly boundaryId: string };
export type ProposeBoundaryChange = Cmd<
  'ProposeBoundaryChange',
  OnTeam<{
    readonly proposalId: string;
    readonly change: BoundaryChangeInput;
    /** ISO instant at which the time box ends: the deadline for objections. Absent → now + defaultDeadlineDays. */
    readonly closesAt?: string;
    /** The tenant's consent default (its settings), looked up by the service. */
    readonly defaultDeadlineDays?: number;
    readonly unitBoundaries: readonly EffectiveBoundary[];
  }>
>;
export type ConsentToBoundaryChange = Cmd<'ConsentToBoundaryChange', OnTeam<{ readonly proposalId: string; readonly memberId: string }>>;
/** The objection's reason is ctx.reason, like every other "why". */
export type ObjectToBoundaryChange = Cmd<'ObjectToBoundaryChange', OnTeam<{ readonly proposalId: string; readonly memberId: string }>>;
export type CloseBoundaryProposal = Cmd<'CloseBoundaryProposal', OnTeam<{ readonly proposalId: string; readonly unitBoundaries: readonly EffectiveBoundary[] }>>;
export type WithdrawBoundaryProposal = Cmd<'WithdrawBoundaryProposal', OnTeam<{ readonly proposalId: string }>>;
/** Taken by the scheduler once the deadline passed: adopted when no objection stands, escalated otherwise. */
export type AdoptBoundaryChangeByDeadline = Cmd<'AdoptBoundaryChangeByDeadline', OnTeam<{ readonly proposalId: string; readonly unitBoundaries: readonly EffectiveBoundary[] }>>;

// Escalations (the answer's reason is ctx.reason)
export type EscalationRef = { readonly kind: 'decision' | 'proposal'; readonly id: string };
export type AnswerEscalation = Cmd<
  'AnswerEscalation',
  OnTeam<{
    readonly escalation: EscalationRef;
    readonly answer: 'approve' | 'decline';
    /** The capacity the service found the caller in; `team-coach` and `unit-contact` are checked here. */
    readonly answeredAs: EscalationAnswerer;
    /** Lookup: the escalation contacts named for the team's unit (nearest first). */
    readonly unitContactIds: readonly string[];
    readonly unitBoundaries: readonly EffectiveBoundary[];
  }>
>;

// Review dates (the reason is ctx.reason)
export type SetReviewDate = Cmd<'SetReviewDate', OnTeam<{ readonly subject: ReviewSubject; readonly reviewBy: string | null }>>;
export type ReviewAgreement = Cmd<
  'ReviewAgreement',
  OnTeam<{
    readonly subject: ReviewSubject;
    readonly outcome: ReviewOutcome;
    readonly nextReviewBy?: string | null;
    /** For `changed`: the new value, by the subject's kind. */
    readonly boundary?: unknown;
    readonly level?: number;
    readonly rule?: string;
    readonly value?: string;
    readonly unitBoundaries: readonly EffectiveBoundary[];
  }>
>;

// Delegation board
export type AddDecisionArea = Cmd<'AddDecisionArea', OnTeam<{ readonly area: string; readonly title: string }>>;
/** `reviewBy`: an ISO date, today or later, by which the level is reviewed; null or absent for none. */
export type SetDelegationLevel = Cmd<'SetDelegationLevel', OnTeam<{ readonly area: string; readonly level: number; readonly reviewBy?: string | null }>>;

// Decisions
export type RecordDecision = Cmd<
  'RecordDecision',
  OnTeam<{
    readonly decisionId: string;
    readonly area: string;
    readonly title: string;
    /** The delegation level (1–7) the team acted under. */
    readonly actedUnderLevel: number;
    readonly rationale: string;
    readonly optionsConsidered: readonly string[];
    /** For financial decisions. */
    readonly amount?: Money;
    readonly unitBoundaries: readonly EffectiveBoundary[];
    /** Outside the mandate: refuse (default) or record the decision as escalated. */
    readonly onOutsideMandate?: 'reject' | 'escalate';
  }>
>;

// Principles
export type AdoptPrinciple = Cmd<'AdoptPrinciple', OnTeam<{ readonly principleId: string; readonly rule: string; readonly value: string }>>;
export type RevisePrinciple = Cmd<'RevisePrinciple', OnTeam<{ readonly principleId: string; readonly rule: string; readonly value: string }>>;
export type RetirePrinciple = Cmd<'RetirePrinciple', OnTeam<{ readonly principleId: string }>>;

export type TeamCommand =
  | CreateTeam
  | RenameTeam
  | MoveTeamToUnit
  | AddMember
  | ChangeMemberRoles
  | RemoveMember
  | SayYes
  | WithdrawYes
  | MoveTeamToPhase
  | PlanCoachingTopic
  | RecordCoachingSession
  | SetTeamBoundary
  | RemoveTeamBoundary
  | ProposeBoundaryChange
  | ConsentToBoundaryChange
  | ObjectToBoundaryChange
  | CloseBoundaryProposal
  | WithdrawBoundaryProposal
  | AdoptBoundaryChangeByDeadline
  | AnswerEscalation
  | SetReviewDate
  | ReviewAgreement
  | AddDecisionArea
  | SetDelegationLevel
  | RecordDecision
  | AdoptPrinciple
  | RevisePrinciple
  | RetirePrinciple;
