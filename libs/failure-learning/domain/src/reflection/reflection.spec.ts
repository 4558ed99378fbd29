import { describe, expect, it } from '@jest/globals';
import type { Rejection } from '@leerzone/kernel';
import { fold } from '@leerzone/kernel';
import { DeciderSpecification, testContext } from '@leerzone/kernel/testing';
import { PUBLIC_EVENT_TYPES } from '../events';
import { reflectionDecider, reflectionStreamId } from './reflection.decider';
import type { ReflectionEvent } from './reflection.events';
import { isReflectionEvent, REFLECTION_EVENT_TYPES } from './reflection.events';
import { reflectionSchedule } from './reflection.queries';

const spec = DeciderSpecification.for(reflectionDecider);
const NOW = new Date('2026-02-02T10:00:00.000Z');
const now = NOW.toISOString();
const TEAM = 'team-a';
const COACH = 'user-coach';
const by = (extra = {}) => ({ actor: { id: COACH, kind: 'user' as const }, now: NOW, ...extra });

/** Every two weeks from Monday 5 January 2026: 5 Jan, 19 Jan, 2 Feb, 16 Feb … */
const cadenceSet: ReflectionEvent = { type: 'ReflectionCadenceSet', data: { teamId: TEAM, cadence: { everyWeeks: 2, startsOn: '2026-01-05' }, previous: null, setBy: COACH, setAt: '2026-01-01T09:00:00.000Z' } };
const started = (reviewId: string, startedAt: string): ReflectionEvent => ({ type: 'ReflectionReviewStarted', data: { teamId: TEAM, reviewId, since: null, openActions: [], reports: [], startedBy: COACH, startedAt } });
const completed = (reviewId: string, completedAt: string): ReflectionEvent => ({ type: 'ReflectionReviewCompleted', data: { teamId: TEAM, reviewId, takeaways: ['t'], completedBy: COACH, completedAt } });
const lastReview = [cadenceSet, started('rv-1', '2026-01-19T14:00:00.000Z'), completed('rv-1', '2026-01-19T15:00:00.000Z')];

const action = (overrides: Record<string, unknown> = {}) => ({ reportId: 'r-1', actionId: 'a-1', description: 'Checklist item', ownerTeamId: TEAM, dueOn: '2026-02-01', status: 'open', ...overrides });
const report = (reportId: string, reportedAt: string, kind: string | null = 'basic') => ({ reportId, reportedAt, kind });
const start = (overrides: Record<string, unknown> = {}) => ({ type: 'StartReflectionReview', data: { teamId: TEAM, reviewId: 'rv-2', openActions: [action()], reportsSinceLastReview: [report('r-2', '2026-01-20T08:00:00Z')], ...overrides } }) as never;
const cadence = (everyWeeks: unknown, startsOn: unknown, teamId: unknown = TEAM) => ({ type: 'SetReflectionCadence', data: { teamId, everyWeeks, startsOn } }) as never;
const complete = (takeaways: unknown, reviewId: unknown = 'rv-2', teamId: unknown = TEAM) => ({ type: 'CompleteReflectionReview', data: { teamId, reviewId, takeaways } }) as never;
/** A refusal reads as a sentence that names its subject: no blank start, no gap where a label or action is missing. */
const wellFormed = (r: Rejection): Rejection => {
  expect(r.message).toMatch(/^\S/);
  expect(r.message).not.toMatch(/\s\s|\s[.,;:)]/);
  return r;
};

