import { describe, expect, it } from '@jest/globals';
import type { CommandContext, Rejection } from '@leerzone/kernel';
import { fold } from '@leerzone/kernel';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import type { OkrTeamCommand } from './team.commands';
import { okrTeamDecider } from './team.decider';
import type { OkrTeamEvent } from './team.events';
import type { KpiTargetType } from './team.model';
import { MAX_KPI_NAME_LENGTH, MAX_KPI_UNIT_LENGTH } from './team.model';
import { kpiViews, meetsKpiTarget } from './team.queries';

/** The edges of a team's KPIs: every refusal's code and field, relinking, retiring, and the views. */
const spec = DeciderSpecification.for(okrTeamDecider);
const NOW = '2026-01-15T09:00:00.000Z';
const because: Partial<CommandContext> = { reason: 'measured by HR now' };
const define = (extra: object = {}): OkrTeamCommand => ({
  type: 'DefineKpi',
  data: { teamId: 'team-a', kpiId: 'k-1', name: 'Sick leave', unit: '%', targetType: 'stay-at-most', target: 4, period: 'month', objectiveId: 'obj-1', ...extra },
});
const defined = (kpiId = 'k-1', definition: object = {}): OkrTeamEvent => ({
  type: 'KpiDefined',
  data: { teamId: 'team-a', kpiId, definition: { name: 'Sick leave', unit: '%', targetType: 'stay-at-most', target: 4, period: 'month', ...definition }, objectiveId: 'obj-1', definedBy: 'user-test', definedAt: NOW },
});
const retired = (kpiId = 'k-1'): OkrTeamEvent => ({ type: 'KpiRetired', data: { teamId: 'team-a', kpiId, retiredBy: 'user-test', retiredAt: NOW, reason: 'measured by HR now' } });
const linked = (objectiveId: string, previousObjectiveId = 'obj-1'): OkrTeamEvent => ({
  type: 'KpiLinkedToObjective',
  data: { teamId: 'team-a', kpiId: 'k-1', previousObjectiveId, objectiveId, linkedBy: 'user-test', linkedAt: NOW },
});
const valueOf = (value: number, measuredOn: string, kpiId = 'k-1', period = measuredOn.slice(0, 7)): OkrTeamEvent => ({
  type: 'KpiValueRecorded',
  data: { teamId: 'team-a', kpiId, value, measuredOn, period, recordedBy: 'user-test', recordedAt: NOW },
});
const record = (value: unknown, measuredOn: unknown, extra: object = {}): OkrTeamCommand => ({ type: 'RecordKpiValue', data: { teamId: 'team-a', kpiId: 'k-1', value, measuredOn, ...extra } as never });
const link = (objectiveId: unknown, extra: object = {}): OkrTeamCommand => ({ type: 'LinkKpiToObjective', data: { teamId: 'team-a', kpiId: 'k-1', objectiveId, ...extra } as never });
const retire = (extra: object = {}): OkrTeamCommand => ({ type: 'RetireKpi', data: { teamId: 'team-a', kpiId: 'k-1', ...extra } });

