import { assertNever } from '@leerzone/kernel';
import type { OrganisationEvent } from '../organisation/organisation.events';
import { isOrganisationEvent } from '../organisation/organisation.events';
import type { RolloutPlanEvent } from '../rollout-plan/rollout-plan.events';
import { isRolloutPlanEvent } from '../rollout-plan/rollout-plan.events';
import type { Boundary } from '../shared/boundary.model';
import { describePeriod } from '../shared/boundary.model';
import { describeLevel } from '../shared/delegation.model';
import { formatMoney } from '../shared/money';
import type { TeamEvent } from '../team/team.events';
import { isTeamEvent } from '../team/team.events';
import type { HistoricalEvent } from './historical-event';

export type HistoryTopic =
  | 'team'
  | 'membership'
  | 'yes'
  | 'phase'
  | 'coaching'
  | 'boundaries'
  | 'consent'
  | 'delegation'
  | 'decisions'
  | 'principles'
  | 'escalations'
  | 'reviews'
  | 'organisation'
  | 'units'
  | 'rollout';

/** One change: what, who, when, why. */
export interface HistoryEntry {
  readonly position: number | null;
  readonly eventId: string | null;
  readonly type: string;
  readonly topic: HistoryTopic;
  readonly occurredAt: string;
  readonly by: string;
  readonly reason: string | null;
  readonly summary: string;
  readonly data: unknown;
}

export interface HistoryOptions {
  readonly topics?: readonly HistoryTopic[];
  readonly from?: Date;
  readonly to?: Date;
}

interface Described {
  readonly topic: HistoryTopic;
  readonly summary: string;
  /** Who, from the event's own …By field: the envelope's actor may be a service acting for them. */
  readonly by: string;
  readonly reason: string | null;
}

const describeBoundary = (b: Boundary): string =>
  b.kind === 'financial'
    ? `${b.title} (${formatMoney(b.limit)} ${describePeriod(b.period)}${b.decisionArea ? `, ${b.decisionArea}` : ''})`
    : `${b.title} (${b.kind})`;

