import type { CommandContext, Decision, Rejection } from '@leerzone/kernel';
import { isRejection, personSubject, reject, requiredId, requiredText } from '@leerzone/kernel';
import { at, oneOf, requiredReason, sealed } from '../shared/validation';
import type { AccessConfidentialCase, CloseConfidentialCase, ConfidentialCaseCommand, OpenConfidentialCase, RecordCaseConsequence } from './confidential-case.commands';
import type { ConfidentialCaseEvent } from './confidential-case.events';
import { CASE_CONSEQUENCE_KINDS, CASE_OUTCOMES, HARD_BOUNDARIES } from './confidential-case.events';
import type { ConfidentialCaseState } from './confidential-case.state';

type CaseRule<Command> = (command: Command, state: ConfidentialCaseState, ctx: CommandContext) => Decision<ConfidentialCaseEvent>;

/** The platform's role for the confidential-case officer (the token's `roles`). */
export const CONFIDENTIAL_OFFICER_ROLE = 'confidential-officer';
export const MAX_ACCESS_PURPOSE_LENGTH = 200;

const isOfficer = (command: ConfidentialCaseCommand, ctx: CommandContext): boolean =>
  ctx.actor.kind === 'user' && Array.isArray(command.data.actorRoles) && command.data.actorRoles.includes(CONFIDENTIAL_OFFICER_ROLE);

/**
 * The gate every command on an existing case passes. A case that does not exist is not
 * found for anyone. Anyone but the officer is refused — and the refusal is an event, not a
 * rejection, so the attempt is stored for the auditors; the service answers it with 404.
 */
function gate(command: ConfidentialCaseCommand, state: ConfidentialCaseState, ctx: CommandContext): Rejection | ConfidentialCaseEvent[] | null {
  if (!state.exists || state.caseId !== command.data.caseId) {
    return reject('not-found', 'CASE.NOT_FOUND', `There is no case ${String(command.data.caseId)}.`, { field: 'caseId' });
  }
  if (isOfficer(command, ctx)) return null;
  const actorRoles = Array.isArray(command.data.actorRoles) ? command.data.actorRoles.filter((r): r is string => typeof r === 'string') : [];
  return [{ type: 'ConfidentialCaseAccessRefused', data: { caseId: state.caseId, attempted: command.type, actorRoles, attemptedBy: ctx.actor.id, attemptedAt: at(ctx) } }];
}

/** Whether a decision is a refused attempt: the service stores it and answers 404, as for a case that does not exist. */
export const isRefusedCaseAttempt = (events: readonly ConfidentialCaseEvent[]): boolean => events.length > 0 && events.every((e) => e.type === 'ConfidentialCaseAccessRefused');

/** Text about the concerned person is sealed under their subject of this tenant, so erasing them erases it. */
function sealedAbout(value: unknown, tenantId: string, personId: string, field: string, label: string) {
  const seal = sealed(value, field, 'CASE.PERSONAL_DATA_NOT_SEALED', label);
  if (isRejection(seal)) return seal;
  if (seal.$sealed.subject !== personSubject(tenantId, personId)) {
    return reject('invalid', 'CASE.PERSONAL_DATA_NOT_SEALED', `${label} is about ${personId} and must be sealed under that subject.`, { field });
  }
  return seal;
}

