import type { CommandContext, Decision, Rejection } from '@leerzone/kernel';
import { isRejection, reject, requiredId } from '@leerzone/kernel';
import type { OkrTeamEvent } from './team.events';
import type { KpiState, OkrTeamState } from './team.state';

export type OkrTeamRule<Command> = (command: Command, state: OkrTeamState, ctx: CommandContext) => Decision<OkrTeamEvent>;

/** The team's OKR stream begins with its first event; the command's team must be the stream's. */
export function requireTeamId(state: OkrTeamState, teamId: unknown): string | Rejection {
  const id = requiredId(teamId, 'teamId', 'OKR.TEAM_ID_INVALID', 'the team id');
  if (isRejection(id)) return id;
  if (state.teamId !== null && state.teamId !== id) return reject('invalid', 'OKR.TEAM_MISMATCH', `This stream belongs to team ${state.teamId}, not ${id}.`, { field: 'teamId' });
  return id;
}

export function requireKpi(state: OkrTeamState, kpiId: unknown): KpiState | Rejection {
  const kpi = typeof kpiId === 'string' ? state.kpis.get(kpiId) : undefined;
  if (!kpi) return reject('not-found', 'OKR.KPI_NOT_FOUND', `Team ${state.teamId} has no KPI ${String(kpiId)}.`, { field: 'kpiId' });
  if (kpi.retired) return reject('precondition', 'OKR.KPI_RETIRED', `KPI ${kpi.kpiId} (${kpi.definition.name}) is retired.`, { field: 'kpiId' });
  return kpi;
}