describe('reflection moments: forward failing', () => {
  it('sets a team’s fixed cadence', () => {
    spec.given([]).when({ type: 'SetReflectionCadence', data: { teamId: TEAM, everyWeeks: 2, startsOn: '2026-01-05' } } as never, by()).then([
      { type: 'ReflectionCadenceSet', data: { teamId: TEAM, cadence: { everyWeeks: 2, startsOn: '2026-01-05' }, previous: null, setBy: COACH, setAt: now } },
    ]);
    spec.given([cadenceSet]).when({ type: 'SetReflectionCadence', data: { teamId: TEAM, everyWeeks: 2, startsOn: '2026-01-05' } } as never, by()).thenNothingHappens();
    for (const everyWeeks of [0, 14, 1.5]) {
      spec.given([]).when({ type: 'SetReflectionCadence', data: { teamId: TEAM, everyWeeks, startsOn: '2026-01-05' } } as never, by()).thenRejects('REFLECTION.CADENCE_INVALID', { field: 'everyWeeks' });
    }
    spec.given([]).when({ type: 'SetReflectionCadence', data: { teamId: TEAM, everyWeeks: 13, startsOn: '2026-02-30' } } as never, by()).thenRejects('REFLECTION.CADENCE_INVALID', { field: 'startsOn' });
    expect(reflectionStreamId('acme', TEAM)).toBe('failure-learning-reflection-4:acme:team-a');
  });

  it('starts a review from the open actions and the reports since the last review', () => {
    spec
      .given(lastReview)
      .when(start({ openActions: [action(), action({ actionId: 'a-2', dueOn: '2026-02-02' })] }), by())
      .then([
        {
          type: 'ReflectionReviewStarted',
          data: {
            teamId: TEAM,
            reviewId: 'rv-2',
            since: '2026-01-19T14:00:00.000Z',
            // Due 1 Feb is past on 2 Feb; due 2 Feb is due today, not overdue.
            openActions: [
              { reportId: 'r-1', actionId: 'a-1', description: 'Checklist item', dueOn: '2026-02-01', overdue: true },
              { reportId: 'r-1', actionId: 'a-2', description: 'Checklist item', dueOn: '2026-02-02', overdue: false },
            ],
            reports: [{ reportId: 'r-2', reportedAt: '2026-01-20T08:00:00.000Z', kind: 'basic' }],
            startedBy: COACH,
            startedAt: now,
          },
        },
      ]);
  });

  it('refuses a report from before or at the last review, or from the future; accepts one just after', () => {
    spec.given(lastReview).when(start({ reportsSinceLastReview: [report('r-old', '2026-01-19T14:00:00.000Z')] }), by()).thenRejects('REFLECTION.REPORT_OUTSIDE_WINDOW', { field: 'reportsSinceLastReview.0' });
    spec.given(lastReview).when(start({ reportsSinceLastReview: [report('r-new', now), report('r-next', '2026-02-02T10:00:00.001Z')] }), by()).thenRejects('REFLECTION.REPORT_OUTSIDE_WINDOW', { field: 'reportsSinceLastReview.1' });
    spec
      .given(lastReview)
      .when(start({ reportsSinceLastReview: [report('r-just', '2026-01-19T14:00:00.001Z', null)] }), by())
      .then([expect.objectContaining({ data: expect.objectContaining({ reports: [{ reportId: 'r-just', reportedAt: '2026-01-19T14:00:00.001Z', kind: null }] }) }) as never]);
    // The first review has no lower bound.
    spec.given([cadenceSet]).when(start({ reportsSinceLastReview: [report('r-0', '2025-06-01T00:00:00Z')] }), by()).then([expect.objectContaining({ data: expect.objectContaining({ since: null }) }) as never]);
  });

  it('starts only from the team’s own open actions', () => {
    spec.given(lastReview).when(start({ openActions: [action({ status: 'done' })] }), by()).thenRejects('REFLECTION.ACTIONS_INVALID', { field: 'openActions.0' });
    spec.given(lastReview).when(start({ openActions: [action(), action({ actionId: 'a-x', ownerTeamId: 'team-b' })] }), by()).thenRejects('REFLECTION.ACTIONS_INVALID', { field: 'openActions.1' });
    spec.given(lastReview).when(start({ reportsSinceLastReview: [report('r-2', '2026-01-20T08:00:00Z'), report('r-2', '2026-01-21T08:00:00Z')] }), by()).thenRejects('REFLECTION.REPORTS_INVALID', { field: 'reportsSinceLastReview.1' });
  });

  it('needs a cadence, one review at a time, and a team that matches the stream', () => {
    spec.given([]).when(start(), by()).thenRejects('REFLECTION.NO_CADENCE', { category: 'precondition' });
    spec.given([cadenceSet, started('rv-1', '2026-01-19T14:00:00.000Z')]).when(start(), by()).thenRejects('REFLECTION.REVIEW_OPEN', { category: 'conflict' });
    spec.given(lastReview).when(start({ reviewId: 'rv-1' }), by()).thenRejects('REFLECTION.REVIEW_EXISTS', { category: 'conflict' });
    spec.given(lastReview).when(start({ teamId: 'team-b' }), by()).thenRejects('REFLECTION.NOT_FOUND', { category: 'not-found' });
  });

  it('completes a review with the team’s takeaways', () => {
    const given = [...lastReview, started('rv-2', now)];
    spec.given(given).when(complete(['Hand over the medication list first']), by()).then([
      { type: 'ReflectionReviewCompleted', data: { teamId: TEAM, reviewId: 'rv-2', takeaways: ['Hand over the medication list first'], completedBy: COACH, completedAt: now } },
    ]);
    spec.given(given).when(complete([]), by()).thenRejects('REFLECTION.TAKEAWAYS_INVALID', { field: 'takeaways' });
    spec.given(given).when(complete(['ok', '']), by()).thenRejects('REFLECTION.TAKEAWAYS_INVALID', { field: 'takeaways.1' });
    spec.given(given).when(complete(['t'], 'rv-9'), by()).thenRejects('REFLECTION.REVIEW_NOT_FOUND', { category: 'not-found' });
    spec.given(lastReview).when(complete(['t'], 'rv-1'), by()).thenRejects('REFLECTION.REVIEW_COMPLETED', { category: 'conflict' });
  });
});

