import type { DomainEvent, SealedValue } from '@leerzone/kernel';
import type { Boundary } from '../shared/boundary.model';
import type { DelegationLevel } from '../shared/delegation.model';
import type { Money } from '../shared/money';
import type { Mandate, MandateViolation } from './mandate.model';
import type { TeamPhase, TeamRole } from './team.model';

/** Every team event, version 1. Shapes never change in place: see docs/governance-events.md. */
type Ev<Type extends string, Data> = DomainEvent<Type, Readonly<Data>>;

// Lifecycle
export type TeamCreated = Ev<'TeamCreated', { teamId: string; name: string; unitId: string | null; purpose: string | null; createdBy: string; createdAt: string }>;
export type TeamRenamed = Ev<'TeamRenamed', { teamId: string; previousName: string; name: string; renamedBy: string; renamedAt: string }>;
export type TeamMovedToUnit = Ev<'TeamMovedToUnit', { teamId: string; previousUnitId: string | null; unitId: string; movedBy: string; movedAt: string; reason: string }>;

// Membership and the yes
export type MemberAdded = Ev<'MemberAdded', { teamId: string; memberId: string; roles: readonly TeamRole[]; addedBy: string; addedAt: string }>;
export type MemberRolesChanged = Ev<
  'MemberRolesChanged',
  { teamId: string; memberId: string; previousRoles: readonly TeamRole[]; roles: readonly TeamRole[]; changedBy: string; changedAt: string }
>;
export type MemberRemoved = Ev<'MemberRemoved', { teamId: string; memberId: string; removedBy: string; removedAt: string; reason: string | null }>;
/** Recorded only by the member themself: `givenBy` always equals `memberId`. */
export type YesGiven = Ev<'YesGiven', { teamId: string; memberId: string; givenBy: string; givenAt: string }>;
export type YesWithdrawn = Ev<'YesWithdrawn', { teamId: string; memberId: string; withdrawnBy: string; withdrawnAt: string; reason: string | null }>;

// Phases
export type TeamPhaseChanged = Ev<
  'TeamPhaseChanged',
  { teamId: string; previousPhase: TeamPhase; phase: TeamPhase; changedBy: string; changedAt: string; reason: string | null }
>;

// Coaching
export type CoachingTopicPlanned = Ev<'CoachingTopicPlanned', { teamId: string; topic: string; goal: string | null; plannedBy: string; plannedAt: string }>;
export type CoachingSessionHeld = Ev<
  'CoachingSessionHeld',
  {
    teamId: string;
    sessionId: string;
    topics: readonly string[];
    heldAt: string;
    coachId: string;
    attendeeIds: readonly string[];
    /**
     * Version 2: free text about named people, so sealed under the session's own vault subject
     * (`coachingNotesSubject`), erased when the coach or any attendee is erased. Version 1 held
     * it in clear text and is upcast with `notes: null` (see team.upcasters.ts).
     */
    notes: SealedValue | null;
    recordedBy: string;
    recordedAt: string;
  }
>;

// Boundaries
export type TeamBoundarySet = Ev<
  'TeamBoundarySet',
  { teamId: string; boundary: Boundary; previous: Boundary | null; setBy: string; setAt: string; reason: string; proposalId: string | null }
>;
export type TeamBoundaryRemoved = Ev<
  'TeamBoundaryRemoved',
  { teamId: string; boundaryId: string; previous: Boundary; removedBy: string; removedAt: string; reason: string; proposalId: string | null }
>;

// Consent
export type BoundaryChange = { readonly action: 'set'; readonly boundary: Boundary } | { readonly action: 'remove'; readonly boundaryId: string };
export type BoundaryChangeProposed = Ev<
  'BoundaryChangeProposed',
  {
    teamId: string;
    proposalId: string;
    change: BoundaryChange;
    reason: string;
    closesAt: string;
    /** The members asked for consent, fixed when the proposal opens. */
    participantIds: readonly string[];
    proposedBy: string;
    proposedAt: string;
  }
>;
export type BoundaryChangeConsented = Ev<'BoundaryChangeConsented', { teamId: string; proposalId: string; memberId: string; consentedBy: string; consentedAt: string }>;
export type BoundaryChangeObjected = Ev<
  'BoundaryChangeObjected',
  { teamId: string; proposalId: string; memberId: string; objectedBy: string; objectedAt: string; reason: string }
>;
export type BoundaryChangeAdopted = Ev<
  'BoundaryChangeAdopted',
  { teamId: string; proposalId: string; consentedIds: readonly string[]; silentIds: readonly string[]; adoptedBy: string; adoptedAt: string }