describe('defining a KPI refuses, naming the field', () => {
  it('a team id that is no id', () => {
    spec.given([]).when(define({ teamId: '' })).thenRejects('OKR.TEAM_ID_INVALID', { category: 'invalid', field: 'teamId' });
  });

  it('a KPI id that is no id, and one the team already has', () => {
    spec.given([]).when(define({ kpiId: '' })).thenRejects('OKR.KPI_ID_INVALID', { category: 'invalid', field: 'kpiId' });
    spec.given([]).when(define({ kpiId: ' k-1' })).thenRejects('OKR.KPI_ID_INVALID', { category: 'invalid', field: 'kpiId' });
    spec.given([defined()]).when(define({ name: 'Other' })).thenRejects('OKR.KPI_ALREADY_EXISTS', { category: 'conflict', field: 'kpiId' });
    spec.given([defined(), retired()]).when(define()).thenRejects('OKR.KPI_ALREADY_EXISTS', { category: 'conflict', field: 'kpiId' });
  });

  it('a blank or too long name or unit', () => {
    spec.given([]).when(define({ name: '  ' })).thenRejects('OKR.KPI_INVALID', { category: 'invalid', field: 'name' });
    spec.given([]).when(define({ name: 'n'.repeat(MAX_KPI_NAME_LENGTH + 1) })).thenRejects('OKR.KPI_INVALID', { field: 'name', details: { max: MAX_KPI_NAME_LENGTH } });
    spec.given([]).when(define({ unit: '' })).thenRejects('OKR.KPI_INVALID', { category: 'invalid', field: 'unit' });
    spec.given([]).when(define({ unit: 'u'.repeat(MAX_KPI_UNIT_LENGTH + 1) })).thenRejects('OKR.KPI_INVALID', { field: 'unit', details: { max: MAX_KPI_UNIT_LENGTH } });
  });

  it('a target type, target or period it does not know', () => {
    spec.given([]).when(define({ targetType: undefined })).thenRejects('OKR.KPI_INVALID', { category: 'invalid', field: 'targetType' });
    spec.given([]).when(define({ target: '4' })).thenRejects('OKR.KPI_INVALID', { category: 'invalid', field: 'target' });
    spec.given([]).when(define({ target: Number.POSITIVE_INFINITY })).thenRejects('OKR.KPI_INVALID', { field: 'target' });
    spec.given([]).when(define({ period: 'Month' })).thenRejects('OKR.KPI_INVALID', { category: 'invalid', field: 'period' });
  });

  it('takes the longest name and unit, trimmed, with a target of zero', () => {
    const name = 'n'.repeat(MAX_KPI_NAME_LENGTH);
    const unit = 'u'.repeat(MAX_KPI_UNIT_LENGTH);
    spec
      .given([])
      .when(define({ name: ` ${name} `, unit, targetType: 'increase-to', target: 0, period: 'year' }))
      .then([defined('k-1', { name, unit, targetType: 'increase-to', target: 0, period: 'year' })]);
  });
});

describe('relinking a KPI to the objective it serves', () => {
  it('changes nothing when it already serves that objective', () => {
    spec.given([defined()]).when(link('obj-1')).thenNothingHappens();
    spec.given([defined(), linked('obj-2')]).when(link('obj-2')).thenNothingHappens();
  });

  it('records the objective it served before', () => {
    spec.given([defined(), linked('obj-2')]).when(link('obj-3')).then([linked('obj-3', 'obj-2')]);
    spec.given([defined(), linked('obj-2')]).when(link('obj-1')).then([linked('obj-1', 'obj-2')]);
  });

  it('refuses a team id that is no id, a KPI the team lacks or retired, and an objective id that is no id', () => {
    spec.given([defined()]).when(link('obj-2', { teamId: '' })).thenRejects('OKR.TEAM_ID_INVALID', { category: 'invalid', field: 'teamId' });
    spec.given([defined()]).when(link('obj-2', { kpiId: 'k-9' })).thenRejects('OKR.KPI_NOT_FOUND', { category: 'not-found', field: 'kpiId' });
    spec.given([defined(), retired()]).when(link('obj-2')).thenRejects('OKR.KPI_RETIRED', { category: 'precondition', field: 'kpiId' });
    spec.given([defined()]).when(link('')).thenRejects('OKR.OBJECTIVE_ID_INVALID', { category: 'invalid', field: 'objectiveId' });
  });
});

describe('recording a KPI value', () => {
  it('keys the value by the KPI\'s period, up to and including today', () => {
    spec.given([defined('k-1', { period: 'quarter' })]).when(record(0, '2026-01-15')).then([valueOf(0, '2026-01-15', 'k-1', '2026-Q1')]);
    spec.given([defined('k-1', { period: 'year' })]).when(record(-2.5, '2025-12-31')).then([valueOf(-2.5, '2025-12-31', 'k-1', '2025')]);
  });

  it('refuses a team id that is no id, another team, a KPI the team lacks, a KPI id that is no string, and a retired KPI', () => {
    spec.given([defined()]).when(record(3, '2026-01-15', { teamId: '' })).thenRejects('OKR.TEAM_ID_INVALID', { category: 'invalid', field: 'teamId' });
    spec.given([defined()]).when(record(3, '2026-01-15', { teamId: 'team-b' })).thenRejects('OKR.TEAM_MISMATCH', { category: 'invalid', field: 'teamId' });
    spec.given([defined()]).when(record(3, '2026-01-15', { kpiId: 'k-2' })).thenRejects('OKR.KPI_NOT_FOUND', { category: 'not-found', field: 'kpiId' });
    spec.given([defined()]).when(record(3, '2026-01-15', { kpiId: 1 })).thenRejects('OKR.KPI_NOT_FOUND', { category: 'not-found', field: 'kpiId' });
    spec.given([defined(), retired()]).when(record(3, '2026-01-15')).thenRejects('OKR.KPI_RETIRED', { category: 'precondition', field: 'kpiId' });
  });

  it('refuses a value that is no finite number, naming value', () => {
    for (const value of [Number.NaN, Number.NEGATIVE_INFINITY, '3', null, undefined]) {
      spec.given([defined()]).when(record(value, '2026-01-15')).thenRejects('OKR.KPI_VALUE_INVALID', { category: 'invalid', field: 'value' });
    }
  });

  it('refuses a day that is no date, or after today, naming measuredOn', () => {
    for (const measuredOn of ['2026-02-29', '2026-1-15', undefined, 20260115]) {
      spec.given([defined()]).when(record(3, measuredOn)).thenRejects('OKR.KPI_VALUE_INVALID', { category: 'invalid', field: 'measuredOn' });
    }
    spec.given([defined()]).when(record(3, '2026-01-16')).thenRejects('OKR.KPI_VALUE_INVALID', { category: 'invalid', field: 'measuredOn' });
    spec.given([defined()]).when(record(3, '2027-01-01')).thenRejects('OKR.KPI_VALUE_INVALID', { category: 'invalid', field: 'measuredOn' });
  });
});

