import type { CommandContext, Rejection } from '@leerzone/kernel';
import { isRejection, MS_PER_DAY, optionalText, reject, requiredId, requiredText, startOfIsoDate } from '@leerzone/kernel';
import type { FollowUpDueRule, Severity } from '../shared/failure.model';
import { at, dueRule, requiredReason } from '../shared/validation';
import type { CompleteFollowUpAction, DeclineFollowUpAction, PlanFollowUpAction } from './report.commands';
import type { FollowUpActionPlanned, FollowUpPurpose, PreventionKind } from './report.events';
import type { ReportRule } from './report.guards';
import { requireOpenAction, requireReport } from './report.guards';
import type { ReportState } from './report.state';

export const MAX_ACTION_DESCRIPTION_LENGTH = 1000;

/** The due date (YYYY-MM-DD, UTC): the planning day plus the tenant's days for the severity. */
export function dueDateFor(severity: Severity, rule: FollowUpDueRule, plannedAt: Date): string {
  const today = startOfIsoDate(plannedAt.toISOString().slice(0, 10));
  return new Date(today.getTime() + rule[severity] * MS_PER_DAY).toISOString().slice(0, 10);
}

interface ActionInput {
  readonly actionId: unknown;
  readonly description: unknown;
  readonly ownerTeamId: unknown;
  readonly dueRule: unknown;
}

/** A new action on this report, due by the tenant's rule for the report's severity. */
export function plannedAction(
  input: ActionInput,
  state: ReportState,
  ctx: CommandContext,
  purpose: FollowUpPurpose,
  preventionKind: PreventionKind | null,
  fieldPrefix = '',
): FollowUpActionPlanned | Rejection {
  const actionId = requiredId(input.actionId, `${fieldPrefix}actionId`, 'FOLLOW_UP.INVALID', 'the action id');
  if (isRejection(actionId)) return actionId;
  if (state.actions.has(actionId)) return reject('conflict', 'FOLLOW_UP.ALREADY_EXISTS', `Follow-up action ${actionId} already exists on this report.`, { field: `${fieldPrefix}actionId` });
  const description = requiredText(input.description, { field: `${fieldPrefix}description`, code: 'FOLLOW_UP.DESCRIPTION_INVALID', label: 'what is to be done', max: MAX_ACTION_DESCRIPTION_LENGTH });
  if (isRejection(description)) return description;
  const ownerTeamId = requiredId(input.ownerTeamId, `${fieldPrefix}ownerTeamId`, 'FOLLOW_UP.OWNER_INVALID', 'the owner team id');
  if (isRejection(ownerTeamId)) return ownerTeamId;
  const rule = dueRule(input.dueRule);
  if (isRejection(rule)) return rule;
  return {
    type: 'FollowUpActionPlanned',
    data: {
      reportId: state.reportId!,
      actionId,
      purpose,
      preventionKind,
      description,
      ownerTeamId,
      severity: state.severity,
      dueOn: dueDateFor(state.severity, rule, ctx.now),
      plannedBy: ctx.actor.id,
      plannedAt: at(ctx),
    },
  };
}

export const planFollowUpAction: ReportRule<PlanFollowUpAction> = (command, state, ctx) => {
  const missing = requireReport(state, command.data.reportId);
  if (missing) return missing;
  const event = plannedAction(command.data, state, ctx, 'follow-up', null);
  return isRejection(event) ? event : [event];
};

export const completeFollowUpAction: ReportRule<CompleteFollowUpAction> = (command, state, ctx) => {
  const missing = requireReport(state, command.data.reportId);
  if (missing) return missing;
  const action = requireOpenAction(state, command.data.actionId);
  if (isRejection(action)) return action;
  const note = optionalText(command.data.note, { field: 'note', code: 'FOLLOW_UP.NOTE_INVALID', label: 'the note', max: MAX_ACTION_DESCRIPTION_LENGTH });
  if (isRejection(note)) return note;
  return [{ type: 'FollowUpActionCompleted', data: { reportId: state.reportId!, actionId: action.actionId, note, completedBy: ctx.actor.id, completedAt: at(ctx) } }];
};

export const declineFollowUpAction: ReportRule<DeclineFollowUpAction> = (command, state, ctx) => {
  const missing = requireReport(state, command.data.reportId);
  if (missing) return missing;
  const action = requireOpenAction(state, command.data.actionId);
  if (isRejection(action)) return action;
  const reason = requiredReason(ctx, 'are not doing this action');
  if (isRejection(reason)) return reason;
  return [{ type: 'FollowUpActionDeclined', data: { reportId: state.reportId!, actionId: action.actionId, reason, declinedBy: ctx.actor.id, declinedAt: at(ctx) } }];
};