>;
export type BoundaryChangeEscalated = Ev<
  'BoundaryChangeEscalated',
  { teamId: string; proposalId: string; objections: readonly { memberId: string; reason: string }[]; escalatedBy: string; escalatedAt: string }
>;
export type BoundaryChangeWithdrawn = Ev<'BoundaryChangeWithdrawn', { teamId: string; proposalId: string; withdrawnBy: string; withdrawnAt: string; reason: string }>;
/**
 * Closing found the consented change no longer fits (the unit's frame narrowed while the
 * proposal was open): the proposal ends without changing the boundary, instead of staying
 * open — and locking the boundary — for ever.
 */
export type BoundaryChangeLapsed = Ev<'BoundaryChangeLapsed', { teamId: string; proposalId: string; code: string; message: string; lapsedBy: string; lapsedAt: string }>;

/**
 * The proposal's deadline passed with no objection standing: adopted without anyone
 * closing it (as GlassFrog and Holaspirit do), by the governance scheduler. `deadline` is
 * the proposal's closesAt; a second adoption is refused because the proposal is no longer open.
 */
export type BoundaryChangeAdoptedByDeadline = Ev<
  'BoundaryChangeAdoptedByDeadline',
  { teamId: string; proposalId: string; deadline: string; consentedIds: readonly string[]; silentIds: readonly string[]; adoptedBy: string; adoptedAt: string }
>;

// Escalations answered by the layer above
/** Who answered an escalation, in which capacity: a coach of the team, the unit's named escalation contact, or a tenant-wide role. */
export type EscalationAnswerer = 'team-coach' | 'unit-contact' | 'transformation-lead' | 'admin';
/** An escalated proposal approved: it is adopted, and the boundary changes in the same step. */
export type EscalatedBoundaryChangeApproved = Ev<
  'EscalatedBoundaryChangeApproved',
  { teamId: string; proposalId: string; objections: readonly { memberId: string; reason: string }[]; answeredAs: EscalationAnswerer; approvedBy: string; approvedAt: string; reason: string }
>;
export type EscalatedBoundaryChangeDeclined = Ev<
  'EscalatedBoundaryChangeDeclined',
  { teamId: string; proposalId: string; answeredAs: EscalationAnswerer; declinedBy: string; declinedAt: string; reason: string }
>;

// Review dates ("good enough for now, safe enough to try")
/** What can carry a review date: a team boundary (also one adopted by consent), a principle, a delegation level (by area). */
export type ReviewSubject = { readonly kind: 'boundary' | 'principle' | 'delegation'; readonly id: string };
export type ReviewOutcome = 'kept' | 'changed' | 'dropped';
export type ReviewDateSet = Ev<
  'ReviewDateSet',
  { teamId: string; subject: ReviewSubject; previousReviewBy: string | null; reviewBy: string | null; setBy: string; setAt: string; reason: string }
>;
/**
 * A review held: kept (as it is), changed (the new value follows as its own event before
 * this one: TeamBoundarySet, PrincipleRevised, DelegationLevelChanged) or dropped (removed:
 * TeamBoundaryRemoved, PrincipleRetired, or the level back to 1 Tell). `nextReviewBy`: the next date, or null.
 */
export type AgreementReviewed = Ev<
  'AgreementReviewed',
  { teamId: string; subject: ReviewSubject; outcome: ReviewOutcome; nextReviewBy: string | null; reviewedBy: string; reviewedAt: string; reason: string }
>;

// Delegation board
export type DecisionAreaAdded = Ev<'DecisionAreaAdded', { teamId: string; area: string; title: string; addedBy: string; addedAt: string }>;
/**
 * Version 2: `reviewBy`, the date by which the level is to be looked at again ("good enough
 * for now, safe enough to try"); null for none. Version 1 had no review date and is upcast
 * with `reviewBy: null` (see team.upcasters.ts).
 */
export type DelegationLevelChanged = Ev<
  'DelegationLevelChanged',
  {
    teamId: string;
    area: string;
    previousLevel: DelegationLevel | null;
    level: DelegationLevel;
    reviewBy: string | null;
    changedBy: string;
    changedAt: string;
    reason: string;
  }
>;

// Decisions
export type DecisionRecorded = Ev<
  'DecisionRecorded',
  {
    teamId: string;
    decisionId: string;
    area: string;
    title: string;
    actedUnderLevel: DelegationLevel;
    rationale: string;
    optionsConsidered: readonly string[];
    amount: Money | null;
    mandate: Mandate;
    decidedBy: string;
    decidedAt: string;
  }
