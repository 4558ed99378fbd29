import { assertNever } from '@leerzone/kernel';
import type { Boundary } from '../shared/boundary.model';
import type { DelegationLevel } from '../shared/delegation.model';
import { STANDARD_DECISION_AREAS } from '../shared/delegation.model';
import { updateEntry, withEntry, withoutEntry } from '../shared/maps';
import type { Money } from '../shared/money';
import type { Mandate, MandateViolation } from './mandate.model';
import type { BoundaryChange, ReviewSubject, TeamEvent } from './team.events';
import type { TeamPhase, TeamRole } from './team.model';

export interface TeamMemberState {
  readonly memberId: string;
  readonly roles: readonly TeamRole[];
  readonly addedAt: string;
  /** The yes of this membership; a member who leaves and returns must say yes again. */
  readonly yesGivenAt: string | null;
}

export interface TeamBoundaryEntry {
  readonly boundary: Boundary;
  readonly setBy: string;
  readonly setAt: string;
  readonly reason: string;
  readonly proposalId: string | null;
  /** When the boundary is to be looked at again; kept across changes until a review or ReviewDateSet moves it. */
  readonly reviewBy: string | null;
}

/** `approved`/`declined`: an escalated proposal answered by the layer above. */
export type ProposalStatus = 'open' | 'adopted' | 'escalated' | 'withdrawn' | 'lapsed' | 'approved' | 'declined';

export interface ProposalResponse {
  readonly response: 'consent' | 'objection';
  readonly reason: string | null;
  readonly at: string;
}

export interface BoundaryProposalState {
  readonly proposalId: string;
  readonly change: BoundaryChange;
  readonly reason: string;
  readonly closesAt: string;
  readonly participantIds: readonly string[];
  readonly proposedBy: string;
  readonly proposedAt: string;
  readonly status: ProposalStatus;
  /** Who closed it into escalation, and when; null unless escalated. */
  readonly escalatedBy: string | null;
  readonly escalatedAt: string | null;
  /** The latest response of each participant: a member may change their mind while the proposal is open. */
  readonly responses: ReadonlyMap<string, ProposalResponse>;
}

export interface DecisionAreaState {
  readonly area: string;
  readonly title: string;
  readonly custom: boolean;
  readonly level: DelegationLevel | null;
  readonly levelSetAt: string | null;
  readonly levelSetBy: string | null;
  readonly levelReason: string | null;
  readonly reviewBy: string | null;
}

export interface TeamDecisionState {
  readonly decisionId: string;
  readonly area: string;
  /** approved/declined: an escalated decision answered by the layer above. */
  readonly status: 'recorded' | 'escalated' | 'approved' | 'declined';
  readonly amount: Money | null;
  readonly decidedAt: string;
  /** Who recorded (or escalated) it. */
  readonly decidedBy: string;
  /** For an escalated decision: the mandate it was checked against and what put it outside. */
  readonly escalation: { readonly mandate: Mandate; readonly violations: readonly MandateViolation[] } | null;
}

export interface PrincipleState {
  readonly principleId: string;
  readonly rule: string;
  readonly value: string;
  readonly adoptedAt: string;
  readonly status: 'active' | 'retired';
  readonly reviewBy: string | null;
}

export interface CoachingTopicState {
  readonly topic: string;
  readonly goal: string | null;
  readonly plannedAt: string;
  readonly sessionsHeld: number;
}

export interface CoachingSessionState {
  readonly sessionId: string;
  readonly topics: readonly string[];
  readonly heldAt: string;
  readonly coachId: string;
  readonly attendeeIds: readonly string[];
}

export interface PhasePeriod {
  readonly phase: TeamPhase;
  readonly since: string;
}

export interface TeamState {
  readonly exists: boolean;
  readonly teamId: string | null;
  readonly name: string | null;
  readonly unitId: string | null;
  readonly purpose: string | null;
  readonly createdBy: string | null;
  readonly createdAt: string | null;
  readonly phase: TeamPhase;
  /** When the current phase began; null before the team exists. */
  readonly phaseSince: string | null;
  readonly phaseHistory: readonly PhasePeriod[];
  readonly members: ReadonlyMap<string, TeamMemberState>;
  readonly coachingTopics: ReadonlyMap<string, CoachingTopicState>;
  readonly coachingSessions: ReadonlyMap<string, CoachingSessionState>;
  readonly boundaries: ReadonlyMap<string, TeamBoundaryEntry>;
  readonly proposals: ReadonlyMap<string, BoundaryProposalState>;
  readonly decisionAreas: ReadonlyMap<string, DecisionAreaState>;
  readonly decisions: ReadonlyMap<string, TeamDecisionState>;
  readonly principles: ReadonlyMap<string, PrincipleState>;
}

