import type { Rejection } from '@leerzone/kernel';
import { isRejection, reject } from '@leerzone/kernel';
import { requiredId, requiredReason } from '../shared/validation';
import { boundaryChangeEvent, prepareBoundaryChange } from './boundary.rules';
import type { AnswerEscalation } from './team.commands';
import type { EscalationAnswerer } from './team.events';
import type { TeamRule } from './team.guards';
import { at, requireTeam } from './team.guards';
import type { TeamState } from './team.state';

const ANSWERERS: readonly EscalationAnswerer[] = ['team-coach', 'unit-contact', 'transformation-lead', 'admin'];

/**
 * The layer above answers: a coach of the team, the escalation contact the tenant named for
 * the team's unit, or a transformation lead or admin (whose token role the service checked).
 * Whoever escalated (the decision's author, the proposal's proposer) cannot answer it.
 */
function checkAnswerer(state: TeamState, command: AnswerEscalation, escalatedBy: string, actorId: string): Rejection | null {
  const as = command.data.answeredAs;
  if (!ANSWERERS.includes(as)) {
    return reject('invalid', 'ESCALATION.ANSWERER_INVALID', `answeredAs must be one of ${ANSWERERS.join(', ')}.`, { field: 'answeredAs' });
  }
  if (as === 'team-coach' && state.members.get(actorId)?.roles.includes('coach') !== true) {
    return reject('forbidden', 'ESCALATION.NOT_ANSWERER', `${actorId} is not a coach of team ${state.teamId}.`, { field: 'answeredAs' });
  }
  if (as === 'unit-contact' && !command.data.unitContactIds.includes(actorId)) {
    return reject('forbidden', 'ESCALATION.NOT_ANSWERER', `${actorId} is not the escalation contact of team ${state.teamId}'s unit.`, { field: 'answeredAs' });
  }
  if (actorId === escalatedBy) {
    return reject('forbidden', 'ESCALATION.OWN_ESCALATION', `${actorId} is the party that escalated this and cannot answer it; the layer above does.`, { field: 'escalation.id' });
  }
  return null;
}

const answered = (kind: string, id: string, status: string): Rejection =>
  reject('conflict', 'ESCALATION.ALREADY_ANSWERED', `The escalated ${kind} ${id} is already ${status}.`, { field: 'escalation.id', details: { status } });

/**
 * An escalated decision approved is recorded, tied to the mandate it was checked against and
 * to this approval (the violations it widens the mandate over, for this decision only);
 * declined records why. An escalated proposal approved is adopted and the boundary changes
 * (re-checked against the unit's frame: the layer above can override an objection, not the
 * unit's boundaries); declined leaves the boundary as it is. Answered once.
 */
