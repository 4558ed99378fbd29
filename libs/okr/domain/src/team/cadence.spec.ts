import { describe, expect, it } from '@jest/globals';
import { aggregateStreamId, fold } from '@leerzone/kernel';
import { DeciderSpecification, testContext } from '@leerzone/kernel/testing';
import type { OkrTeamCommand } from './team.commands';
import { okrTeamDecider, okrTeamStreamId } from './team.decider';
import type { OkrTeamEvent } from './team.events';
import { isOkrTeamEvent, OKR_TEAM_EVENT_TYPES } from './team.events';
import { DEFAULT_CHECK_IN_CADENCE_DAYS, MAX_CHECK_IN_CADENCE_DAYS, MIN_CHECK_IN_CADENCE_DAYS } from './team.model';
import { initialOkrTeamState } from './team.state';

/** The edges of a team's check-in cadence: the first one set, the same one again, the team's own stream. */
const spec = DeciderSpecification.for(okrTeamDecider);
const NOW = '2026-01-15T09:00:00.000Z';
const cadence = (everyDays: unknown, teamId: unknown = 'team-a'): OkrTeamCommand => ({ type: 'SetCheckInCadence', data: { teamId, everyDays } as never });
const cadenceSet = (everyDays: number, previousEveryDays: number): OkrTeamEvent => ({ type: 'CheckInCadenceSet', data: { teamId: 'team-a', previousEveryDays, everyDays, setBy: 'user-test', setAt: NOW } });
const kpiDefined: OkrTeamEvent = {
  type: 'KpiDefined',
  data: { teamId: 'team-a', kpiId: 'k-1', definition: { name: 'Sick leave', unit: '%', targetType: 'stay-at-most', target: 4, period: 'month' }, objectiveId: 'obj-1', definedBy: 'user-test', definedAt: NOW },
};

describe('setting the check-in cadence', () => {
  it('records the first cadence of a new team stream even when it equals the default', () => {
    spec.given([]).when(cadence(DEFAULT_CHECK_IN_CADENCE_DAYS)).then([cadenceSet(DEFAULT_CHECK_IN_CADENCE_DAYS, DEFAULT_CHECK_IN_CADENCE_DAYS)]);
  });

  it('changes nothing when a known team sets the cadence it already has', () => {
    spec.given([cadenceSet(14, 7)]).when(cadence(14)).thenNothingHappens();
    spec.given([kpiDefined]).when(cadence(DEFAULT_CHECK_IN_CADENCE_DAYS)).thenNothingHappens();
  });

  it('records a change with the cadence it replaces', () => {
    spec.given([cadenceSet(14, 7)]).when(cadence(13)).then([cadenceSet(13, 14)]);
    spec.given([kpiDefined]).when(cadence(8)).then([cadenceSet(8, 7)]);
  });

  it('refuses what is not a whole number of days in range, naming everyDays', () => {
    for (const everyDays of [MIN_CHECK_IN_CADENCE_DAYS - 1, MAX_CHECK_IN_CADENCE_DAYS + 1, 2.5, '7', null, undefined, Number.NaN, Number.POSITIVE_INFINITY, -7]) {
      spec.given([cadenceSet(14, 7)]).when(cadence(everyDays)).thenRejects('OKR.CADENCE_INVALID', { category: 'invalid', field: 'everyDays' });
    }
  });

  it('refuses a team id that is no id, or another team\'s, before looking at the cadence', () => {
    spec.given([]).when(cadence(14, '')).thenRejects('OKR.TEAM_ID_INVALID', { category: 'invalid', field: 'teamId' });
    spec.given([]).when(cadence(0, 42)).thenRejects('OKR.TEAM_ID_INVALID', { category: 'invalid', field: 'teamId' });
    spec.given([cadenceSet(14, 7)]).when(cadence(14, 'team-b')).thenRejects('OKR.TEAM_MISMATCH', { category: 'invalid', field: 'teamId' });
  });

  it('is kept in the team state, which belongs to the team from its first event', () => {
    expect(initialOkrTeamState).toEqual({ teamId: null, checkInCadenceDays: DEFAULT_CHECK_IN_CADENCE_DAYS, kpis: new Map() });
    expect(fold(okrTeamDecider, [cadenceSet(14, 7)])).toEqual({ teamId: 'team-a', checkInCadenceDays: 14, kpis: new Map() });
    expect(fold(okrTeamDecider, [cadenceSet(14, 7), cadenceSet(3, 14)]).checkInCadenceDays).toBe(3);
  });
});

describe('team streams and event types', () => {
  it('keeps each tenant\'s team in a stream of its own, named for OKR teams', () => {
    expect(okrTeamStreamId('tenant-a', 'team-a')).toBe(aggregateStreamId('okr-team-', 'tenant-a', 'team-a'));
    expect(okrTeamStreamId('tenant-a', 'team-a')).toMatch(/^okr-team-/);
    expect(okrTeamStreamId('tenant-a', 'team-a')).not.toBe(okrTeamStreamId('tenant-b', 'team-a'));
  });

  it('knows its own event types and no others (nor Object.prototype\'s names)', () => {
    expect([...OKR_TEAM_EVENT_TYPES].sort()).toEqual(['CheckInCadenceSet', 'KpiDefined', 'KpiLinkedToObjective', 'KpiRetired', 'KpiValueRecorded']);
    for (const type of OKR_TEAM_EVENT_TYPES) expect(isOkrTeamEvent({ type })).toBe(true);
    for (const type of ['CyclePlanned', 'TeamCreated', 'toString', '__proto__', 'hasOwnProperty', '']) expect(isOkrTeamEvent({ type })).toBe(false);
  });

  it('fails loudly on a command or event it does not know', () => {
    expect(() => okrTeamDecider.decide({ type: 'DeleteTeam', data: { teamId: 'team-a' } } as unknown as OkrTeamCommand, initialOkrTeamState, testContext())).toThrow();
    expect(() => okrTeamDecider.evolve(initialOkrTeamState, { type: 'TeamDeleted', data: { teamId: 'team-a' } } as unknown as OkrTeamEvent)).toThrow();
  });
});