export function describeTeamEvent(event: TeamEvent): Described {
  switch (event.type) {
    case 'TeamCreated':
      return { topic: 'team', by: event.data.createdBy, reason: null, summary: `Team ${event.data.name} created${event.data.unitId ? ` in unit ${event.data.unitId}` : ''}.` };
    case 'TeamRenamed':
      return { topic: 'team', by: event.data.renamedBy, reason: null, summary: `Renamed from ${event.data.previousName} to ${event.data.name}.` };
    case 'TeamMovedToUnit':
      return { topic: 'team', by: event.data.movedBy, reason: event.data.reason, summary: `Moved from unit ${event.data.previousUnitId ?? '(none)'} to ${event.data.unitId}.` };
    case 'MemberAdded':
      return { topic: 'membership', by: event.data.addedBy, reason: null, summary: `${event.data.memberId} joined as ${event.data.roles.join(', ')}.` };
    case 'MemberRolesChanged':
      return {
        topic: 'membership',
        by: event.data.changedBy,
        reason: null,
        summary: `${event.data.memberId}'s roles changed from ${event.data.previousRoles.join(', ')} to ${event.data.roles.join(', ')}.`,
      };
    case 'MemberRemoved':
      return { topic: 'membership', by: event.data.removedBy, reason: event.data.reason, summary: `${event.data.memberId} left the team.` };
    case 'YesGiven':
      return { topic: 'yes', by: event.data.givenBy, reason: null, summary: `${event.data.memberId} said yes to self-steering.` };
    case 'YesWithdrawn':
      return { topic: 'yes', by: event.data.withdrawnBy, reason: event.data.reason, summary: `${event.data.memberId} withdrew their yes.` };
    case 'TeamPhaseChanged':
      return { topic: 'phase', by: event.data.changedBy, reason: event.data.reason, summary: `Phase changed from ${event.data.previousPhase} to ${event.data.phase}.` };
    case 'CoachingTopicPlanned':
      return { topic: 'coaching', by: event.data.plannedBy, reason: null, summary: `Coaching on ${event.data.topic} planned.` };
    case 'CoachingSessionHeld':
      return { topic: 'coaching', by: event.data.recordedBy, reason: null, summary: `Coaching session by ${event.data.coachId} on ${event.data.topics.join(', ')}.` };
    case 'TeamBoundarySet':
      return {
        topic: 'boundaries',
        by: event.data.setBy,
        reason: event.data.reason,
        summary: `${event.data.previous ? 'Changed' : 'Set'} boundary ${describeBoundary(event.data.boundary)}${event.data.previous ? `, was ${describeBoundary(event.data.previous)}` : ''}${event.data.proposalId ? ` by consent (proposal ${event.data.proposalId})` : ''}.`,
      };
    case 'TeamBoundaryRemoved':
      return {
        topic: 'boundaries',
        by: event.data.removedBy,
        reason: event.data.reason,
        summary: `Removed boundary ${describeBoundary(event.data.previous)}${event.data.proposalId ? ` by consent (proposal ${event.data.proposalId})` : ''}.`,
      };
    case 'BoundaryChangeProposed': {
      const { change } = event.data;
      const what = change.action === 'set' ? `set ${describeBoundary(change.boundary)}` : `remove boundary ${change.boundaryId}`;
      return { topic: 'consent', by: event.data.proposedBy, reason: event.data.reason, summary: `Proposed to ${what}; open until ${event.data.closesAt}.` };
    }
    case 'BoundaryChangeConsented':
      return { topic: 'consent', by: event.data.consentedBy, reason: null, summary: `${event.data.memberId} consented to proposal ${event.data.proposalId}.` };
    case 'BoundaryChangeObjected':
      return { topic: 'consent', by: event.data.objectedBy, reason: event.data.reason, summary: `${event.data.memberId} objected to proposal ${event.data.proposalId}.` };
    case 'BoundaryChangeAdopted':
      return { topic: 'consent', by: event.data.adoptedBy, reason: null, summary: `Proposal ${event.data.proposalId} adopted without objection.` };
    case 'BoundaryChangeEscalated':
      return {
        topic: 'consent',
        by: event.data.escalatedBy,
        reason: event.data.objections.map((o) => `${o.memberId}: ${o.reason}`).join('; '),
        summary: `Proposal ${event.data.proposalId} escalated after ${event.data.objections.length} objection(s).`,
      };
    case 'BoundaryChangeWithdrawn':
      return { topic: 'consent', by: event.data.withdrawnBy, reason: event.data.reason, summary: `Proposal ${event.data.proposalId} withdrawn.` };
    case 'BoundaryChangeLapsed':
      return { topic: 'consent', by: event.data.lapsedBy, reason: event.data.message, summary: `Proposal ${event.data.proposalId} lapsed: it no longer fits the unit's boundaries.` };
    case 'BoundaryChangeAdoptedByDeadline':
      return {
        topic: 'consent',
        by: event.data.adoptedBy,
        reason: null,
        summary: `Proposal ${event.data.proposalId} adopted: no objection by its deadline ${event.data.deadline} (${event.data.consentedIds.length} consented, ${event.data.silentIds.length} silent).`,
      };
    case 'EscalatedBoundaryChangeApproved':
      return { topic: 'escalations', by: event.data.approvedBy, reason: event.data.reason, summary: `Escalated proposal ${event.data.proposalId} approved (as ${event.data.answeredAs}).` };
    case 'EscalatedBoundaryChangeDeclined':
      return { topic: 'escalations', by: event.data.declinedBy, reason: event.data.reason, summary: `Escalated proposal ${event.data.proposalId} declined (as ${event.data.answeredAs}).` };
    case 'EscalatedDecisionApproved':
      return { topic: 'escalations', by: event.data.approvedBy, reason: event.data.reason, summary: `Escalated decision ${event.data.decisionId} (${event.data.area}) approved (as ${event.data.answeredAs}), widening the mandate for this decision.` };
    case 'EscalatedDecisionDeclined':
      return { topic: 'escalations', by: event.data.declinedBy, reason: event.data.reason, summary: `Escalated decision ${event.data.decisionId} (${event.data.area}) declined (as ${event.data.answeredAs}).` };
    case 'ReviewDateSet':
      return {
        topic: 'reviews',
        by: event.data.setBy,
        reason: event.data.reason,
        summary: `${event.data.subject.kind} ${event.data.subject.id}: review ${event.data.reviewBy === null ? 'date cleared' : `by ${event.data.reviewBy}`}.`,
      };
    case 'AgreementReviewed':
      return {
        topic: 'reviews',
        by: event.data.reviewedBy,
        reason: event.data.reason,
        summary: `${event.data.subject.kind} ${event.data.subject.id} reviewed: ${event.data.outcome}${event.data.nextReviewBy ? `; next review by ${event.data.nextReviewBy}` : ''}.`,
      };
    case 'DecisionAreaAdded':
      return { topic: 'delegation', by: event.data.addedBy, reason: null, summary: `Decision area ${event.data.title} (${event.data.area}) added to the board.` };
    case 'DelegationLevelChanged':
      return {
        topic: 'delegation',
        by: event.data.changedBy,
        reason: event.data.reason,
        summary: `${event.data.area}: level ${event.data.previousLevel === null ? '(unset)' : describeLevel(event.data.previousLevel)} → ${describeLevel(event.data.level)}.`,
      };
    case 'DecisionRecorded':
      return {
        topic: 'decisions',
        by: event.data.decidedBy,
        reason: event.data.rationale,
        summary: `Decided "${event.data.title}" (${event.data.area}, level ${describeLevel(event.data.actedUnderLevel)}${event.data.amount ? `, ${formatMoney(event.data.amount)}` : ''}).`,
      };
    case 'DecisionEscalated':
      return {
        topic: 'decisions',
        by: event.data.escalatedBy,
        reason: event.data.rationale,
        summary: `Escalated "${event.data.title}": ${event.data.violations.map((v) => v.message).join(' ')}`,
      };
    case 'PrincipleAdopted':
      return { topic: 'principles', by: event.data.adoptedBy, reason: null, summary: `Principle adopted: "${event.data.rule}" (${event.data.value}).` };
    case 'PrincipleRevised':
      return { topic: 'principles', by: event.data.revisedBy, reason: event.data.reason, summary: `Principle revised: "${event.data.previousRule}" → "${event.data.rule}".` };
    case 'PrincipleRetired':
      return { topic: 'principles', by: event.data.retiredBy, reason: event.data.reason, summary: `Principle ${event.data.principleId} retired.` };
    default:
      return assertNever(event);
  }
}