export const answerEscalation: TeamRule<AnswerEscalation> = (command, state, ctx) => {
  const missing = requireTeam(state, command.data.teamId);
  if (missing) return missing;
  const teamId = command.data.teamId;
  const { escalation, answer } = command.data;
  if (typeof escalation !== 'object' || escalation === null || (escalation.kind !== 'decision' && escalation.kind !== 'proposal')) {
    return reject('invalid', 'ESCALATION.INVALID', 'The escalation is { kind: "decision" | "proposal", id }.', { field: 'escalation.kind' });
  }
  const id = requiredId(escalation.id, 'escalation.id', 'ESCALATION.INVALID', 'the escalated decision or proposal id');
  if (isRejection(id)) return id;
  if (answer !== 'approve' && answer !== 'decline') {
    return reject('invalid', 'ESCALATION.ANSWER_INVALID', 'The answer is "approve" or "decline".', { field: 'answer' });
  }
  const reason = requiredReason(ctx.reason, `${answer} an escalation (say why)`);
  if (isRejection(reason)) return reason;
  const answeredAs = command.data.answeredAs;
  const by = ctx.actor.id;
  if (escalation.kind === 'decision') {
    const decision = state.decisions.get(id);
    if (!decision) return reject('not-found', 'DECISION.NOT_FOUND', `Team ${teamId} has no decision ${id}.`, { field: 'escalation.id' });
    if (decision.status !== 'escalated') {
      return decision.status === 'recorded'
        ? reject('conflict', 'ESCALATION.NOT_ESCALATED', `Decision ${id} was recorded within the mandate; there is nothing to answer.`, { field: 'escalation.id' })
        : answered('decision', id, decision.status);
    }
    const notAllowed = checkAnswerer(state, command, decision.decidedBy, by);
    if (notAllowed) return notAllowed;
    if (answer === 'decline') {
      return [{ type: 'EscalatedDecisionDeclined', data: { teamId, decisionId: id, area: decision.area, answeredAs, declinedBy: by, declinedAt: at(ctx), reason } }];
    }
    const escalated = decision.escalation!;
    // A coach steers the team's own frame; what the unit set (its limits) only the unit's contact or a lead can widen.
    const unitLimits = new Set(escalated.mandate.financialLimits.filter((l) => l.source.level === 'unit').map((l) => l.boundaryId));
    const beyondTeam = escalated.violations.filter((v) => v.boundaryId !== null && unitLimits.has(v.boundaryId));
    if (answeredAs === 'team-coach' && beyondTeam.length > 0) {
      return reject(
        'forbidden',
        'ESCALATION.BEYOND_TEAM_COACH',
        `Decision ${id} goes beyond the unit's own limits (${beyondTeam.map((v) => v.boundaryId).join(', ')}); the unit's escalation contact, a transformation lead or an admin answers it.`,
        { field: 'answeredAs', details: { boundaryIds: beyondTeam.map((v) => v.boundaryId) } },
      );
    }
    return [
      {
        type: 'EscalatedDecisionApproved',
        data: { teamId, decisionId: id, area: decision.area, amount: decision.amount, mandate: escalated.mandate, violations: escalated.violations, answeredAs, approvedBy: by, approvedAt: at(ctx), reason },
      },
    ];
  }
  const proposal = state.proposals.get(id);
  if (!proposal) return reject('not-found', 'PROPOSAL.NOT_FOUND', `Team ${teamId} has no proposal ${id}.`, { field: 'escalation.id' });
  if (proposal.status !== 'escalated') {
    return proposal.status === 'approved' || proposal.status === 'declined'
      ? answered('proposal', id, proposal.status)
      : reject('conflict', 'ESCALATION.NOT_ESCALATED', `Proposal ${id} is ${proposal.status}, not escalated; there is nothing to answer.`, { field: 'escalation.id' });
  }
  // The proposer is the party that wants the change: they cannot approve it over an objection.
  const notAllowed = checkAnswerer(state, command, proposal.proposedBy, by);
  if (notAllowed) return notAllowed;
  if (answer === 'decline') {
    return [{ type: 'EscalatedBoundaryChangeDeclined', data: { teamId, proposalId: id, answeredAs, declinedBy: by, declinedAt: at(ctx), reason } }];
  }
  const prepared = prepareBoundaryChange(state, proposal.change, command.data.unitBoundaries, 'change.', id);
  if (isRejection(prepared)) {
    return reject('precondition', prepared.code, `The proposed change no longer fits: ${prepared.message}`, { field: 'escalation.id', details: { code: prepared.code } });
  }
  const objections = proposal.participantIds.flatMap((memberId) => {
    const response = proposal.responses.get(memberId);
    return response?.response === 'objection' ? [{ memberId, reason: response.reason ?? '' }] : [];
  });
  return [
    { type: 'EscalatedBoundaryChangeApproved', data: { teamId, proposalId: id, objections, answeredAs, approvedBy: by, approvedAt: at(ctx), reason } },
    ...(prepared.unchanged ? [] : [boundaryChangeEvent(teamId, prepared, proposal.proposedBy, ctx, proposal.reason, id)]),
  ];
};
