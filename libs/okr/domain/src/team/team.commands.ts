/**
 * Commands on one team's OKR stream: its check-in cadence and its KPIs. The team itself is
 * governance's; the service checks it exists (and who may act for it) in its own read model.
 */
type Cmd<Type extends string, Data> = { readonly type: Type; readonly data: Data };
type OnTeam<Data = object> = { readonly teamId: string } & Data;

export type SetCheckInCadence = Cmd<'SetCheckInCadence', OnTeam<{ readonly everyDays: number }>>;
/** `objectiveId`: the objective the KPI serves; the service checks it exists in the tenant. */
export type DefineKpi = Cmd<
  'DefineKpi',
  OnTeam<{ readonly kpiId: string; readonly name: string; readonly unit: string; readonly targetType: string; readonly target: number; readonly period: string; readonly objectiveId: string }>
>;
export type LinkKpiToObjective = Cmd<'LinkKpiToObjective', OnTeam<{ readonly kpiId: string; readonly objectiveId: string }>>;
/** `measuredOn`: the ISO date the value was measured, not after today. */
export type RecordKpiValue = Cmd<'RecordKpiValue', OnTeam<{ readonly kpiId: string; readonly value: number; readonly measuredOn: string }>>;
export type RetireKpi = Cmd<'RetireKpi', OnTeam<{ readonly kpiId: string }>>;

export type OkrTeamCommand = SetCheckInCadence | DefineKpi | LinkKpiToObjective | RecordKpiValue | RetireKpi;