export function describeOrganisationEvent(event: OrganisationEvent): Described {
  switch (event.type) {
    case 'OrganisationCreated':
      return { topic: 'organisation', by: event.data.createdBy, reason: null, summary: `Organisation ${event.data.name} created.` };
    case 'UnitAdded':
      return {
        topic: 'units',
        by: event.data.addedBy,
        reason: null,
        summary: `Unit ${event.data.name} added${event.data.parentUnitId ? ` under ${event.data.parentUnitId}` : ' at the top'}.`,
      };
    case 'UnitRenamed':
      return { topic: 'units', by: event.data.renamedBy, reason: null, summary: `Unit renamed from ${event.data.previousName} to ${event.data.name}.` };
    case 'UnitMoved':
      return {
        topic: 'units',
        by: event.data.movedBy,
        reason: event.data.reason,
        summary: `Unit ${event.data.unitId} moved from ${event.data.previousParentUnitId ?? 'the top'} to ${event.data.parentUnitId ?? 'the top'}.`,
      };
    case 'UnitBoundarySet':
      return {
        topic: 'boundaries',
        by: event.data.setBy,
        reason: event.data.reason,
        summary: `Unit ${event.data.unitId}: ${event.data.previous ? 'changed' : 'set'} boundary ${describeBoundary(event.data.boundary)}.`,
      };
    case 'UnitBoundaryReviewDateSet':
      return {
        topic: 'boundaries',
        by: event.data.setBy,
        reason: event.data.reason,
        summary: `Unit ${event.data.unitId}: boundary ${event.data.boundaryId} to be reviewed ${event.data.reviewBy === null ? '(date cleared)' : `by ${event.data.reviewBy}`}.`,
      };
    case 'UnitBoundaryReviewed':
      return {
        topic: 'boundaries',
        by: event.data.reviewedBy,
        reason: event.data.reason,
        summary: `Unit ${event.data.unitId}: boundary ${event.data.boundaryId} reviewed: ${event.data.outcome}${event.data.nextReviewBy ? `; next review by ${event.data.nextReviewBy}` : ''}.`,
      };
    case 'UnitEscalationContactNamed':
      return {
        topic: 'units',
        by: event.data.namedBy,
        reason: event.data.reason,
        summary: `Unit ${event.data.unitId}: escalations go to ${event.data.contactId ?? '(no one named)'}${event.data.previousContactId ? ` instead of ${event.data.previousContactId}` : ''}.`,
      };
    case 'UnitBoundaryRemoved':
      return { topic: 'boundaries', by: event.data.removedBy, reason: event.data.reason, summary: `Unit ${event.data.unitId}: removed boundary ${describeBoundary(event.data.previous)}.` };
    default:
      return assertNever(event);
  }
}