describe('reflectionSchedule', () => {
  it('puts the first moment on the start date and the next one on the cadence after the last review', () => {
    expect(reflectionSchedule(fold(reflectionDecider, [cadenceSet]), new Date('2026-01-04T23:59:59Z'))).toEqual({ nextOn: '2026-01-05', due: false, daysOverdue: 0, reportsSince: null });
    expect(reflectionSchedule(fold(reflectionDecider, [cadenceSet]), new Date('2026-01-05T00:00:00Z'))).toMatchObject({ nextOn: '2026-01-05', due: true, daysOverdue: 0 });
    // Reviewed 19 Jan (a moment): next 2 Feb, due today, not overdue; on 5 Feb three days overdue.
    expect(reflectionSchedule(fold(reflectionDecider, lastReview), NOW)).toEqual({ nextOn: '2026-02-02', due: true, daysOverdue: 0, reportsSince: '2026-01-19T14:00:00.000Z' });
    expect(reflectionSchedule(fold(reflectionDecider, lastReview), new Date('2026-02-05T08:00:00Z'))).toMatchObject({ due: true, daysOverdue: 3 });
  });

  it('keeps the fixed rhythm when a review is held between moments', () => {
    // Reviewed on 23 Jan, between 19 Jan and 2 Feb: the next moment stays 2 Feb.
    const late = [cadenceSet, started('rv-1', '2026-01-23T09:00:00.000Z')];
    expect(reflectionSchedule(fold(reflectionDecider, late), new Date('2026-01-24T00:00:00Z'))).toMatchObject({ nextOn: '2026-02-02', due: false });
    // Reviewed on the moment 2 Feb itself: the next is 16 Feb.
    expect(reflectionSchedule(fold(reflectionDecider, [cadenceSet, started('rv-1', '2026-02-02T09:00:00.000Z')]), NOW)).toMatchObject({ nextOn: '2026-02-16', due: false });
    expect(reflectionSchedule(reflectionDecider.initialState, NOW)).toBeNull();
  });
});

