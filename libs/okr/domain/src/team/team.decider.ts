import type { Decider } from '@leerzone/kernel';
import { assertNever, aggregateStreamId } from '@leerzone/kernel';
import { setCheckInCadence } from './cadence.rules';
import { defineKpi, linkKpiToObjective, recordKpiValue, retireKpi } from './kpi.rules';
import type { OkrTeamCommand } from './team.commands';
import type { OkrTeamEvent } from './team.events';
import type { OkrTeamState } from './team.state';
import { evolveOkrTeam, initialOkrTeamState } from './team.state';

export const okrTeamStreamId = (tenantId: string, teamId: string): string => aggregateStreamId('okr-team-', tenantId, teamId);

/**
 * What OKR keeps per team across cycles: its check-in cadence and its KPIs. Not governance's
 * team (that one OKR only reads, over the bus); a stream of its own so KPI values recorded
 * every week never contend with objectives or cycles.
 */
export const okrTeamDecider: Decider<OkrTeamCommand, OkrTeamEvent, OkrTeamState> = {
  initialState: initialOkrTeamState,
  decide(command, state, ctx) {
    switch (command.type) {
      case 'SetCheckInCadence':
        return setCheckInCadence(command, state, ctx);
      case 'DefineKpi':
        return defineKpi(command, state, ctx);
      case 'LinkKpiToObjective':
        return linkKpiToObjective(command, state, ctx);
      case 'RecordKpiValue':
        return recordKpiValue(command, state, ctx);
      case 'RetireKpi':
        return retireKpi(command, state, ctx);
      default:
        return assertNever(command);
    }
  },
  evolve: evolveOkrTeam,
};
