import type { Boundary, EffectiveBoundary } from '../shared/boundary.model';
import { DEFAULT_MAX_MONTHS_IN_PHASE, DEFAULT_MAX_MONTHS_ON_JOURNEY } from '../shared/limits';
import { addMonths, startOfIsoDate, wholeDaysBetween, wholeMonthsBetween } from '../shared/calendar';
import type { DelegationLevel, DelegationLevelName } from '../shared/delegation.model';
import { delegationLevelName, UNDELEGATED_LEVEL } from '../shared/delegation.model';
import type { BoundaryChange } from './team.events';
import type { TeamPhase, TeamRole } from './team.model';
import type { ProposalStatus, TeamState } from './team.state';

/** Pure read models over TeamState, plain JSON so the HTTP layer can return them as they are. */

export interface SelfSteeringReadiness {
  /** Current holders of the member role: only their yes counts. */
  readonly requiredMemberIds: readonly string[];
  readonly saidYesMemberIds: readonly string[];
  readonly missingMemberIds: readonly string[];
  readonly ready: boolean;
}

export function selfSteeringReadiness(state: TeamState): SelfSteeringReadiness {
  const required = [...state.members.values()].filter((m) => m.roles.includes('member'));
  const saidYes = required.filter((m) => m.yesGivenAt !== null).map((m) => m.memberId);
  const missing = required.filter((m) => m.yesGivenAt === null).map((m) => m.memberId);
  return { requiredMemberIds: required.map((m) => m.memberId), saidYesMemberIds: saidYes, missingMemberIds: missing, ready: required.length > 0 && missing.length === 0 };
}

export interface PhaseProgressOptions {
  /** A team spending this long in one phase has stalled. Default 6 (the tenant's settings override it): half the article's 12-month journey. */
  readonly maxMonthsInPhase?: number;
  /** The article's upper bound for the whole journey, from leaving `preparing` to self-steering. Default 12. */
  readonly maxMonthsOnJourney?: number;
  /** From the rollout plan: a team still preparing after this date (YYYY-MM-DD) has not started on time. */
  readonly plannedStartOn?: string | null;
}

export type StallReason = 'phase-too-long' | 'journey-too-long' | 'start-overdue';

export interface PhaseProgress {
  readonly phase: TeamPhase;
  readonly phaseSince: string;
  readonly daysInPhase: number;
  readonly monthsInPhase: number;
  /** When the team left `preparing`; null while it is still preparing. */
  readonly journeyStartedAt: string | null;
  readonly monthsOnJourney: number | null;
  readonly stalled: boolean;
  readonly reasons: readonly StallReason[];
  readonly history: readonly { readonly phase: TeamPhase; readonly since: string }[];
}

/**
 * Whether a team has stalled on its way to self-steering, as of `now`. Waiting in
 * `preparing` is not stalling (following teams wait for their turn) unless the rollout
 * plan's start date has passed; a self-steering team has arrived and never stalls.
 */
export function phaseProgress(state: TeamState, now: Date, options: PhaseProgressOptions = {}): PhaseProgress | null {
  if (!state.exists || state.phaseSince === null) return null;
  const maxInPhase = options.maxMonthsInPhase ?? DEFAULT_MAX_MONTHS_IN_PHASE;
  const maxJourney = options.maxMonthsOnJourney ?? DEFAULT_MAX_MONTHS_ON_JOURNEY;
  const since = new Date(state.phaseSince);
  // The latest departure from preparing: a team sent back to preparing starts its journey anew.
  const journeyStart = [...state.phaseHistory].reverse().find((p, i, reversed) => p.phase !== 'preparing' && reversed[i + 1]?.phase === 'preparing');
  const journeyStartedAt = state.phase === 'preparing' ? null : (journeyStart?.since ?? null);
  const reasons: StallReason[] = [];
  if (state.phase !== 'self-steering' && state.phase !== 'preparing' && now.getTime() >= addMonths(since, maxInPhase).getTime()) {
    reasons.push('phase-too-long');
  }
  if (state.phase !== 'self-steering' && journeyStartedAt !== null && now.getTime() >= addMonths(new Date(journeyStartedAt), maxJourney).getTime()) {
    reasons.push('journey-too-long');
  }
  if (state.phase === 'preparing' && options.plannedStartOn && now.getTime() >= startOfIsoDate(options.plannedStartOn).getTime()) {
    reasons.push('start-overdue');
  }
  return {
    phase: state.phase,
    phaseSince: state.phaseSince,
    daysInPhase: wholeDaysBetween(since, now),
    monthsInPhase: wholeMonthsBetween(since, now),
    journeyStartedAt,
    monthsOnJourney: journeyStartedAt === null ? null : wholeMonthsBetween(new Date(journeyStartedAt), now),
    stalled: reasons.length > 0,
    reasons,
    history: state.phaseHistory,
  };
}