describe('reflection moments: edges', () => {
  const openReview = [...lastReview, started('rv-2', now)];
  const startedData = (command: never) => {
    const decision = reflectionDecider.decide(command, fold(reflectionDecider, lastReview), testContext(by()));
    if (!Array.isArray(decision)) throw new Error(`Expected events, got ${JSON.stringify(decision)}`);
    return (decision[0] as Extract<ReflectionEvent, { type: 'ReflectionReviewStarted' }>).data;
  };

  it('refuses a bad team id on every command, in a sentence, and another team’s id on the field teamId', () => {
    for (const teamId of [' team-a', '', 7]) {
      wellFormed(spec.given([]).when(cadence(2, '2026-01-05', teamId), by()).thenRejects('REFLECTION.TEAM_INVALID', { category: 'invalid', field: 'teamId' }));
      // Once the stream has a team, a malformed id is still malformed, not another team.
      spec.given([cadenceSet]).when(cadence(3, '2026-01-05', teamId), by()).thenRejects('REFLECTION.TEAM_INVALID', { field: 'teamId' });
      spec.given(lastReview).when(start({ teamId }), by()).thenRejects('REFLECTION.TEAM_INVALID', { field: 'teamId' });
      spec.given(openReview).when(complete(['t'], 'rv-2', teamId), by()).thenRejects('REFLECTION.TEAM_INVALID', { field: 'teamId' });
    }
    const other = spec.given([cadenceSet]).when(cadence(3, '2026-01-05', 'team-b'), by()).thenRejects('REFLECTION.NOT_FOUND', { category: 'not-found', field: 'teamId' });
    expect(other.message).toContain('team-b');
    spec.given(openReview).when(complete(['t'], 'rv-2', 'team-b'), by()).thenRejects('REFLECTION.NOT_FOUND', { field: 'teamId' });
  });

  it('takes a cadence of 1 to 13 whole weeks, and changes it when either the weeks or the start change', () => {
    for (const everyWeeks of [1, 13]) {
      spec.given([]).when(cadence(everyWeeks, '2026-01-05'), by()).then([expect.objectContaining({ data: expect.objectContaining({ cadence: { everyWeeks, startsOn: '2026-01-05' } }) }) as never]);
    }
    for (const everyWeeks of [0, 14, '2', null]) spec.given([]).when(cadence(everyWeeks, '2026-01-05'), by()).thenRejects('REFLECTION.CADENCE_INVALID', { category: 'invalid', field: 'everyWeeks' });
    spec.given([]).when(cadence(2, '5 January 2026'), by()).thenRejects('REFLECTION.CADENCE_INVALID', { category: 'invalid', field: 'startsOn' });
    const previous = { everyWeeks: 2, startsOn: '2026-01-05' };
    spec.given([cadenceSet]).when(cadence(3, '2026-01-05'), by()).then([
      { type: 'ReflectionCadenceSet', data: { teamId: TEAM, cadence: { everyWeeks: 3, startsOn: '2026-01-05' }, previous, setBy: COACH, setAt: now } },
    ]);
    spec.given([cadenceSet]).when(cadence(2, '2026-01-12'), by()).then([
      { type: 'ReflectionCadenceSet', data: { teamId: TEAM, cadence: { everyWeeks: 2, startsOn: '2026-01-12' }, previous, setBy: COACH, setAt: now } },
    ]);
  });

  it('refuses a review without a cadence, with a bad or taken review id, or while one is open, on the field at fault', () => {
    spec.given([]).when(start(), by()).thenRejects('REFLECTION.NO_CADENCE', { field: 'teamId' });
    for (const reviewId of [' rv-2', '', 7]) {
      wellFormed(spec.given(lastReview).when(start({ reviewId }), by()).thenRejects('REFLECTION.REVIEW_INVALID', { category: 'invalid', field: 'reviewId' }));
    }
    const taken = spec.given(lastReview).when(start({ reviewId: 'rv-1' }), by()).thenRejects('REFLECTION.REVIEW_EXISTS', { field: 'reviewId' });
    expect(taken.message).toContain('rv-1');
    const stillOpen = spec.given([cadenceSet, started('rv-1', '2026-01-19T14:00:00.000Z')]).when(start(), by()).thenRejects('REFLECTION.REVIEW_OPEN', { field: 'reviewId' });
    expect(stillOpen.message).toContain('rv-1');
  });

  it('takes up to 500 open actions and up to 500 reports, as lists', () => {
    const actions = (n: number) => Array.from({ length: n }, (_, i) => action({ actionId: `a-${i}` }));
    const reports = (n: number) => Array.from({ length: n }, (_, i) => report(`r-${i}`, new Date(Date.parse('2026-01-20T00:00:00Z') + i * 1000).toISOString()));
    expect(startedData(start({ openActions: actions(500), reportsSinceLastReview: reports(500) }))).toMatchObject({ openActions: { length: 500 }, reports: { length: 500 } });
    for (const openActions of [actions(501), undefined, 'a-1', { 0: action() }]) {
      spec.given(lastReview).when(start({ openActions }), by()).thenRejects('REFLECTION.ACTIONS_INVALID', { category: 'invalid', field: 'openActions' });
    }
    for (const reportsSinceLastReview of [reports(501), undefined, 'r-1', { 0: report('r-2', '2026-01-20T08:00:00Z') }]) {
      spec.given(lastReview).when(start({ reportsSinceLastReview }), by()).thenRejects('REFLECTION.REPORTS_INVALID', { category: 'invalid', field: 'reportsSinceLastReview' });
    }
    expect(startedData(start({ openActions: [], reportsSinceLastReview: [] }))).toMatchObject({ openActions: [], reports: [] });
  });

  it('refuses an open action that lacks any of its parts, on that action', () => {
    for (const bad of [null, 'a-1', action({ actionId: 7 }), action({ reportId: null }), action({ description: undefined }), action({ dueOn: '1 Feb' }), action({ actionId: 7, reportId: 8, description: 9 })]) {
      spec.given(lastReview).when(start({ openActions: [action({ actionId: 'a-0' }), bad] }), by()).thenRejects('REFLECTION.ACTIONS_INVALID', { category: 'invalid', field: 'openActions.1' });
    }
    const notOpen = spec.given(lastReview).when(start({ openActions: [action({ actionId: 'a-x', status: 'done' })] }), by()).thenRejects('REFLECTION.ACTIONS_INVALID', { category: 'invalid', field: 'openActions.0' });
    expect(notOpen.message).toContain('a-x');
    expect(notOpen.message).toContain(TEAM);
  });

  it('refuses a report that lacks its id or time or has an unknown kind, on that report', () => {
    for (const bad of [null, 'r-3', report(7 as never, '2026-01-21T08:00:00Z'), report('r-3', 'yesterday'), report('r-3', '2026-01-21T08:00:00Z', 'weird'), { reportedAt: 'yesterday', kind: 'basic' }]) {
      spec.given(lastReview).when(start({ reportsSinceLastReview: [report('r-2', '2026-01-20T08:00:00Z'), bad] }), by()).thenRejects('REFLECTION.REPORTS_INVALID', { category: 'invalid', field: 'reportsSinceLastReview.1' });
    }
    // A report without a kind is one not yet classified.
    expect(startedData(start({ reportsSinceLastReview: [{ reportId: 'r-3', reportedAt: '2026-01-21T08:00:00Z' }] })).reports).toEqual([{ reportId: 'r-3', reportedAt: '2026-01-21T08:00:00.000Z', kind: null }]);
  });

  it('takes distinct reports, refuses one listed twice, and names the report and the window of one outside it', () => {
    expect(startedData(start({ reportsSinceLastReview: [report('r-2', '2026-01-20T08:00:00Z'), report('r-3', '2026-01-20T08:00:00Z', 'complex')] })).reports).toEqual([
      { reportId: 'r-2', reportedAt: '2026-01-20T08:00:00.000Z', kind: 'basic' },
      { reportId: 'r-3', reportedAt: '2026-01-20T08:00:00.000Z', kind: 'complex' },
    ]);
    const twice = spec.given(lastReview).when(start({ reportsSinceLastReview: [report('r-2', '2026-01-20T08:00:00Z'), report('r-2', '2026-01-21T08:00:00Z')] }), by()).thenRejects('REFLECTION.REPORTS_INVALID', { category: 'invalid' });
    expect(twice.message).toContain('r-2');
    const old = spec.given(lastReview).when(start({ reportsSinceLastReview: [report('r-old', '2026-01-19T13:00:00Z')] }), by()).thenRejects('REFLECTION.REPORT_OUTSIDE_WINDOW', { category: 'invalid' });
    expect(old.message).toContain('r-old');
    expect(old.message).toContain('2026-01-19T14:00:00.000Z');
    const future = spec.given([cadenceSet]).when(start({ reportsSinceLastReview: [report('r-future', '2026-03-01T00:00:00Z')] }), by()).thenRejects('REFLECTION.REPORT_OUTSIDE_WINDOW', { field: 'reportsSinceLastReview.0' });
    expect(future.message).toContain('(none)');
  });

  it('gives the first review no lower bound at all, not even the epoch', () => {
    spec.given([cadenceSet]).when(start({ reportsSinceLastReview: [report('r-0', '1970-01-01T00:00:00Z'), report('r-1', '1969-07-20T20:17:00Z')] }), by()).then([
      expect.objectContaining({ data: expect.objectContaining({ since: null, reports: [expect.objectContaining({ reportId: 'r-0' }), expect.objectContaining({ reportId: 'r-1' })] }) }) as never,
    ]);
  });

  it('completes a review with 1 to 20 takeaways, refusing the rest on the field at fault', () => {
    const takeaways = (n: number) => Array.from({ length: n }, (_, i) => `Takeaway ${i}`);
    spec.given(openReview).when(complete(takeaways(20)), by()).then([expect.objectContaining({ data: expect.objectContaining({ takeaways: takeaways(20) }) }) as never]);
    for (const list of [takeaways(21), [], 'Hand over first', undefined]) {
      spec.given(openReview).when(complete(list), by()).thenRejects('REFLECTION.TAKEAWAYS_INVALID', { category: 'invalid', field: 'takeaways' });
    }
    wellFormed(spec.given(openReview).when(complete(['ok', '  ']), by()).thenRejects('REFLECTION.TAKEAWAYS_INVALID', { field: 'takeaways.1' }));
    const missing = spec.given(openReview).when(complete(['t'], 'rv-9'), by()).thenRejects('REFLECTION.REVIEW_NOT_FOUND', { field: 'reviewId' });
    expect(missing.message).toContain('rv-9');
    const done = spec.given(lastReview).when(complete(['t'], 'rv-1'), by()).thenRejects('REFLECTION.REVIEW_COMPLETED', { field: 'reviewId' });
    expect(done.message).toContain('rv-1');
  });

  it('keeps each review’s own completion in the state', () => {
    const state = fold(reflectionDecider, [...lastReview, started('rv-2', now), completed('rv-2', '2026-02-02T11:00:00.000Z')]);
    expect(state.reviews).toEqual([
      { reviewId: 'rv-1', startedAt: '2026-01-19T14:00:00.000Z', completedAt: '2026-01-19T15:00:00.000Z' },
      { reviewId: 'rv-2', startedAt: now, completedAt: '2026-02-02T11:00:00.000Z' },
    ]);
  });

  it('refuses commands and events it does not know', () => {
    expect(() => reflectionDecider.decide({ type: 'Frobnicate', data: {} } as never, reflectionDecider.initialState, testContext())).toThrow(/Frobnicate/);
    expect(() => reflectionDecider.evolve(reflectionDecider.initialState, { type: 'Frobnicated', data: {} } as never)).toThrow(/Frobnicated/);
  });

  it('recognises its own events and no others', () => {
    for (const type of REFLECTION_EVENT_TYPES) expect(isReflectionEvent({ type })).toBe(true);
    for (const type of [...PUBLIC_EVENT_TYPES.filter((t) => !(REFLECTION_EVENT_TYPES as readonly string[]).includes(t)), 'toString', '__proto__']) expect(isReflectionEvent({ type })).toBe(false);
  });
});

