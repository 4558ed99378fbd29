import { describe, expect, it } from '@jest/globals';
import type { Rejection } from '@leerzone/kernel';
import { aggregateStreamId, fold, isRejection } from '@leerzone/kernel';
import { DeciderSpecification, testContext } from '@leerzone/kernel/testing';
import type { CycleCommand } from './cycle.commands';
import { cycleDecider, cycleStreamId } from './cycle.decider';
import type { CycleEvent } from './cycle.events';
import { CYCLE_EVENT_TYPES, isCycleEvent } from './cycle.events';
import { MAX_CYCLE_NAME_LENGTH } from './cycle.model';
import type { CycleState } from './cycle.state';
import { cycleFacts, initialCycleState } from './cycle.state';

/** The edges of planning and moving a cycle: each date rule's other branch, each guard's field. */
const spec = DeciderSpecification.for(cycleDecider);
const NOW = '2026-01-15T09:00:00.000Z';
const plan = (data: object = {}): CycleCommand => ({ type: 'PlanCycle', data: { cycleId: 'c-1', ...data } });
const planned: CycleEvent = { type: 'CyclePlanned', data: { cycleId: 'c-1', name: '2026-Q2', startsOn: '2026-04-01', endsOn: '2026-06-30', plannedBy: 'user-test', plannedAt: NOW } };
const started: CycleEvent = { type: 'CycleStarted', data: { cycleId: 'c-1', startedBy: 'user-test', startedAt: '2026-04-01T08:00:00.000Z' } };
const grading: CycleEvent = { type: 'CycleGradingStarted', data: { cycleId: 'c-1', startedBy: 'user-test', startedAt: '2026-07-01T08:00:00.000Z' } };
const closed: CycleEvent = { type: 'CycleClosed', data: { cycleId: 'c-1', closedBy: 'user-test', closedAt: '2026-07-10T08:00:00.000Z' } };

/** The dates and name a PlanCycle decision carries, or its refusal code. */
const plannedAs = (data: object, now = NOW) => {
  const decision = cycleDecider.decide(plan(data), initialCycleState, testContext({ now: new Date(now) }));
  if (isRejection(decision)) return decision.code;
  const [event] = decision;
  if (event?.type !== 'CyclePlanned') throw new Error(`expected CyclePlanned, got ${JSON.stringify(decision)}`);
  return { name: event.data.name, startsOn: event.data.startsOn, endsOn: event.data.endsOn };
};

describe('a cycle planned without dates is the calendar quarter after today', () => {
  it('from the middle of a quarter (May → the third quarter)', () => {
    expect(plannedAs({}, '2026-05-20T12:00:00.000Z')).toEqual({ name: '2026-Q3', startsOn: '2026-07-01', endsOn: '2026-09-30' });
  });

  it('from the last month of a quarter and of the year (December → next year\'s first quarter)', () => {
    expect(plannedAs({}, '2026-12-31T23:00:00.000Z')).toEqual({ name: '2027-Q1', startsOn: '2027-01-01', endsOn: '2027-03-31' });
  });

  it('from the first day of a quarter (1 July → the fourth quarter)', () => {
    expect(plannedAs({}, '2026-07-01T00:00:00.000Z')).toEqual({ name: '2026-Q4', startsOn: '2026-10-01', endsOn: '2026-12-31' });
  });
});

describe('a cycle is named after its calendar quarter, other periods after their dates', () => {
  it('names a quarter given as dates after the quarter', () => {
    expect(plannedAs({ startsOn: '2026-04-01', endsOn: '2026-06-30' })).toEqual({ name: '2026-Q2', startsOn: '2026-04-01', endsOn: '2026-06-30' });
    expect(plannedAs({ startsOn: '2026-10-01' })).toEqual({ name: '2026-Q4', startsOn: '2026-10-01', endsOn: '2026-12-31' });
  });

  it('names three months from the first of a month that starts no quarter after their dates', () => {
    expect(plannedAs({ startsOn: '2026-02-01' })).toEqual({ name: '2026-02-01 to 2026-04-30', startsOn: '2026-02-01', endsOn: '2026-04-30' });
  });

  it('names three months from a quarter month that do not start on its first day after their dates', () => {
    expect(plannedAs({ startsOn: '2026-04-15' })).toEqual({ name: '2026-04-15 to 2026-07-14', startsOn: '2026-04-15', endsOn: '2026-07-14' });
  });

  it('names a period starting on a quarter\'s first day but ending early after its dates', () => {
    expect(plannedAs({ startsOn: '2026-04-01', endsOn: '2026-05-31' })).toEqual({ name: '2026-04-01 to 2026-05-31', startsOn: '2026-04-01', endsOn: '2026-05-31' });
  });

  it('keeps a given name, trimmed, and falls back to the default for a blank one', () => {
    expect(plannedAs({ quarter: '2026-Q3', name: '  Autumn push  ' })).toEqual({ name: 'Autumn push', startsOn: '2026-07-01', endsOn: '2026-09-30' });
    expect(plannedAs({ quarter: '2026-Q3', name: '   ' })).toEqual({ name: '2026-Q3', startsOn: '2026-07-01', endsOn: '2026-09-30' });
    expect(plannedAs({ quarter: '2026-Q3', name: 'x'.repeat(MAX_CYCLE_NAME_LENGTH) })).toMatchObject({ name: 'x'.repeat(MAX_CYCLE_NAME_LENGTH) });
  });
});