export function describeRolloutPlanEvent(event: RolloutPlanEvent): Described {
  switch (event.type) {
    case 'RolloutPlanCreated':
      return { topic: 'rollout', by: event.data.createdBy, reason: null, summary: `Rollout plan ${event.data.name} created.` };
    case 'TeamScheduled':
      return { topic: 'rollout', by: event.data.scheduledBy, reason: null, summary: `Team ${event.data.teamId} scheduled as ${event.data.wave}, starting ${event.data.plannedStartOn}.` };
    case 'TeamRescheduled':
      return {
        topic: 'rollout',
        by: event.data.rescheduledBy,
        reason: event.data.reason,
        summary: `Team ${event.data.teamId} rescheduled: ${event.data.previous.wave} from ${event.data.previous.plannedStartOn} → ${event.data.wave} from ${event.data.plannedStartOn}.`,
      };
    case 'TeamUnscheduled':
      return { topic: 'rollout', by: event.data.unscheduledBy, reason: event.data.reason, summary: `Team ${event.data.teamId} taken out of the plan.` };
    default:
      return assertNever(event);
  }
}

function history<E extends { readonly type: string }>(
  events: readonly HistoricalEvent[],
  isKnown: (event: { readonly type: string }) => event is E,
  describe: (event: E) => Described,
  options: HistoryOptions,
): HistoryEntry[] {
  const from = options.from?.getTime() ?? -Infinity;
  const to = options.to?.getTime() ?? Infinity;
  return events.flatMap((event) => {
    if (!isKnown(event)) throw new Error(`${event.type} does not belong to this history; was the wrong stream passed in?`);
    const at = new Date(event.occurredAt).getTime();
    if (at < from || at > to) return [];
    const described = describe({ type: event.type, data: event.data } as unknown as E);
    if (options.topics && !options.topics.includes(described.topic)) return [];
    return [
      {
        position: event.streamPosition ?? null,
        eventId: event.eventId ?? null,
        type: event.type,
        topic: described.topic,
        occurredAt: event.occurredAt,
        by: described.by,
        reason: described.reason ?? event.reason ?? null,
        summary: described.summary,
        data: event.data,
      },
    ];
  });
}

/** Each change of a team, with who, when and why. Filter by topic (e.g. boundaries, delegation, membership) and time. */
export const teamHistory = (events: readonly HistoricalEvent[], options: HistoryOptions = {}): HistoryEntry[] =>
  history(events, isTeamEvent, describeTeamEvent, options);

export const organisationHistory = (events: readonly HistoricalEvent[], options: HistoryOptions = {}): HistoryEntry[] =>
  history(events, isOrganisationEvent, describeOrganisationEvent, options);

export const rolloutPlanHistory = (events: readonly HistoricalEvent[], options: HistoryOptions = {}): HistoryEntry[] =>
  history(events, isRolloutPlanEvent, describeRolloutPlanEvent, options);
