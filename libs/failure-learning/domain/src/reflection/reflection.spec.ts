import { describe, expect, it } from '@jest/globals';
import { fold } from '@leerzone/kernel';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import { reflectionDecider, reflectionStreamId } from './reflection.decider';
import type { ReflectionEvent } from './reflection.events';
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
    const complete = (takeaways: unknown, reviewId = 'rv-2') => ({ type: 'CompleteReflectionReview', data: { teamId: TEAM, reviewId, takeaways } }) as never;
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