describe('planning refuses what makes no cycle, with its code, category and field', () => {
  it('a quarter together with an end date alone, as with a start date', () => {
    spec.given([]).when(plan({ quarter: '2026-Q1', endsOn: '2026-03-31' })).thenRejects('OKR.CYCLE_DATES_INVALID', { category: 'invalid', field: 'quarter' });
    spec.given([]).when(plan({ quarter: '2026-Q1', startsOn: '2026-01-01', endsOn: '2026-03-31' })).thenRejects('OKR.CYCLE_DATES_INVALID', { category: 'invalid', field: 'quarter' });
  });

  it('a quarter that is not exactly YYYY-Qn (nothing before, nothing after)', () => {
    for (const quarter of ['2026-Q3x', '12026-Q3', 'x2026-Q3', '2026-Q0', '2026-q3', '']) {
      spec.given([]).when(plan({ quarter })).thenRejects('OKR.CYCLE_DATES_INVALID', { category: 'invalid', field: 'quarter' });
    }
  });

  it('an end date without a start date', () => {
    spec.given([]).when(plan({ endsOn: '2026-03-31' })).thenRejects('OKR.CYCLE_DATES_INVALID', { category: 'invalid', field: 'startsOn' });
  });

  it('a start date that is no date', () => {
    spec.given([]).when(plan({ startsOn: '2026-13-01' })).thenRejects('OKR.CYCLE_DATES_INVALID', { category: 'invalid', field: 'startsOn' });
  });

  it('an end date that is no date, even one that sorts after the start', () => {
    spec.given([]).when(plan({ startsOn: '2026-01-01', endsOn: '2026-02-30' })).thenRejects('OKR.CYCLE_DATES_INVALID', { category: 'invalid', field: 'endsOn' });
    spec.given([]).when(plan({ startsOn: '2026-01-01', endsOn: 'soon' })).thenRejects('OKR.CYCLE_DATES_INVALID', { category: 'invalid', field: 'endsOn' });
  });

  it('an end on or before the start; the day after the start is the shortest cycle', () => {
    spec.given([]).when(plan({ startsOn: '2026-03-02', endsOn: '2026-03-01' })).thenRejects('OKR.CYCLE_DATES_INVALID', { category: 'invalid', field: 'endsOn' });
    spec.given([]).when(plan({ startsOn: '2026-03-01', endsOn: '2026-03-01' })).thenRejects('OKR.CYCLE_DATES_INVALID', { category: 'invalid', field: 'endsOn' });
    expect(plannedAs({ startsOn: '2026-03-01', endsOn: '2026-03-02' })).toEqual({ name: '2026-03-01 to 2026-03-02', startsOn: '2026-03-01', endsOn: '2026-03-02' });
  });

  it('a name longer than allowed', () => {
    spec
      .given([])
      .when(plan({ quarter: '2026-Q3', name: 'x'.repeat(MAX_CYCLE_NAME_LENGTH + 1) }))
      .thenRejects('OKR.CYCLE_NAME_INVALID', { category: 'invalid', field: 'name', details: { max: MAX_CYCLE_NAME_LENGTH, length: MAX_CYCLE_NAME_LENGTH + 1 } });
  });

  it('a cycle id with surrounding spaces, and a cycle planned twice', () => {
    spec.given([]).when(plan({ cycleId: ' c-1' })).thenRejects('OKR.CYCLE_ID_INVALID', { category: 'invalid', field: 'cycleId' });
    spec.given([planned]).when(plan({ quarter: '2026-Q3' })).thenRejects('OKR.CYCLE_ALREADY_EXISTS', { category: 'conflict', field: 'cycleId' });
  });
});

