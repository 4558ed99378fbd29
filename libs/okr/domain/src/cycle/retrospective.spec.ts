import { describe, expect, it } from '@jest/globals';
import type { Rejection } from '@leerzone/kernel';
import { fold } from '@leerzone/kernel';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import type { RecordRetrospective } from './cycle.commands';
import { cycleDecider } from './cycle.decider';
import type { CycleEvent } from './cycle.events';
import { teamsStartedWithoutRetrospective } from './cycle.queries';
import { MAX_RETROSPECTIVE_ANSWER_LENGTH } from './retrospective.rules';

/** The edges of a retrospective: each answer's refusal, the optional fields left out, on time or late. */
const spec = DeciderSpecification.for(cycleDecider);
const NOW = '2026-01-15T09:00:00.000Z';
const planned: CycleEvent = { type: 'CyclePlanned', data: { cycleId: 'c-1', name: '2026-Q2', startsOn: '2026-04-01', endsOn: '2026-06-30', plannedBy: 'user-test', plannedAt: NOW } };
const started: CycleEvent = { type: 'CycleStarted', data: { cycleId: 'c-1', startedBy: 'user-test', startedAt: '2026-04-01T08:00:00.000Z' } };
const answers = { whatWorked: 'Weekly check-ins', whatDidNotWork: 'Too many key results', whatWeLearned: 'Three is enough' };
const retro = (data: Partial<RecordRetrospective['data']> = {}): RecordRetrospective => ({ type: 'RecordRetrospective', data: { cycleId: 'c-1', teamId: 'team-a', ...answers, ...data } });
const recorded = (data: Partial<Extract<CycleEvent, { type: 'RetrospectiveRecorded' }>['data']> = {}): CycleEvent => ({
  type: 'RetrospectiveRecorded',
  data: { cycleId: 'c-1', teamId: 'team-a', previousCycleId: null, ...answers, whatWeCarryForward: null, late: false, recordedBy: 'user-test', recordedAt: NOW, ...data },
});

describe('a retrospective without the optional answers', () => {
  it('has no previous cycle and nothing carried forward when they are left out', () => {
    spec.given([planned]).when(retro()).then([recorded()]);
  });

  it('trims its answers and reads a blank carry-forward as none', () => {
    spec
      .given([planned])
      .when(retro({ whatWorked: '  Pairing  ', whatWeCarryForward: '   ' }))
      .then([recorded({ whatWorked: 'Pairing' })]);
  });

  it('takes answers up to the longest allowed', () => {
    const longest = 'x'.repeat(MAX_RETROSPECTIVE_ANSWER_LENGTH);
    spec.given([planned]).when(retro({ whatWeCarryForward: longest })).then([recorded({ whatWeCarryForward: longest })]);
  });
});

