import { isIsoDate, isRejection, periodKey, reject, requiredId, requiredText, startOfIsoDate } from '@leerzone/kernel';
import { at, finiteNumber, oneOf, requiredReason } from '../shared/validation';
import type { DefineKpi, LinkKpiToObjective, RecordKpiValue, RetireKpi } from './team.commands';
import type { OkrTeamRule } from './team.guards';
import { requireKpi, requireTeamId } from './team.guards';
import { KPI_PERIODS, KPI_TARGET_TYPES, MAX_KPI_NAME_LENGTH, MAX_KPI_UNIT_LENGTH } from './team.model';

const objectiveIdOf = (value: unknown) => requiredId(value, 'objectiveId', 'OKR.OBJECTIVE_ID_INVALID', 'the objective the KPI serves');

/**
 * A team's own KPIs: health metrics that serve an objective, measured period after period.
 * They are not key results — no 3–5 rule, no grading, no cycle — so they live apart.
 */
export const defineKpi: OkrTeamRule<DefineKpi> = (command, state, ctx) => {
  const d = command.data;
  const teamId = requireTeamId(state, d.teamId);
  if (isRejection(teamId)) return teamId;
  const kpiId = requiredId(d.kpiId, 'kpiId', 'OKR.KPI_ID_INVALID', 'the KPI id');
  if (isRejection(kpiId)) return kpiId;
  if (state.kpis.has(kpiId)) return reject('conflict', 'OKR.KPI_ALREADY_EXISTS', `Team ${teamId} already has KPI ${kpiId}.`, { field: 'kpiId' });
  const name = requiredText(d.name, { field: 'name', code: 'OKR.KPI_INVALID', label: 'the KPI name', max: MAX_KPI_NAME_LENGTH });
  if (isRejection(name)) return name;
  const unit = requiredText(d.unit, { field: 'unit', code: 'OKR.KPI_INVALID', label: 'the unit', max: MAX_KPI_UNIT_LENGTH });
  if (isRejection(unit)) return unit;
  const targetType = oneOf(d.targetType, KPI_TARGET_TYPES, 'targetType', 'OKR.KPI_INVALID', 'The target type');
  if (isRejection(targetType)) return targetType;
  const target = finiteNumber(d.target, 'target', 'OKR.KPI_INVALID', 'The target');
  if (isRejection(target)) return target;
  const period = oneOf(d.period, KPI_PERIODS, 'period', 'OKR.KPI_INVALID', 'The period');
  if (isRejection(period)) return period;
  const objectiveId = objectiveIdOf(d.objectiveId);
  if (isRejection(objectiveId)) return objectiveId;
  return [{ type: 'KpiDefined', data: { teamId, kpiId, definition: { name, unit, targetType, target, period }, objectiveId, definedBy: ctx.actor.id, definedAt: at(ctx) } }];
};

export const linkKpiToObjective: OkrTeamRule<LinkKpiToObjective> = (command, state, ctx) => {
  const teamId = requireTeamId(state, command.data.teamId);
  if (isRejection(teamId)) return teamId;
  const kpi = requireKpi(state, command.data.kpiId);
  if (isRejection(kpi)) return kpi;
  const objectiveId = objectiveIdOf(command.data.objectiveId);
  if (isRejection(objectiveId)) return objectiveId;
  if (objectiveId === kpi.objectiveId) return [];
  return [{ type: 'KpiLinkedToObjective', data: { teamId, kpiId: kpi.kpiId, previousObjectiveId: kpi.objectiveId, objectiveId, linkedBy: ctx.actor.id, linkedAt: at(ctx) } }];
};

export const recordKpiValue: OkrTeamRule<RecordKpiValue> = (command, state, ctx) => {
  const teamId = requireTeamId(state, command.data.teamId);
  if (isRejection(teamId)) return teamId;
  const kpi = requireKpi(state, command.data.kpiId);
  if (isRejection(kpi)) return kpi;
  const value = finiteNumber(command.data.value, 'value', 'OKR.KPI_VALUE_INVALID', 'The KPI value');
  if (isRejection(value)) return value;
  const measuredOn = command.data.measuredOn;
  if (!isIsoDate(measuredOn)) return reject('invalid', 'OKR.KPI_VALUE_INVALID', 'measuredOn must be a date such as 2026-03-31.', { field: 'measuredOn' });
  if (measuredOn > at(ctx).slice(0, 10)) return reject('invalid', 'OKR.KPI_VALUE_INVALID', `A value cannot be measured in the future (${measuredOn}).`, { field: 'measuredOn' });
  const period = periodKey(kpi.definition.period, startOfIsoDate(measuredOn));
  return [{ type: 'KpiValueRecorded', data: { teamId, kpiId: kpi.kpiId, value, measuredOn, period, recordedBy: ctx.actor.id, recordedAt: at(ctx) } }];
};

export const retireKpi: OkrTeamRule<RetireKpi> = (command, state, ctx) => {
  const teamId = requireTeamId(state, command.data.teamId);
  if (isRejection(teamId)) return teamId;
  const kpi = requireKpi(state, command.data.kpiId);
  if (isRejection(kpi)) return kpi;
  const reason = requiredReason(ctx.reason, 'retire a KPI');
  if (isRejection(reason)) return reason;
  return [{ type: 'KpiRetired', data: { teamId, kpiId: kpi.kpiId, retiredBy: ctx.actor.id, retiredAt: at(ctx), reason } }];
};
