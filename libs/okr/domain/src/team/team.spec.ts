import { describe, expect, it } from '@jest/globals';
import type { CommandContext } from '@leerzone/kernel';
import { fold } from '@leerzone/kernel';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import type { OkrTeamCommand } from './team.commands';
import { okrTeamDecider } from './team.decider';
import type { OkrTeamEvent } from './team.events';
import { kpiViews } from './team.queries';

const spec = DeciderSpecification.for(okrTeamDecider);
const NOW = '2026-01-15T09:00:00.000Z';
const cadence = (everyDays: number): OkrTeamCommand => ({ type: 'SetCheckInCadence', data: { teamId: 'team-a', everyDays } });
const define = (extra: object = {}): OkrTeamCommand => ({
  type: 'DefineKpi',
  data: { teamId: 'team-a', kpiId: 'k-1', name: 'Sick leave', unit: '%', targetType: 'stay-at-most', target: 4, period: 'month', objectiveId: 'obj-1', ...extra },
});
const kpiDefined: OkrTeamEvent = {
  type: 'KpiDefined',
  data: { teamId: 'team-a', kpiId: 'k-1', definition: { name: 'Sick leave', unit: '%', targetType: 'stay-at-most', target: 4, period: 'month' }, objectiveId: 'obj-1', definedBy: 'user-test', definedAt: NOW },
};
const value = (v: number, measuredOn: string): OkrTeamEvent => ({
  type: 'KpiValueRecorded',
  data: { teamId: 'team-a', kpiId: 'k-1', value: v, measuredOn, period: measuredOn.slice(0, 7), recordedBy: 'user-test', recordedAt: NOW },
});

describe('the team check-in cadence', () => {
  it('is a whole number of days, 1 to 31; weekly unless set', () => {
    expect(okrTeamDecider.initialState.checkInCadenceDays).toBe(7);
    spec.given([]).when(cadence(14)).then([{ type: 'CheckInCadenceSet', data: { teamId: 'team-a', previousEveryDays: 7, everyDays: 14, setBy: 'user-test', setAt: NOW } }]);
    spec.given([]).when(cadence(1)).then([{ type: 'CheckInCadenceSet', data: { teamId: 'team-a', previousEveryDays: 7, everyDays: 1, setBy: 'user-test', setAt: NOW } }]);
    spec.given([]).when(cadence(31)).then([{ type: 'CheckInCadenceSet', data: { teamId: 'team-a', previousEveryDays: 7, everyDays: 31, setBy: 'user-test', setAt: NOW } }]);
    spec.given([]).when(cadence(0)).thenRejects('OKR.CADENCE_INVALID', { field: 'everyDays' });
    spec.given([]).when(cadence(32)).thenRejects('OKR.CADENCE_INVALID');
    spec.given([]).when(cadence(2.5)).thenRejects('OKR.CADENCE_INVALID');
  });
});

describe('team KPIs, kept apart from key results', () => {
  it('are defined with name, unit, target type, period and the objective they serve', () => {
    spec.given([]).when(define()).then([kpiDefined]);
  });

  it('refuses bad input naming the field', () => {
    spec.given([]).when(define({ targetType: 'grow' })).thenRejects('OKR.KPI_INVALID', { field: 'targetType' });
    spec.given([]).when(define({ period: 'week' })).thenRejects('OKR.KPI_INVALID', { field: 'period' });
    spec.given([]).when(define({ target: Number.NaN })).thenRejects('OKR.KPI_INVALID', { field: 'target' });
    spec.given([]).when(define({ name: '' })).thenRejects('OKR.KPI_INVALID', { field: 'name' });
    spec.given([]).when(define({ objectiveId: undefined })).thenRejects('OKR.OBJECTIVE_ID_INVALID', { field: 'objectiveId' });
    spec.given([kpiDefined]).when(define()).thenRejects('OKR.KPI_ALREADY_EXISTS');
    spec.given([kpiDefined]).when(define({ teamId: 'team-b', kpiId: 'k-2' })).thenRejects('OKR.TEAM_MISMATCH', { field: 'teamId' });
  });

  it('record values over time, keyed by period, never in the future', () => {
    const record = (v: number, measuredOn: string): OkrTeamCommand => ({ type: 'RecordKpiValue', data: { teamId: 'team-a', kpiId: 'k-1', value: v, measuredOn } });
    spec.given([kpiDefined]).when(record(3.5, '2026-01-15')).then([value(3.5, '2026-01-15')]);
    spec.given([kpiDefined]).when(record(3.5, '2026-01-16')).thenRejects('OKR.KPI_VALUE_INVALID', { field: 'measuredOn' });
    spec.given([kpiDefined]).when(record(3.5, '15-01-2026')).thenRejects('OKR.KPI_VALUE_INVALID', { field: 'measuredOn' });
    spec.given([]).when(record(3.5, '2026-01-15')).thenRejects('OKR.KPI_NOT_FOUND', { category: 'not-found' });
  });

  it('show one value per period (the latest measured) and whether it meets the target', () => {
    const [view] = kpiViews(fold(okrTeamDecider, [kpiDefined, value(5, '2025-12-31'), value(4.5, '2026-01-10'), value(3.9, '2026-01-14')]));
    expect(view).toMatchObject({ kpiId: 'k-1', objectiveId: 'obj-1', latest: { value: 3.9, period: '2026-01' }, meetsTarget: true });
    expect(view!.series.map((v) => [v.period, v.value])).toEqual([
      ['2025-12', 5],
      ['2026-01', 3.9],
    ]);
  });

  it('are relinked to the objective they serve now, and retired with a reason', () => {
    spec.given([kpiDefined]).when({ type: 'LinkKpiToObjective', data: { teamId: 'team-a', kpiId: 'k-1', objectiveId: 'obj-2' } }).then([
      { type: 'KpiLinkedToObjective', data: { teamId: 'team-a', kpiId: 'k-1', previousObjectiveId: 'obj-1', objectiveId: 'obj-2', linkedBy: 'user-test', linkedAt: NOW } },
    ]);
    const retire: OkrTeamCommand = { type: 'RetireKpi', data: { teamId: 'team-a', kpiId: 'k-1' } };
    spec.given([kpiDefined]).when(retire).thenRejects('OKR.REASON_REQUIRED');
    const because: Partial<CommandContext> = { reason: 'measured by HR now' };
    spec.given([kpiDefined]).when(retire, because).then([{ type: 'KpiRetired', data: { teamId: 'team-a', kpiId: 'k-1', retiredBy: 'user-test', retiredAt: NOW, reason: 'measured by HR now' } }]);
  });
});