describe('a retrospective refuses, naming the field', () => {
  it('a missing or padded team id', () => {
    spec.given([planned]).when(retro({ teamId: '' })).thenRejects('OKR.TEAM_ID_INVALID', { category: 'invalid', field: 'teamId' });
    spec.given([planned]).when(retro({ teamId: ' team-a' })).thenRejects('OKR.TEAM_ID_INVALID', { category: 'invalid', field: 'teamId' });
  });

  it('a previous cycle id that is no id, or is the cycle it opens', () => {
    spec.given([planned]).when(retro({ previousCycleId: '' })).thenRejects('OKR.CYCLE_ID_INVALID', { category: 'invalid', field: 'previousCycleId' });
    spec.given([planned]).when(retro({ previousCycleId: 'c-0 ' })).thenRejects('OKR.CYCLE_ID_INVALID', { category: 'invalid', field: 'previousCycleId' });
    spec.given([planned]).when(retro({ previousCycleId: 'c-1' })).thenRejects('OKR.RETROSPECTIVE_INVALID', { category: 'invalid', field: 'previousCycleId' });
  });

  it('each required answer left blank', () => {
    for (const field of ['whatWorked', 'whatDidNotWork', 'whatWeLearned'] as const) {
      spec.given([planned]).when(retro({ [field]: '  ' })).thenRejects('OKR.RETROSPECTIVE_INVALID', { category: 'invalid', field });
    }
  });

  it('each answer longer than allowed, the optional one too', () => {
    const tooLong = 'x'.repeat(MAX_RETROSPECTIVE_ANSWER_LENGTH + 1);
    for (const field of ['whatWorked', 'whatDidNotWork', 'whatWeLearned', 'whatWeCarryForward'] as const) {
      spec
        .given([planned])
        .when(retro({ [field]: tooLong }))
        .thenRejects('OKR.RETROSPECTIVE_INVALID', { category: 'invalid', field, details: { max: MAX_RETROSPECTIVE_ANSWER_LENGTH, length: MAX_RETROSPECTIVE_ANSWER_LENGTH + 1 } });
    }
  });

  it('a second one from the same team, late or not; another team may still record', () => {
    spec.given([planned, recorded()]).when(retro()).thenRejects('OKR.RETROSPECTIVE_ALREADY_RECORDED', { category: 'conflict', field: 'teamId' });
    spec.given([planned, recorded(), started]).when(retro()).thenRejects('OKR.RETROSPECTIVE_ALREADY_RECORDED', { category: 'conflict', field: 'teamId' });
    spec.given([planned, recorded()]).when(retro({ teamId: 'team-b' })).then([recorded({ teamId: 'team-b' })]);
  });

  it('one once grading began, naming the phases it may be recorded in', () => {
    const grading: CycleEvent = { type: 'CycleGradingStarted', data: { cycleId: 'c-1', startedBy: 'user-test', startedAt: '2026-07-01T08:00:00.000Z' } };
    spec.given([planned, started, grading]).when(retro()).thenRejects('OKR.CYCLE_WRONG_STATUS', { category: 'precondition', field: 'cycleId', details: { status: 'grading', allowed: ['planning', 'running'] } });
  });
});

describe('retrospectives in the cycle state', () => {
  it('keeps each team\'s retrospective without the cycle id, on time or late', () => {
    const state = fold(cycleDecider, [planned, recorded({ whatWeCarryForward: 'Client panel' }), started, recorded({ teamId: 'team-b', late: true, recordedAt: '2026-04-02T10:00:00.000Z' })]);
    expect([...state.retrospectives.keys()]).toEqual(['team-a', 'team-b']);
    const { cycleId: _cycleId, ...teamA } = (recorded({ whatWeCarryForward: 'Client panel' }) as Extract<CycleEvent, { type: 'RetrospectiveRecorded' }>).data;
    expect(state.retrospectives.get('team-a')).toEqual(teamA);
    expect(state.retrospectives.get('team-b')).toMatchObject({ late: true, recordedAt: '2026-04-02T10:00:00.000Z' });
  });

  it('lists no missing team before the cycle starts, and each team once, sorted', () => {
    expect(teamsStartedWithoutRetrospective(fold(cycleDecider, [planned]), ['team-b'])).toEqual([]);
    expect(teamsStartedWithoutRetrospective(fold(cycleDecider, [planned, started]), ['team-c', 'team-b', 'team-c'])).toEqual([
      { teamId: 'team-b', recordedLateAt: null },
      { teamId: 'team-c', recordedLateAt: null },
    ]);
    expect(teamsStartedWithoutRetrospective(fold(cycleDecider, [planned, started]), [])).toEqual([]);
  });
});

describe('each retrospective refusal says in words what it refused', () => {
  const grading: CycleEvent = { type: 'CycleGradingStarted', data: { cycleId: 'c-1', startedBy: 'user-test', startedAt: '2026-07-01T08:00:00.000Z' } };
  const cases: [string, CycleEvent[], RecordRetrospective, { code: string; category: Rejection['category']; field: string; says: string }][] = [
    ['one once grading began', [planned, started, grading], retro(), { code: 'OKR.CYCLE_WRONG_STATUS', category: 'precondition', field: 'cycleId', says: 'you can record a retrospective only while it is planning or running' }],
    ['a team id that is no id', [planned], retro({ teamId: '' }), { code: 'OKR.TEAM_ID_INVALID', category: 'invalid', field: 'teamId', says: 'The team id must be' }],
    ['a previous cycle id that is no id', [planned], retro({ previousCycleId: '' }), { code: 'OKR.CYCLE_ID_INVALID', category: 'invalid', field: 'previousCycleId', says: 'The previous cycle id must be' }],
  ];

  it.each(cases)('%s', (_, given, command, { code, category, field, says }) => {
    spec.given(given).when(command).thenRejects(code, { category, field, message: expect.stringContaining(says) as never });
  });
});