const standardAreas: ReadonlyMap<string, DecisionAreaState> = new Map(
  Object.entries(STANDARD_DECISION_AREAS).map(([area, title]) => [
    area,
    { area, title, custom: false, level: null, levelSetAt: null, levelSetBy: null, levelReason: null, reviewBy: null },
  ]),
);

export const initialTeamState: TeamState = {
  exists: false,
  teamId: null,
  name: null,
  unitId: null,
  purpose: null,
  createdBy: null,
  createdAt: null,
  phase: 'preparing',
  phaseSince: null,
  phaseHistory: [],
  members: new Map(),
  coachingTopics: new Map(),
  coachingSessions: new Map(),
  boundaries: new Map(),
  proposals: new Map(),
  decisionAreas: standardAreas,
  decisions: new Map(),
  principles: new Map(),
};

const respond = (state: TeamState, proposalId: string, memberId: string, response: ProposalResponse): TeamState => ({
  ...state,
  proposals: updateEntry(state.proposals, proposalId, (p) => ({ ...p, responses: withEntry(p.responses, memberId, response) })),
});

const closeProposal = (state: TeamState, proposalId: string, status: ProposalStatus): TeamState => ({
  ...state,
  proposals: updateEntry(state.proposals, proposalId, (p) => ({ ...p, status })),
});

/** A review date lands on what it is about; a subject removed meanwhile keeps nothing. */
function withReviewDate(state: TeamState, subject: ReviewSubject, reviewBy: string | null): TeamState {
  switch (subject.kind) {
    case 'boundary':
      return { ...state, boundaries: updateEntry(state.boundaries, subject.id, (b) => ({ ...b, reviewBy })) };
    case 'principle':
      return { ...state, principles: updateEntry(state.principles, subject.id, (p) => ({ ...p, reviewBy: p.status === 'active' ? reviewBy : null })) };
    case 'delegation':
      return { ...state, decisionAreas: updateEntry(state.decisionAreas, subject.id, (a) => ({ ...a, reviewBy })) };
    default:
      return assertNever(subject.kind);
  }
}