export const openConfidentialCase: CaseRule<OpenConfidentialCase> = (command, state, ctx) => {
  // Before the case exists there is nothing to protect or to record the attempt in: refuse plainly.
  if (!isOfficer(command, ctx)) {
    return reject('forbidden', 'CASE.OFFICER_ONLY', 'Only the confidential-case officer opens a case; bring the concern to them.', { field: 'actorRoles' });
  }
  const d = command.data;
  const caseId = requiredId(d.caseId, 'caseId', 'CASE.INVALID', 'the case id');
  if (isRejection(caseId)) return caseId;
  if (state.exists) return reject('conflict', 'CASE.ALREADY_EXISTS', `Case ${caseId} already exists.`, { field: 'caseId' });
  const boundary = oneOf(d.boundary, HARD_BOUNDARIES, 'boundary', 'CASE.BOUNDARY_INVALID', 'The hard boundary');
  if (isRejection(boundary)) return boundary;
  const teamId = d.teamId === undefined || d.teamId === null ? null : requiredId(d.teamId, 'teamId', 'CASE.INVALID', 'the team id');
  if (isRejection(teamId)) return teamId;
  const concernedPersonId = requiredId(d.concernedPersonId, 'concernedPersonId', 'CASE.INVALID', 'the concerned person id');
  if (isRejection(concernedPersonId)) return concernedPersonId;
  const account = sealedAbout(d.account, ctx.tenantId, concernedPersonId, 'account', 'The account');
  if (isRejection(account)) return account;
  return [{ type: 'ConfidentialCaseOpened', data: { caseId, boundary, teamId, concernedPersonId, account, openedBy: ctx.actor.id, openedAt: at(ctx) } }];
};

export const accessConfidentialCase: CaseRule<AccessConfidentialCase> = (command, state, ctx) => {
  const gated = gate(command, state, ctx);
  if (gated) return gated;
  const purpose = requiredText(command.data.purpose, { field: 'purpose', code: 'CASE.PURPOSE_INVALID', label: 'what is read', max: MAX_ACCESS_PURPOSE_LENGTH });
  if (isRejection(purpose)) return purpose;
  return [{ type: 'ConfidentialCaseAccessed', data: { caseId: state.caseId!, purpose, accessedBy: ctx.actor.id, accessedAt: at(ctx) } }];
};

export const recordCaseConsequence: CaseRule<RecordCaseConsequence> = (command, state, ctx) => {
  const gated = gate(command, state, ctx);
  if (gated) return gated;
  if (state.outcome !== null) return reject('conflict', 'CASE.CLOSED', `Case ${state.caseId} is closed.`, { field: 'caseId' });
  const consequenceId = requiredId(command.data.consequenceId, 'consequenceId', 'CASE.INVALID', 'the consequence id');
  if (isRejection(consequenceId)) return consequenceId;
  if (state.consequenceIds.includes(consequenceId)) return reject('conflict', 'CASE.CONSEQUENCE_EXISTS', `Consequence ${consequenceId} is already recorded.`, { field: 'consequenceId' });
  const kind = oneOf(command.data.kind, CASE_CONSEQUENCE_KINDS, 'kind', 'CASE.CONSEQUENCE_INVALID', 'The consequence');
  if (isRejection(kind)) return kind;
  const description = sealedAbout(command.data.description, ctx.tenantId, state.concernedPersonId!, 'description', 'The description of the consequence');
  if (isRejection(description)) return description;
  return [{ type: 'ConfidentialCaseConsequenceRecorded', data: { caseId: state.caseId!, consequenceId, kind, description, recordedBy: ctx.actor.id, recordedAt: at(ctx) } }];
};

/** A substantiated case has consequences: it cannot close without one. */
export const closeConfidentialCase: CaseRule<CloseConfidentialCase> = (command, state, ctx) => {
  const gated = gate(command, state, ctx);
  if (gated) return gated;
  if (state.outcome !== null) return reject('conflict', 'CASE.CLOSED', `Case ${state.caseId} is already closed.`, { field: 'caseId' });
  const outcome = oneOf(command.data.outcome, CASE_OUTCOMES, 'outcome', 'CASE.OUTCOME_INVALID', 'The outcome');
  if (isRejection(outcome)) return outcome;
  if (outcome === 'substantiated' && state.consequenceIds.length === 0) {
    return reject('precondition', 'CASE.CONSEQUENCE_REQUIRED', 'Crossing a hard boundary has consequences: record at least one before closing the case as substantiated.', { field: 'outcome' });
  }
  const reason = requiredReason(ctx, 'close this case');
  if (isRejection(reason)) return reason;
  return [{ type: 'ConfidentialCaseClosed', data: { caseId: state.caseId!, outcome, consequenceIds: state.consequenceIds, reason, closedBy: ctx.actor.id, closedAt: at(ctx) } }];
};
