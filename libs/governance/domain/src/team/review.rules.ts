import type { CommandContext, Rejection } from '@leerzone/kernel';
import { isIsoDate, isRejection, reject } from '@leerzone/kernel';
import { UNDELEGATED_LEVEL } from '../shared/delegation.model';
import { requiredId, requiredReason } from '../shared/validation';
import { removeTeamBoundary, setTeamBoundary } from './boundary.rules';
import { setDelegationLevel } from './delegation.rules';
import { retirePrinciple, revisePrinciple } from './principle.rules';
import type { ReviewAgreement, SetReviewDate } from './team.commands';
import type { ReviewOutcome, ReviewSubject, TeamEvent } from './team.events';
import type { TeamRule } from './team.guards';
import { at, requireTeam } from './team.guards';
import type { TeamState } from './team.state';

const KINDS: readonly ReviewSubject['kind'][] = ['boundary', 'principle', 'delegation'];
const OUTCOMES: readonly ReviewOutcome[] = ['kept', 'changed', 'dropped'];

/** The subject as it stands, with its current review date; or why it cannot be reviewed. */
function findSubject(state: TeamState, subject: unknown): { subject: ReviewSubject; reviewBy: string | null } | Rejection {
  const s = subject as Partial<ReviewSubject> | null;
  if (typeof s !== 'object' || s === null || !KINDS.includes(s.kind as ReviewSubject['kind'])) {
    return reject('invalid', 'REVIEW.SUBJECT_INVALID', `The subject is { kind: ${KINDS.map((k) => `"${k}"`).join(' | ')}, id }.`, { field: 'subject.kind' });
  }
  const id = requiredId(s.id, 'subject.id', 'REVIEW.SUBJECT_INVALID', 'the id of the boundary, principle or decision area');
  if (isRejection(id)) return id;
  const kind = s.kind as ReviewSubject['kind'];
  const notFound = (what: string) => reject('not-found', 'REVIEW.SUBJECT_NOT_FOUND', `Team ${state.teamId} has no ${what} ${id}.`, { field: 'subject.id' });
  if (kind === 'boundary') {
    const entry = state.boundaries.get(id);
    return entry ? { subject: { kind, id }, reviewBy: entry.reviewBy } : notFound('boundary of its own');
  }
  if (kind === 'principle') {
    const principle = state.principles.get(id);
    return principle?.status === 'active' ? { subject: { kind, id }, reviewBy: principle.reviewBy } : notFound('active principle');
  }
  const area = state.decisionAreas.get(id);
  if (!area) return notFound('decision area');
  if (area.level === null) return reject('precondition', 'REVIEW.NOTHING_DELEGATED', `Nothing was delegated in ${id} yet; set a level first.`, { field: 'subject.id' });
  return { subject: { kind, id }, reviewBy: area.reviewBy };
}

function reviewDate(value: unknown, ctx: CommandContext, field: string): string | null | Rejection {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || !isIsoDate(value) || value < at(ctx).slice(0, 10)) {
    return reject('invalid', 'REVIEW.DATE_INVALID', 'A review date is a calendar date (YYYY-MM-DD), today or later.', { field });
  }
  return value;
}

/** Boundaries, principles and delegation levels can carry a date by which they are looked at again. */
export const setReviewDate: TeamRule<SetReviewDate> = (command, state, ctx) => {
  const missing = requireTeam(state, command.data.teamId);
  if (missing) return missing;
  const found = findSubject(state, command.data.subject);
  if (isRejection(found)) return found;
  const reviewBy = reviewDate(command.data.reviewBy, ctx, 'reviewBy');
  if (isRejection(reviewBy)) return reviewBy;
  if (reviewBy === found.reviewBy) return [];
  const reason = requiredReason(ctx.reason, 'set a review date');
  if (isRejection(reason)) return reason;
  return [
    { type: 'ReviewDateSet', data: { teamId: command.data.teamId, subject: found.subject, previousReviewBy: found.reviewBy, reviewBy, setBy: ctx.actor.id, setAt: at(ctx), reason } },
  ];
};