describe('moving a cycle: the cycle must be this stream\'s, in the right phase', () => {
  const start: CycleCommand = { type: 'StartCycle', data: { cycleId: 'c-1' } };
  const startGrading: CycleCommand = { type: 'StartGrading', data: { cycleId: 'c-1' } };
  const close = (ungradedObjectiveIds: readonly string[] = []): CycleCommand => ({ type: 'CloseCycle', data: { cycleId: 'c-1', ungradedObjectiveIds } });

  it('refuses a cycle id other than the stream\'s as not found, for every move', () => {
    for (const type of ['StartCycle', 'StartGrading', 'CloseCycle', 'RecordRetrospective'] as const) {
      const command = { type, data: { cycleId: 'c-2', ungradedObjectiveIds: [], teamId: 'team-a', whatWorked: 'a', whatDidNotWork: 'b', whatWeLearned: 'c' } } as CycleCommand;
      spec.given([planned]).when(command).thenRejects('OKR.CYCLE_NOT_FOUND', { category: 'not-found', field: 'cycleId' });
    }
  });

  it('refuses a cycle that was never planned as not found, before looking at its phase', () => {
    spec.given([]).when(start).thenRejects('OKR.CYCLE_NOT_FOUND', { category: 'not-found', field: 'cycleId' });
    spec.given([]).when(startGrading).thenRejects('OKR.CYCLE_NOT_FOUND', { category: 'not-found', field: 'cycleId' });
    spec.given([]).when(close()).thenRejects('OKR.CYCLE_NOT_FOUND', { category: 'not-found', field: 'cycleId' });
  });

  it('refuses each move outside its phase, naming the phase and the allowed ones', () => {
    spec.given([planned, started]).when(start).thenRejects('OKR.CYCLE_WRONG_STATUS', { category: 'precondition', field: 'cycleId', details: { status: 'running', allowed: ['planning'] } });
    spec.given([planned, started, grading]).when(startGrading).thenRejects('OKR.CYCLE_WRONG_STATUS', { category: 'precondition', field: 'cycleId', details: { status: 'grading', allowed: ['running'] } });
    spec.given([planned]).when(close()).thenRejects('OKR.CYCLE_WRONG_STATUS', { category: 'precondition', field: 'cycleId', details: { status: 'planning', allowed: ['grading'] } });
    spec.given([planned, started]).when(close()).thenRejects('OKR.CYCLE_WRONG_STATUS', { category: 'precondition', field: 'cycleId', details: { status: 'running', allowed: ['grading'] } });
    spec.given([planned, started, grading, closed]).when(close()).thenRejects('OKR.CYCLE_WRONG_STATUS', { category: 'precondition', field: 'cycleId', details: { status: 'closed', allowed: ['grading'] } });
  });

  it('refuses to close while any committed objective is ungraded, listing them', () => {
    spec
      .given([planned, started, grading])
      .when(close(['obj-1', 'obj-2']))
      .thenRejects('OKR.CYCLE_NOT_GRADED', { category: 'precondition', field: 'ungradedObjectiveIds', details: { ungradedObjectiveIds: ['obj-1', 'obj-2'] } });
  });
});

describe('the cycle state', () => {
  it('starts in planning, not existing, with no facts', () => {
    expect(initialCycleState).toEqual({
      exists: false,
      cycleId: null,
      name: null,
      startsOn: null,
      endsOn: null,
      status: 'planning',
      startedAt: null,
      gradingStartedAt: null,
      closedAt: null,
      retrospectives: new Map(),
    });
    expect(cycleFacts(initialCycleState)).toBeNull();
  });

  it('records each phase with its moment, closed last', () => {
    const state = fold(cycleDecider, [planned, started, grading, closed]);
    expect(state).toMatchObject({ exists: true, cycleId: 'c-1', name: '2026-Q2', status: 'closed', startedAt: started.data.startedAt, gradingStartedAt: grading.data.startedAt, closedAt: closed.data.closedAt });
    expect(cycleFacts(state)).toEqual({ cycleId: 'c-1', status: 'closed', startsOn: '2026-04-01', endsOn: '2026-06-30' });
    expect(cycleFacts(fold(cycleDecider, [planned, started, grading]))).toMatchObject({ status: 'grading' });
    expect(fold(cycleDecider, [planned, started, grading]).closedAt).toBeNull();
  });

  it('hands out facts only for a planned cycle with both dates', () => {
    const plannedState = fold(cycleDecider, [planned]);
    const without = (patch: Partial<CycleState>): CycleState => ({ ...plannedState, ...patch });
    expect(cycleFacts(plannedState)).toEqual({ cycleId: 'c-1', status: 'planning', startsOn: '2026-04-01', endsOn: '2026-06-30' });
    expect(cycleFacts(without({ exists: false }))).toBeNull();
    expect(cycleFacts(without({ cycleId: null }))).toBeNull();
    expect(cycleFacts(without({ startsOn: null }))).toBeNull();
    expect(cycleFacts(without({ endsOn: null }))).toBeNull();
  });
});