export function evolveTeam(state: TeamState, event: TeamEvent): TeamState {
  switch (event.type) {
    case 'TeamCreated': {
      const { teamId, name, unitId, purpose, createdBy, createdAt } = event.data;
      return {
        ...state,
        exists: true,
        teamId,
        name,
        unitId,
        purpose,
        createdBy,
        createdAt,
        phase: 'preparing',
        phaseSince: createdAt,
        phaseHistory: [{ phase: 'preparing', since: createdAt }],
      };
    }
    case 'TeamRenamed':
      return { ...state, name: event.data.name };
    case 'TeamMovedToUnit':
      return { ...state, unitId: event.data.unitId };
    case 'MemberAdded': {
      const { memberId, roles, addedAt } = event.data;
      return { ...state, members: withEntry(state.members, memberId, { memberId, roles, addedAt, yesGivenAt: null }) };
    }
    case 'MemberRolesChanged':
      return { ...state, members: updateEntry(state.members, event.data.memberId, (m) => ({ ...m, roles: event.data.roles })) };
    case 'MemberRemoved':
      return { ...state, members: withoutEntry(state.members, event.data.memberId) };
    case 'YesGiven':
      return { ...state, members: updateEntry(state.members, event.data.memberId, (m) => ({ ...m, yesGivenAt: event.data.givenAt })) };
    case 'YesWithdrawn':
      return { ...state, members: updateEntry(state.members, event.data.memberId, (m) => ({ ...m, yesGivenAt: null })) };
    case 'TeamPhaseChanged':
      return {
        ...state,
        phase: event.data.phase,
        phaseSince: event.data.changedAt,
        phaseHistory: [...state.phaseHistory, { phase: event.data.phase, since: event.data.changedAt }],
      };
    case 'CoachingTopicPlanned': {
      const { topic, goal, plannedAt } = event.data;
      return { ...state, coachingTopics: withEntry(state.coachingTopics, topic, { topic, goal, plannedAt, sessionsHeld: 0 }) };
    }
    case 'CoachingSessionHeld': {
      const { sessionId, topics, heldAt, coachId, attendeeIds } = event.data;
      let coachingTopics = state.coachingTopics;
      for (const topic of topics) coachingTopics = updateEntry(coachingTopics, topic, (t) => ({ ...t, sessionsHeld: t.sessionsHeld + 1 }));
      return {
        ...state,
        coachingTopics,
        coachingSessions: withEntry(state.coachingSessions, sessionId, { sessionId, topics, heldAt, coachId, attendeeIds }),
      };
    }
    case 'TeamBoundarySet': {
      const { boundary, setBy, setAt, reason, proposalId } = event.data;
      const reviewBy = state.boundaries.get(boundary.boundaryId)?.reviewBy ?? null;
      return { ...state, boundaries: withEntry(state.boundaries, boundary.boundaryId, { boundary, setBy, setAt, reason, proposalId, reviewBy }) };
    }
    case 'TeamBoundaryRemoved':
      return { ...state, boundaries: withoutEntry(state.boundaries, event.data.boundaryId) };
    case 'BoundaryChangeProposed': {
      const { proposalId, change, reason, closesAt, participantIds, proposedBy, proposedAt } = event.data;
      return {
        ...state,
        proposals: withEntry(state.proposals, proposalId, {
          proposalId,
          change,
          reason,
          closesAt,
          participantIds,
          proposedBy,
          proposedAt,
          status: 'open',
          escalatedBy: null,
          escalatedAt: null,
          responses: new Map(),
        }),
      };
    }
    case 'BoundaryChangeConsented':
      return respond(state, event.data.proposalId, event.data.memberId, { response: 'consent', reason: null, at: event.data.consentedAt });
    case 'BoundaryChangeObjected':
      return respond(state, event.data.proposalId, event.data.memberId, { response: 'objection', reason: event.data.reason, at: event.data.objectedAt });
    case 'BoundaryChangeAdopted':
    case 'BoundaryChangeAdoptedByDeadline':
      return closeProposal(state, event.data.proposalId, 'adopted');
    case 'BoundaryChangeEscalated':
      return {
        ...state,
        proposals: updateEntry(state.proposals, event.data.proposalId, (p) => ({ ...p, status: 'escalated', escalatedBy: event.data.escalatedBy, escalatedAt: event.data.escalatedAt })),
      };
    case 'EscalatedBoundaryChangeApproved':
      return closeProposal(state, event.data.proposalId, 'approved');
    case 'EscalatedBoundaryChangeDeclined':
      return closeProposal(state, event.data.proposalId, 'declined');
    case 'ReviewDateSet':
      return withReviewDate(state, event.data.subject, event.data.reviewBy);
    case 'AgreementReviewed':
      return withReviewDate(state, event.data.subject, event.data.nextReviewBy);
    case 'BoundaryChangeWithdrawn':
      return closeProposal(state, event.data.proposalId, 'withdrawn');
    case 'BoundaryChangeLapsed':
      return closeProposal(state, event.data.proposalId, 'lapsed');
    case 'DecisionAreaAdded': {
      const { area, title } = event.data;
      return {
        ...state,
        decisionAreas: withEntry(state.decisionAreas, area, { area, title, custom: true, level: null, levelSetAt: null, levelSetBy: null, levelReason: null, reviewBy: null }),
      };
    }
    case 'DelegationLevelChanged': {
      const { area, level, changedAt, changedBy, reason, reviewBy } = event.data;
      return {
        ...state,
        decisionAreas: updateEntry(state.decisionAreas, area, (a) => ({ ...a, level, levelSetAt: changedAt, levelSetBy: changedBy, levelReason: reason, reviewBy })),
      };
    }
    case 'DecisionRecorded':
    case 'DecisionEscalated': {
      const { decisionId, area, amount } = event.data;
      const decidedAt = event.type === 'DecisionRecorded' ? event.data.decidedAt : event.data.escalatedAt;
      const decidedBy = event.type === 'DecisionRecorded' ? event.data.decidedBy : event.data.escalatedBy;
      const status = event.type === 'DecisionRecorded' ? 'recorded' : 'escalated';
      const escalation = event.type === 'DecisionEscalated' ? { mandate: event.data.mandate, violations: event.data.violations } : null;
      return { ...state, decisions: withEntry(state.decisions, decisionId, { decisionId, area, status, amount, decidedAt, decidedBy, escalation }) };
    }
    case 'EscalatedDecisionApproved':
      return { ...state, decisions: updateEntry(state.decisions, event.data.decisionId, (d) => ({ ...d, status: 'approved' })) };
    case 'EscalatedDecisionDeclined':
      return { ...state, decisions: updateEntry(state.decisions, event.data.decisionId, (d) => ({ ...d, status: 'declined' })) };
    case 'PrincipleAdopted': {
      const { principleId, rule, value, adoptedAt } = event.data;
      return { ...state, principles: withEntry(state.principles, principleId, { principleId, rule, value, adoptedAt, status: 'active', reviewBy: null }) };
    }
    case 'PrincipleRevised':
      return {
        ...state,
        principles: updateEntry(state.principles, event.data.principleId, (p) => ({ ...p, rule: event.data.rule, value: event.data.value })),
      };
    case 'PrincipleRetired':
      return { ...state, principles: updateEntry(state.principles, event.data.principleId, (p) => ({ ...p, status: 'retired' })) };
    default:
      return assertNever(event);
  }
}
