import { describe, expect, it } from '@jest/globals';
import { fold } from '@leerzone/kernel';
import { DeciderSpecification, testContext } from '@leerzone/kernel/testing';
import type { CycleCommand } from './cycle.commands';
import { cycleDecider } from './cycle.decider';
import type { CycleEvent } from './cycle.events';
import { teamsStartedWithoutRetrospective } from './cycle.queries';
import { cycleFacts } from './cycle.state';

const spec = DeciderSpecification.for(cycleDecider);
const NOW = '2026-01-15T09:00:00.000Z';
const who = { plannedBy: 'user-test', plannedAt: NOW };
const plan = (data: object = {}): CycleCommand => ({ type: 'PlanCycle', data: { cycleId: 'c-1', ...data } });
const planned: CycleEvent = { type: 'CyclePlanned', data: { cycleId: 'c-1', name: '2026-Q2', startsOn: '2026-04-01', endsOn: '2026-06-30', ...who } };
const started: CycleEvent = { type: 'CycleStarted', data: { cycleId: 'c-1', startedBy: 'user-test', startedAt: '2026-04-01T08:00:00.000Z' } };
const grading: CycleEvent = { type: 'CycleGradingStarted', data: { cycleId: 'c-1', startedBy: 'user-test', startedAt: '2026-07-01T08:00:00.000Z' } };

describe('planning a cycle', () => {
  it('is the next calendar quarter by default (planned on 15 January → Q2)', () => {
    spec.given([]).when(plan()).then([planned]);
  });

  it('takes a named quarter, or one quarter from a start date, or any dates', () => {
    spec.given([]).when(plan({ quarter: '2026-Q4' })).then([{ type: 'CyclePlanned', data: { cycleId: 'c-1', name: '2026-Q4', startsOn: '2026-10-01', endsOn: '2026-12-31', ...who } }]);
    spec.given([]).when(plan({ startsOn: '2026-02-15' })).then([{ type: 'CyclePlanned', data: { cycleId: 'c-1', name: '2026-02-15 to 2026-05-14', startsOn: '2026-02-15', endsOn: '2026-05-14', ...who } }]);
    spec.given([]).when(plan({ startsOn: '2026-03-01', endsOn: '2026-04-15', name: 'Spring sprint' })).then([{ type: 'CyclePlanned', data: { cycleId: 'c-1', name: 'Spring sprint', startsOn: '2026-03-01', endsOn: '2026-04-15', ...who } }]);
  });

  it('refuses dates that make no cycle, naming the field', () => {
    spec.given([]).when(plan({ quarter: '2026-Q5' })).thenRejects('OKR.CYCLE_DATES_INVALID', { field: 'quarter' });
    spec.given([]).when(plan({ quarter: '2026-Q1', startsOn: '2026-01-01' })).thenRejects('OKR.CYCLE_DATES_INVALID', { field: 'quarter' });
    spec.given([]).when(plan({ startsOn: '2026-02-30' })).thenRejects('OKR.CYCLE_DATES_INVALID', { field: 'startsOn' });
    spec.given([]).when(plan({ endsOn: '2026-03-31' })).thenRejects('OKR.CYCLE_DATES_INVALID', { field: 'startsOn' });
    spec.given([]).when(plan({ startsOn: '2026-03-01', endsOn: '2026-03-01' })).thenRejects('OKR.CYCLE_DATES_INVALID', { field: 'endsOn' });
    spec.given([]).when(plan({ cycleId: '' })).thenRejects('OKR.CYCLE_ID_INVALID', { field: 'cycleId' });
    spec.given([planned]).when(plan()).thenRejects('OKR.CYCLE_ALREADY_EXISTS', { category: 'conflict' });
  });
});