>;
export type DecisionEscalated = Ev<
  'DecisionEscalated',
  {
    teamId: string;
    decisionId: string;
    area: string;
    title: string;
    actedUnderLevel: DelegationLevel;
    rationale: string;
    optionsConsidered: readonly string[];
    amount: Money | null;
    mandate: Mandate;
    violations: readonly MandateViolation[];
    escalatedBy: string;
    escalatedAt: string;
  }
>;

/**
 * The layer above approved an escalated decision: it is recorded, tied to the mandate it
 * was checked against and to this approval, which widened that mandate for this one
 * decision only (the violations it covers). Its amount counts against the period's budget.
 */
export type EscalatedDecisionApproved = Ev<
  'EscalatedDecisionApproved',
  {
    teamId: string;
    decisionId: string;
    area: string;
    amount: Money | null;
    mandate: Mandate;
    violations: readonly MandateViolation[];
    answeredAs: EscalationAnswerer;
    approvedBy: string;
    approvedAt: string;
    reason: string;
  }
>;
export type EscalatedDecisionDeclined = Ev<
  'EscalatedDecisionDeclined',
  { teamId: string; decisionId: string; area: string; answeredAs: EscalationAnswerer; declinedBy: string; declinedAt: string; reason: string }
>;

// Principles
export type PrincipleAdopted = Ev<'PrincipleAdopted', { teamId: string; principleId: string; rule: string; value: string; adoptedBy: string; adoptedAt: string }>;
export type PrincipleRevised = Ev<
  'PrincipleRevised',
  {
    teamId: string;
    principleId: string;
    previousRule: string;
    previousValue: string;
    rule: string;
    value: string;
    revisedBy: string;
    revisedAt: string;
    reason: string;
  }
>;
export type PrincipleRetired = Ev<'PrincipleRetired', { teamId: string; principleId: string; retiredBy: string; retiredAt: string; reason: string }>;

export type TeamEvent =
  | TeamCreated
  | TeamRenamed
  | TeamMovedToUnit
  | MemberAdded
  | MemberRolesChanged
  | MemberRemoved
  | YesGiven
  | YesWithdrawn
  | TeamPhaseChanged
  | CoachingTopicPlanned
  | CoachingSessionHeld
  | TeamBoundarySet
  | TeamBoundaryRemoved
  | BoundaryChangeProposed
  | BoundaryChangeConsented
  | BoundaryChangeObjected
  | BoundaryChangeAdopted
  | BoundaryChangeEscalated
  | BoundaryChangeWithdrawn
  | BoundaryChangeLapsed
  | BoundaryChangeAdoptedByDeadline
  | EscalatedBoundaryChangeApproved
  | EscalatedBoundaryChangeDeclined
  | ReviewDateSet
  | AgreementReviewed
  | DecisionAreaAdded
  | DelegationLevelChanged
  | DecisionRecorded
  | DecisionEscalated
  | EscalatedDecisionApproved
  | EscalatedDecisionDeclined
  | PrincipleAdopted
  | PrincipleRevised
  | PrincipleRetired;

/** Every team event type; the Record makes the compiler insist the list is complete. */
const teamEventTypeSet: Record<TeamEvent['type'], true> = {
  TeamCreated: true,
  TeamRenamed: true,
  TeamMovedToUnit: true,
  MemberAdded: true,
  MemberRolesChanged: true,
  MemberRemoved: true,
  YesGiven: true,
  YesWithdrawn: true,
  TeamPhaseChanged: true,
  CoachingTopicPlanned: true,
  CoachingSessionHeld: true,
  TeamBoundarySet: true,
  TeamBoundaryRemoved: true,
  BoundaryChangeProposed: true,
  BoundaryChangeConsented: true,
  BoundaryChangeObjected: true,
  BoundaryChangeAdopted: true,
  BoundaryChangeEscalated: true,
  BoundaryChangeWithdrawn: true,
  BoundaryChangeLapsed: true,
  BoundaryChangeAdoptedByDeadline: true,
  EscalatedBoundaryChangeApproved: true,
  EscalatedBoundaryChangeDeclined: true,
  ReviewDateSet: true,
  AgreementReviewed: true,
  DecisionAreaAdded: true,
  DelegationLevelChanged: true,
  DecisionRecorded: true,
  DecisionEscalated: true,
  EscalatedDecisionApproved: true,
  EscalatedDecisionDeclined: true,
  PrincipleAdopted: true,
  PrincipleRevised: true,
  PrincipleRetired: true,
};
export const TEAM_EVENT_TYPES = Object.keys(teamEventTypeSet) as readonly TeamEvent['type'][];
export const isTeamEvent = (event: { readonly type: string }): event is TeamEvent => Object.hasOwn(teamEventTypeSet, event.type);