/** The change a review makes, through the subject's own rule (so a changed boundary is checked like any other). */
function applyOutcome(command: ReviewAgreement, state: TeamState, ctx: CommandContext, subject: ReviewSubject, nextReviewBy: string | null) {
  const { teamId, outcome, unitBoundaries } = command.data;
  if (outcome === 'kept') return [];
  switch (subject.kind) {
    case 'boundary': {
      if (outcome === 'dropped') return removeTeamBoundary({ type: 'RemoveTeamBoundary', data: { teamId, boundaryId: subject.id, unitBoundaries } }, state, ctx);
      const boundary = command.data.boundary as { boundaryId?: unknown } | undefined;
      if (typeof boundary !== 'object' || boundary === null) return reject('invalid', 'REVIEW.CHANGE_MISSING', 'A changed boundary needs the new boundary.', { field: 'boundary' });
      if (boundary.boundaryId !== undefined && boundary.boundaryId !== subject.id) {
        return reject('invalid', 'REVIEW.CHANGE_MISSING', `The new boundary must keep the id ${subject.id}.`, { field: 'boundary.boundaryId' });
      }
      return setTeamBoundary({ type: 'SetTeamBoundary', data: { teamId, boundary: { ...boundary, boundaryId: subject.id }, unitBoundaries } }, state, ctx);
    }
    case 'principle':
      if (outcome === 'dropped') return retirePrinciple({ type: 'RetirePrinciple', data: { teamId, principleId: subject.id } }, state, ctx);
      if (command.data.rule === undefined) return reject('invalid', 'REVIEW.CHANGE_MISSING', 'A changed principle needs its new rule (and value).', { field: 'rule' });
      return revisePrinciple({ type: 'RevisePrinciple', data: { teamId, principleId: subject.id, rule: command.data.rule, value: command.data.value ?? state.principles.get(subject.id)!.value } }, state, ctx);
    case 'delegation': {
      const level = outcome === 'dropped' ? UNDELEGATED_LEVEL : command.data.level;
      if (level === undefined) return reject('invalid', 'REVIEW.CHANGE_MISSING', 'A changed delegation needs its new level.', { field: 'level' });
      return setDelegationLevel({ type: 'SetDelegationLevel', data: { teamId, area: subject.id, level, reviewBy: nextReviewBy } }, state, ctx);
    }
  }
}

/**
 * A review records whether the agreement was kept, changed (the new value) or dropped
 * (removed), with a reason, and sets the next review date (or none). The change is made by
 * the subject's own rule, and its event comes first; `changed` must change something.
 */
export const reviewAgreement: TeamRule<ReviewAgreement> = (command, state, ctx) => {
  const missing = requireTeam(state, command.data.teamId);
  if (missing) return missing;
  const found = findSubject(state, command.data.subject);
  if (isRejection(found)) return found;
  const outcome = command.data.outcome;
  if (!OUTCOMES.includes(outcome)) return reject('invalid', 'REVIEW.OUTCOME_INVALID', `The outcome is one of ${OUTCOMES.join(', ')}.`, { field: 'outcome' });
  const nextReviewBy = reviewDate(command.data.nextReviewBy, ctx, 'nextReviewBy');
  if (isRejection(nextReviewBy)) return nextReviewBy;
  if (outcome === 'dropped' && nextReviewBy !== null) {
    return reject('invalid', 'REVIEW.DATE_INVALID', 'Something dropped has no next review.', { field: 'nextReviewBy' });
  }
  const reason = requiredReason(ctx.reason, 'record a review');
  if (isRejection(reason)) return reason;
  const change = applyOutcome(command, state, ctx, found.subject, nextReviewBy);
  if (isRejection(change)) return change;
  if (outcome === 'changed' && change.length === 0) {
    return reject('invalid', 'REVIEW.NO_CHANGE', `The review says ${found.subject.kind} ${found.subject.id} changed, but the new value is the current one.`, {
      field: found.subject.kind === 'boundary' ? 'boundary' : found.subject.kind === 'principle' ? 'rule' : 'level',
    });
  }
  const reviewed: TeamEvent = {
    type: 'AgreementReviewed',
    data: { teamId: command.data.teamId, subject: found.subject, outcome, nextReviewBy, reviewedBy: ctx.actor.id, reviewedAt: at(ctx), reason },
  };
  return [...change, reviewed];
};