describe('the cycle moves forward only: planning → running → grading → closed', () => {
  it('in that order', () => {
    spec.given([planned]).when({ type: 'StartCycle', data: { cycleId: 'c-1' } }).then([{ type: 'CycleStarted', data: { cycleId: 'c-1', startedBy: 'user-test', startedAt: NOW } }]);
    spec.given([planned]).when({ type: 'StartGrading', data: { cycleId: 'c-1' } }).thenRejects('OKR.CYCLE_WRONG_STATUS', { category: 'precondition', details: { status: 'planning', allowed: ['running'] } });
    spec.given([planned, started]).when({ type: 'StartCycle', data: { cycleId: 'c-1' } }).thenRejects('OKR.CYCLE_WRONG_STATUS');
    spec.given([planned, started]).when({ type: 'StartGrading', data: { cycleId: 'c-1' } }).then([{ type: 'CycleGradingStarted', data: { cycleId: 'c-1', startedBy: 'user-test', startedAt: NOW } }]);
    spec.given([]).when({ type: 'StartCycle', data: { cycleId: 'c-1' } }).thenRejects('OKR.CYCLE_NOT_FOUND', { category: 'not-found' });
  });

  it('closes only when every committed objective is graded', () => {
    spec.given([planned, started, grading]).when({ type: 'CloseCycle', data: { cycleId: 'c-1', ungradedObjectiveIds: ['obj-7'] } }).thenRejects('OKR.CYCLE_NOT_GRADED', { details: { ungradedObjectiveIds: ['obj-7'] } });
    spec.given([planned, started, grading]).when({ type: 'CloseCycle', data: { cycleId: 'c-1', ungradedObjectiveIds: [] } }).then([{ type: 'CycleClosed', data: { cycleId: 'c-1', closedBy: 'user-test', closedAt: NOW } }]);
  });

  it('hands objectives its facts', () => {
    expect(cycleFacts(fold(cycleDecider, [planned, started]))).toEqual({ cycleId: 'c-1', status: 'running', startsOn: '2026-04-01', endsOn: '2026-06-30' });
    expect(cycleFacts(cycleDecider.initialState)).toBeNull();
  });
});

describe('retrospectives open the cycle', () => {
  const retro = (teamId: string, extra: object = {}): CycleCommand => ({
    type: 'RecordRetrospective',
    data: { cycleId: 'c-1', teamId, previousCycleId: 'c-0', whatWorked: 'Weekly check-ins', whatDidNotWork: 'Too many key results', whatWeLearned: 'Three is enough', whatWeCarryForward: 'Client panel', ...extra },
  });

  it('records what worked, what did not, what was learned and what is carried forward', () => {
    spec.given([planned]).when(retro('team-a')).then([
      {
        type: 'RetrospectiveRecorded',
        data: { cycleId: 'c-1', teamId: 'team-a', previousCycleId: 'c-0', whatWorked: 'Weekly check-ins', whatDidNotWork: 'Too many key results', whatWeLearned: 'Three is enough', whatWeCarryForward: 'Client panel', late: false, recordedBy: 'user-test', recordedAt: NOW },
      },
    ]);
  });

  it('refuses empty answers naming the field, a second one, and one after grading began', () => {
    spec.given([planned]).when(retro('team-a', { whatWeLearned: ' ' })).thenRejects('OKR.RETROSPECTIVE_INVALID', { field: 'whatWeLearned' });
    spec.given([planned]).when(retro('team-a', { previousCycleId: 'c-1' })).thenRejects('OKR.RETROSPECTIVE_INVALID', { field: 'previousCycleId' });
    const once = fold(cycleDecider, [planned]);
    const recorded = cycleDecider.decide(retro('team-a'), once, testContext()) as CycleEvent[];
    spec.given([planned, ...recorded]).when(retro('team-a')).thenRejects('OKR.RETROSPECTIVE_ALREADY_RECORDED', { category: 'conflict' });
    spec.given([planned, started, grading]).when(retro('team-a')).thenRejects('OKR.CYCLE_WRONG_STATUS');
  });

  it('lists the teams that started without one (a late one counts as missing, with its date)', () => {
    const onTime: CycleEvent = { type: 'RetrospectiveRecorded', data: { cycleId: 'c-1', teamId: 'team-a', previousCycleId: null, whatWorked: 'a', whatDidNotWork: 'b', whatWeLearned: 'c', whatWeCarryForward: null, late: false, recordedBy: 'u', recordedAt: NOW } };
    const late: CycleEvent = { ...onTime, data: { ...onTime.data, teamId: 'team-b', late: true, recordedAt: '2026-04-03T10:00:00.000Z' } };
    expect(teamsStartedWithoutRetrospective(fold(cycleDecider, [planned, onTime]), ['team-a', 'team-c'])).toEqual([]);
    expect(teamsStartedWithoutRetrospective(fold(cycleDecider, [planned, onTime, started, late]), ['team-c', 'team-a', 'team-b'])).toEqual([
      { teamId: 'team-b', recordedLateAt: '2026-04-03T10:00:00.000Z' },
      { teamId: 'team-c', recordedLateAt: null },
    ]);
    expect(cycleDecider.decide(retro('team-b'), fold(cycleDecider, [planned, started]), testContext())).toMatchObject([{ data: { late: true } }]);
  });
});