describe('retiring a KPI', () => {
  it('needs a reason, trimmed', () => {
    spec.given([defined()]).when(retire()).thenRejects('OKR.REASON_REQUIRED', { category: 'invalid', field: 'reason' });
    spec.given([defined()]).when(retire(), { reason: '  ' }).thenRejects('OKR.REASON_REQUIRED', { category: 'invalid', field: 'reason' });
    spec.given([defined()]).when(retire(), { reason: '  measured by HR now ' }).then([retired()]);
  });

  it('refuses a team id that is no id, a KPI the team lacks, and one retired already', () => {
    spec.given([defined()]).when(retire({ teamId: ' team-a' }), because).thenRejects('OKR.TEAM_ID_INVALID', { category: 'invalid', field: 'teamId' });
    spec.given([defined()]).when(retire({ kpiId: 'k-2' }), because).thenRejects('OKR.KPI_NOT_FOUND', { category: 'not-found', field: 'kpiId' });
    spec.given([defined(), retired()]).when(retire(), because).thenRejects('OKR.KPI_RETIRED', { category: 'precondition', field: 'kpiId' });
  });
});

describe('the KPIs in the team state', () => {
  it('follow their relinks and retirement, and ignore events for a KPI the team never defined', () => {
    const state = fold(okrTeamDecider, [defined(), defined('k-2'), linked('obj-2'), retired('k-2'), linked('obj-9', 'obj-x'), valueOf(1, '2026-01-01', 'k-3'), retired('k-4')]);
    expect([...state.kpis.keys()]).toEqual(['k-1', 'k-2']);
    expect(state.kpis.get('k-1')).toMatchObject({ objectiveId: 'obj-9', retired: false, values: [] });
    expect(state.kpis.get('k-2')).toMatchObject({ objectiveId: 'obj-1', retired: true });
    expect(fold(okrTeamDecider, [defined()]).kpis.get('k-1')).toEqual({
      kpiId: 'k-1',
      definition: { name: 'Sick leave', unit: '%', targetType: 'stay-at-most', target: 4, period: 'month' },
      objectiveId: 'obj-1',
      retired: false,
      values: [],
    });
  });
});

describe('whether a value meets its KPI\'s target', () => {
  const cases: readonly [KpiTargetType, number, boolean][] = [
    ['increase-to', 9, false],
    ['increase-to', 10, true],
    ['increase-to', 11, true],
    ['stay-at-least', 9, false],
    ['stay-at-least', 10, true],
    ['stay-at-least', 11, true],
    ['decrease-to', 9, true],
    ['decrease-to', 10, true],
    ['decrease-to', 11, false],
    ['stay-at-most', 9, true],
    ['stay-at-most', 10, true],
    ['stay-at-most', 11, false],
  ];
  it.each(cases)('%s 10, at %d: %s', (targetType, value, meets) => {
    expect(meetsKpiTarget(targetType, 10, value)).toBe(meets);
  });
});