describe('cycle streams and event types', () => {
  it('keeps each tenant\'s cycle in a stream of its own, named for cycles', () => {
    expect(cycleStreamId('tenant-a', 'c-1')).toBe(aggregateStreamId('okr-cycle-', 'tenant-a', 'c-1'));
    expect(cycleStreamId('tenant-a', 'c-1')).toMatch(/^okr-cycle-/);
    expect(cycleStreamId('tenant-a', 'c-1')).not.toBe(cycleStreamId('tenant-b', 'c-1'));
  });

  it('knows its own event types and no others (nor Object.prototype\'s names)', () => {
    expect([...CYCLE_EVENT_TYPES].sort()).toEqual(['CycleClosed', 'CycleGradingStarted', 'CyclePlanned', 'CycleStarted', 'RetrospectiveRecorded']);
    for (const type of CYCLE_EVENT_TYPES) expect(isCycleEvent({ type })).toBe(true);
    for (const type of ['ObjectiveDefined', 'KpiDefined', 'toString', '__proto__', 'constructor', '']) expect(isCycleEvent({ type })).toBe(false);
  });

  it('fails loudly on a command or event it does not know', () => {
    expect(() => cycleDecider.decide({ type: 'DeleteCycle', data: { cycleId: 'c-1' } } as unknown as CycleCommand, initialCycleState, testContext())).toThrow();
    expect(() => cycleDecider.evolve(initialCycleState, { type: 'CycleDeleted', data: { cycleId: 'c-1' } } as unknown as CycleEvent)).toThrow();
  });
});

describe('each lifecycle refusal says in words what it refused', () => {
  const move = (type: 'StartCycle' | 'StartGrading'): CycleCommand => ({ type, data: { cycleId: 'c-1' } });
  const close = (ungradedObjectiveIds: readonly string[] = []): CycleCommand => ({ type: 'CloseCycle', data: { cycleId: 'c-1', ungradedObjectiveIds } });
  const cases: [string, CycleEvent[], CycleCommand, { code: string; category: Rejection['category']; field: string; says: string }][] = [
    ['a cycle id that is no id', [], plan({ cycleId: '' }), { code: 'OKR.CYCLE_ID_INVALID', category: 'invalid', field: 'cycleId', says: 'The cycle id must be' }],
    ['a name longer than allowed', [], plan({ quarter: '2026-Q3', name: 'x'.repeat(MAX_CYCLE_NAME_LENGTH + 1) }), { code: 'OKR.CYCLE_NAME_INVALID', category: 'invalid', field: 'name', says: 'The cycle name may be at most' }],
    ['starting a running cycle', [planned, started], move('StartCycle'), { code: 'OKR.CYCLE_WRONG_STATUS', category: 'precondition', field: 'cycleId', says: 'you can start a cycle only while it is planning' }],
    ['grading a cycle in grading', [planned, started, grading], move('StartGrading'), { code: 'OKR.CYCLE_WRONG_STATUS', category: 'precondition', field: 'cycleId', says: 'you can start grading only while it is running' }],
    ['closing a cycle in planning', [planned], close(), { code: 'OKR.CYCLE_WRONG_STATUS', category: 'precondition', field: 'cycleId', says: 'you can close a cycle only while it is grading' }],
    ['closing with objectives ungraded', [planned, started, grading], close(['obj-1', 'obj-2']), { code: 'OKR.CYCLE_NOT_GRADED', category: 'precondition', field: 'ungradedObjectiveIds', says: '2 still ungraded: obj-1, obj-2.' }],
  ];

  it.each(cases)('%s', (_, given, command, { code, category, field, says }) => {
    spec.given(given).when(command).thenRejects(code, { category, field, message: expect.stringContaining(says) as never });
  });
});
