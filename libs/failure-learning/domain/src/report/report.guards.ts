import type { CommandContext, Decision, Rejection } from '@leerzone/kernel';
import { reject } from '@leerzone/kernel';
import type { ReportEvent } from './report.events';
import type { FollowUpActionState, ReportState } from './report.state';

export type ReportRule<Command> = (command: Command, state: ReportState, ctx: CommandContext) => Decision<ReportEvent>;

/** Every command but ReportFailure needs the report; the command's reportId must be the stream's. */
export function requireReport(state: ReportState, reportId: unknown): Rejection | null {
  if (!state.exists || state.reportId !== reportId) {
    return reject('not-found', 'REPORT.NOT_FOUND', `Failure report ${String(reportId)} does not exist.`, { field: 'reportId' });
  }
  return null;
}

export function requireOpenAction(state: ReportState, actionId: unknown): FollowUpActionState | Rejection {
  const action = typeof actionId === 'string' ? state.actions.get(actionId) : undefined;
  if (!action) return reject('not-found', 'FOLLOW_UP.NOT_FOUND', `Report ${state.reportId} has no follow-up action ${String(actionId)}.`, { field: 'actionId' });
  if (action.status !== 'open') {
    return reject('conflict', 'FOLLOW_UP.ALREADY_CLOSED', `Follow-up action ${action.actionId} is already ${action.status}; plan a new action if more is needed.`, { field: 'actionId' });
  }
  return action;
}