describe('the KPI views', () => {
  it('leave retired KPIs out and show a KPI without values as not yet measured', () => {
    const views = kpiViews(fold(okrTeamDecider, [defined(), defined('k-2'), retired('k-1')]));
    expect(views).toEqual([{ kpiId: 'k-2', name: 'Sick leave', unit: '%', targetType: 'stay-at-most', target: 4, objectiveId: 'obj-1', series: [], latest: null, meetsTarget: null }]);
  });

  it('show the latest value of a single period as the latest, and whether it misses the target', () => {
    const [view] = kpiViews(fold(okrTeamDecider, [defined(), valueOf(4.5, '2026-01-10')]));
    expect(view).toMatchObject({ latest: { value: 4.5, measuredOn: '2026-01-10', period: '2026-01' }, meetsTarget: false });
    const [onTarget] = kpiViews(fold(okrTeamDecider, [defined(), valueOf(4, '2026-01-10')]));
    expect(onTarget).toMatchObject({ latest: { value: 4 }, meetsTarget: true });
  });

  it('sort the periods oldest first whatever the order recorded, the newest period being the latest', () => {
    const [view] = kpiViews(fold(okrTeamDecider, [defined(), valueOf(3, '2026-01-05'), valueOf(5, '2025-11-20'), valueOf(6, '2025-12-02')]));
    expect(view!.series.map((v) => [v.period, v.value])).toEqual([
      ['2025-11', 5],
      ['2025-12', 6],
      ['2026-01', 3],
    ]);
    expect(view!.latest).toMatchObject({ period: '2026-01', value: 3 });
    expect(view!.meetsTarget).toBe(true);
  });

  it('count the latest measured day within a period, and the one recorded last among equal days', () => {
    const [view] = kpiViews(fold(okrTeamDecider, [defined(), valueOf(2, '2026-01-14'), valueOf(7, '2026-01-03')]));
    expect(view!.series.map((v) => v.value)).toEqual([2]);
    const [corrected] = kpiViews(fold(okrTeamDecider, [defined(), valueOf(7, '2026-01-14'), valueOf(2, '2026-01-14')]));
    expect(corrected!.series.map((v) => v.value)).toEqual([2]);
  });
});

describe('each KPI refusal says in words what it refused', () => {
  const cases: [string, OkrTeamEvent[], OkrTeamCommand, { code: string; category: Rejection['category']; field: string; says: string }][] = [
    ['a team id that is no id', [], define({ teamId: '' }), { code: 'OKR.TEAM_ID_INVALID', category: 'invalid', field: 'teamId', says: 'The team id must be' }],
    ['a KPI id that is no id', [], define({ kpiId: '' }), { code: 'OKR.KPI_ID_INVALID', category: 'invalid', field: 'kpiId', says: 'The KPI id must be' }],
    ['a blank name', [], define({ name: ' ' }), { code: 'OKR.KPI_INVALID', category: 'invalid', field: 'name', says: 'The KPI name must not be empty' }],
    ['a blank unit', [], define({ unit: '' }), { code: 'OKR.KPI_INVALID', category: 'invalid', field: 'unit', says: 'The unit must not be empty' }],
    ['a target type it does not know', [], define({ targetType: 'grow' }), { code: 'OKR.KPI_INVALID', category: 'invalid', field: 'targetType', says: 'The target type must be one of' }],
    ['a target that is no number', [], define({ target: '4' }), { code: 'OKR.KPI_INVALID', category: 'invalid', field: 'target', says: 'The target must be a number' }],
    ['a period it does not know', [], define({ period: 'week' }), { code: 'OKR.KPI_INVALID', category: 'invalid', field: 'period', says: 'The period must be one of month, quarter, year (got "week")' }],
    ['an objective id that is no id', [], define({ objectiveId: ' obj-1' }), { code: 'OKR.OBJECTIVE_ID_INVALID', category: 'invalid', field: 'objectiveId', says: 'The objective the KPI serves must be' }],
    ['a value that is no number', [defined()], record('3', '2026-01-15'), { code: 'OKR.KPI_VALUE_INVALID', category: 'invalid', field: 'value', says: 'The KPI value must be a number' }],
    ['a retirement without a reason', [defined()], retire(), { code: 'OKR.REASON_REQUIRED', category: 'invalid', field: 'reason', says: 'A reason is required to retire a KPI.' }],
  ];

  it.each(cases)('%s', (_, given, command, { code, category, field, says }) => {
    spec.given(given).when(command).thenRejects(code, { category, field, message: expect.stringContaining(says) as never });
  });
});
