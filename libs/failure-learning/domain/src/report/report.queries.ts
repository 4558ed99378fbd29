import { MS_PER_DAY, startOfIsoDate, wholeDaysBetween } from '@leerzone/kernel';
import type { FollowUpActionState, ReportState } from './report.state';

/** A follow-up action as a read model row: the report state's, plus the team the report is about. */
export interface FollowUpActionRow extends FollowUpActionState {
  readonly reportTeamId: string;
}

export const followUpActionRows = (state: ReportState): readonly FollowUpActionRow[] =>
  state.exists ? [...state.actions.values()].map((action) => ({ ...action, reportTeamId: state.teamId! })) : [];

export interface OverdueAction extends FollowUpActionRow {
  /** Whole days since the due date ended; 0 on the first overdue day. */
  readonly daysOverdue: number;
}

/**
 * Open actions whose due date has passed as of `now`: an action due on D is on time all of
 * D (UTC) and overdue from D + 1 00:00. Most overdue first, then by action id.
 */
export function overdueActions(actions: readonly FollowUpActionRow[], now: Date): readonly OverdueAction[] {
  return actions
    .filter((action) => action.status === 'open' && now.getTime() >= startOfIsoDate(action.dueOn).getTime() + MS_PER_DAY)
    .map((action) => ({ ...action, daysOverdue: wholeDaysBetween(new Date(startOfIsoDate(action.dueOn).getTime() + MS_PER_DAY), now) }))
    .sort((a, b) => b.daysOverdue - a.daysOverdue || (a.actionId < b.actionId ? -1 : a.actionId > b.actionId ? 1 : 0));
}

/** Overdue actions per owner team (sorted by team id), for the team and tenant views. */
export function overdueActionsByTeam(actions: readonly FollowUpActionRow[], now: Date): readonly { readonly ownerTeamId: string; readonly actions: readonly OverdueAction[] }[] {
  const byTeam = new Map<string, OverdueAction[]>();
  for (const action of overdueActions(actions, now)) byTeam.set(action.ownerTeamId, [...(byTeam.get(action.ownerTeamId) ?? []), action]);
  return [...byTeam.keys()].sort().map((ownerTeamId) => ({ ownerTeamId, actions: byTeam.get(ownerTeamId)! }));
}

/** What still has to happen for a report: classify it, respond as its kind calls for, celebrate an intelligent one. */
export function nextStepOf(state: ReportState): 'classify' | 'respond' | 'celebrate' | 'follow-up' | 'done' | null {
  if (!state.exists) return null;
  if (!state.classification) return 'classify';
  if (!state.responded.has(state.classification.kind)) return 'respond';
  if (state.classification.kind === 'intelligent' && !state.celebrated) return 'celebrate';
  return [...state.actions.values()].some((a) => a.status === 'open') ? 'follow-up' : 'done';
}