export interface MembershipView {
  readonly teamId: string | null;
  readonly members: readonly {
    readonly memberId: string;
    readonly roles: readonly TeamRole[];
    readonly addedAt: string;
    readonly saidYes: boolean;
    readonly yesGivenAt: string | null;
  }[];
  readonly readiness: SelfSteeringReadiness;
}

export const membershipView = (state: TeamState): MembershipView => ({
  teamId: state.teamId,
  members: [...state.members.values()].map((m) => ({ memberId: m.memberId, roles: m.roles, addedAt: m.addedAt, saidYes: m.yesGivenAt !== null, yesGivenAt: m.yesGivenAt })),
  readiness: selfSteeringReadiness(state),
});

export interface BoundariesView {
  readonly teamId: string | null;
  /** The team's own boundaries with who set them, when and why. */
  readonly own: readonly { readonly boundary: Boundary; readonly setBy: string; readonly setAt: string; readonly reason: string; readonly proposalId: string | null }[];
  /** Own plus the unit's (when a lookup is given): everything the team must respect. */
  readonly effective: readonly EffectiveBoundary[];
}

export const boundariesView = (state: TeamState, unitBoundaries: readonly EffectiveBoundary[] = []): BoundariesView => ({
  teamId: state.teamId,
  own: [...state.boundaries.values()],
  effective: [...unitBoundaries, ...[...state.boundaries.values()].map((e) => ({ boundary: e.boundary, source: { level: 'team' as const, teamId: state.teamId ?? '' } }))],
});

export interface DelegationBoardView {
  readonly teamId: string | null;
  readonly areas: readonly {
    readonly area: string;
    readonly title: string;
    readonly custom: boolean;
    /** The level set on the board; null when nobody set one yet. */
    readonly level: DelegationLevel | null;
    /** What applies: an unset area is not delegated (1, Tell). */
    readonly effectiveLevel: DelegationLevel;
    readonly effectiveLevelName: DelegationLevelName;
    readonly setAt: string | null;
    readonly setBy: string | null;
    readonly reason: string | null;
  }[];
}

export const delegationBoardView = (state: TeamState): DelegationBoardView => ({
  teamId: state.teamId,
  areas: [...state.decisionAreas.values()].map((a) => {
    const effectiveLevel = a.level ?? UNDELEGATED_LEVEL;
    return {
      area: a.area,
      title: a.title,
      custom: a.custom,
      level: a.level,
      effectiveLevel,
      effectiveLevelName: delegationLevelName(effectiveLevel),
      setAt: a.levelSetAt,
      setBy: a.levelSetBy,
      reason: a.levelReason,
      reviewBy: a.reviewBy,
    };
  }),
});

export interface ProposalView {
  readonly proposalId: string;
  readonly change: BoundaryChange;
  readonly reason: string;
  readonly closesAt: string;
  readonly status: ProposalStatus;
  readonly proposedBy: string;
  readonly proposedAt: string;
  readonly participantIds: readonly string[];
  readonly responses: readonly { readonly memberId: string; readonly response: 'consent' | 'objection'; readonly reason: string | null; readonly at: string }[];
}

export const proposalsView = (state: TeamState): readonly ProposalView[] =>
  [...state.proposals.values()].map(({ responses, ...p }) => ({ ...p, responses: [...responses.entries()].map(([memberId, r]) => ({ memberId, ...r })) }));

export const principlesView = (state: TeamState) => [...state.principles.values()];

export const coachingView = (state: TeamState) => ({
  teamId: state.teamId,
  plan: [...state.coachingTopics.values()],
  sessions: [...state.coachingSessions.values()].sort((a, b) => a.heldAt.localeCompare(b.heldAt)),
});

export const teamSummary = (state: TeamState) => ({
  exists: state.exists,
  teamId: state.teamId,
  name: state.name,
  unitId: state.unitId,
  purpose: state.purpose,
  createdBy: state.createdBy,
  createdAt: state.createdAt,
  phase: state.phase,
  phaseSince: state.phaseSince,
  memberCount: state.members.size,
  readiness: selfSteeringReadiness(state),
});