describe('reflectionSchedule: edges', () => {
  it('puts the next moment one period after a review held on the start date itself', () => {
    expect(reflectionSchedule(fold(reflectionDecider, [cadenceSet, started('rv-1', '2026-01-05T09:00:00.000Z')]), new Date('2026-01-06T00:00:00Z'))).toMatchObject({ nextOn: '2026-01-19', due: false });
  });

  it('starts from the new start date when the last review was held before it', () => {
    // Reviewed 1 December, then the cadence moved to start on 5 January: the first moment is 5 January.
    const moved: ReflectionEvent = { type: 'ReflectionCadenceSet', data: { teamId: TEAM, cadence: { everyWeeks: 2, startsOn: '2026-01-05' }, previous: { everyWeeks: 2, startsOn: '2025-11-03' }, setBy: COACH, setAt: '2025-12-15T09:00:00.000Z' } };
    const events: ReflectionEvent[] = [
      { ...cadenceSet, data: { ...cadenceSet.data, cadence: { everyWeeks: 2, startsOn: '2025-11-03' } } } as ReflectionEvent,
      started('rv-1', '2025-12-01T09:00:00.000Z'),
      completed('rv-1', '2025-12-01T10:00:00.000Z'),
      moved,
    ];
    expect(reflectionSchedule(fold(reflectionDecider, events), new Date('2025-12-20T00:00:00Z'))).toEqual({ nextOn: '2026-01-05', due: false, daysOverdue: 0, reportsSince: '2025-12-01T09:00:00.000Z' });
  });
});
