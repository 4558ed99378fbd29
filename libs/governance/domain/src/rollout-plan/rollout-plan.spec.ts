import { describe, expect, it } from '@jest/globals';
import { fold } from '@leerzone/kernel';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import { rolloutPlanDecider, rolloutPlanStreamId } from './rollout-plan.decider';
import type { RolloutPlanEvent } from './rollout-plan.events';
import { rolloutView } from './rollout-plan.queries';

const spec = DeciderSpecification.for(rolloutPlanDecider);
const PLAN = 'plan-1';
const T0 = '2026-01-05T09:00:00.000Z';
const NOW = new Date('2026-01-15T09:00:00.000Z');
const LEAD = 'user-lead';
const as = (reason?: string) => ({ actor: { id: LEAD, kind: 'user' as const }, now: NOW, ...(reason ? { reason } : {}) });

const created: RolloutPlanEvent = { type: 'RolloutPlanCreated', data: { planId: PLAN, name: 'Zorg 2026', unitId: 'care', createdBy: LEAD, createdAt: T0 } };
const scheduled = (teamId: string, wave: 'pilot' | 'following', plannedStartOn: string, plannedSelfSteeringOn: string | null = null): RolloutPlanEvent => ({
  type: 'TeamScheduled',
  data: { planId: PLAN, teamId, wave, plannedStartOn, plannedSelfSteeringOn, scheduledBy: LEAD, scheduledAt: T0 },
});
const withPilot = [created, scheduled('team-a', 'pilot', '2026-03-01', '2026-12-01')];
const schedule = (teamId: string, wave: string, plannedStartOn: string, plannedSelfSteeringOn?: string) =>
  ({ type: 'ScheduleTeam', data: { planId: PLAN, teamId, wave, plannedStartOn, plannedSelfSteeringOn } }) as const;

describe('rollout plan', () => {
  it('is created once', () => {
    spec.given([]).when({ type: 'CreateRolloutPlan', data: { planId: PLAN, name: 'Zorg 2026', unitId: 'care' } }, as()).then([{ ...created, data: { ...created.data, createdAt: NOW.toISOString() } } as RolloutPlanEvent]);
    spec.given([created]).when({ type: 'CreateRolloutPlan', data: { planId: PLAN, name: 'x' } }).thenRejects('ROLLOUT.PLAN_ALREADY_EXISTS', { category: 'conflict' });
    spec.given([]).when({ type: 'CreateRolloutPlan', data: { planId: PLAN, name: '' } }).thenRejects('ROLLOUT.NAME_INVALID', { field: 'name' });
    expect(rolloutPlanStreamId('acme', PLAN)).toBe('rollout-plan-4:acme:plan-1');
  });

  it('schedules a pilot team with planned dates', () => {
    spec
      .given([created])
      .when(schedule('team-a', 'pilot', '2026-03-01', '2026-12-01'), as())
      .then([{ type: 'TeamScheduled', data: { planId: PLAN, teamId: 'team-a', wave: 'pilot', plannedStartOn: '2026-03-01', plannedSelfSteeringOn: '2026-12-01', scheduledBy: LEAD, scheduledAt: NOW.toISOString() } }]);
  });

  it('schedules following teams after the pilot has started', () => {
    spec
      .given(withPilot)
      .when(schedule('team-b', 'following', '2026-06-01'), as())
      .then([{ type: 'TeamScheduled', data: { planId: PLAN, teamId: 'team-b', wave: 'following', plannedStartOn: '2026-06-01', plannedSelfSteeringOn: null, scheduledBy: LEAD, scheduledAt: NOW.toISOString() } }]);
  });

  it('starts small: no following team before a pilot, nor before the first pilot starts', () => {
    spec.given([created]).when(schedule('team-b', 'following', '2026-06-01'), as()).thenRejects('ROLLOUT.PILOT_FIRST', { category: 'precondition' });
    spec.given(withPilot).when(schedule('team-b', 'following', '2026-02-01'), as()).thenRejects('ROLLOUT.PILOT_FIRST', { field: 'plannedStartOn' });
  });

  it.each([
    [schedule('team-b', 'pioneer', '2026-06-01'), 'ROLLOUT.WAVE_INVALID', 'wave'],
    [schedule('team-b', 'pilot', '2026-02-30'), 'ROLLOUT.DATE_INVALID', 'plannedStartOn'],
    [schedule('team-b', 'pilot', '1 June'), 'ROLLOUT.DATE_INVALID', 'plannedStartOn'],
    [schedule('team-b', 'pilot', '2026-06-01', '2026-13-01'), 'ROLLOUT.DATE_INVALID', 'plannedSelfSteeringOn'],
    [schedule('team-b', 'pilot', '2026-06-01', '2026-06-01'), 'ROLLOUT.SELF_STEERING_BEFORE_START', 'plannedSelfSteeringOn'],
    [schedule('', 'pilot', '2026-06-01'), 'ROLLOUT.TEAM_INVALID', 'teamId'],
  ])('rejects invalid input %#', (command, code, field) => {
    spec.given(withPilot).when(command, as()).thenRejects(code, { field, category: 'invalid' });
  });

  it('rejects scheduling twice and an unknown plan', () => {
    spec.given(withPilot).when(schedule('team-a', 'pilot', '2026-03-01'), as()).thenRejects('ROLLOUT.TEAM_ALREADY_SCHEDULED', { category: 'conflict' });
    spec.given([]).when(schedule('team-a', 'pilot', '2026-03-01'), as()).thenRejects('ROLLOUT.PLAN_NOT_FOUND', { category: 'not-found' });
  });

  it('reschedules with a reason, keeping the previous schedule', () => {
    spec
      .given(withPilot)
      .when({ type: 'RescheduleTeam', data: { planId: PLAN, teamId: 'team-a', wave: 'pilot', plannedStartOn: '2026-04-01', plannedSelfSteeringOn: '2027-01-01' } }, as('coach on leave'))
      .then([
        {
          type: 'TeamRescheduled',
          data: {
            planId: PLAN,
            teamId: 'team-a',
            previous: { wave: 'pilot', plannedStartOn: '2026-03-01', plannedSelfSteeringOn: '2026-12-01' },
            wave: 'pilot',
            plannedStartOn: '2026-04-01',
            plannedSelfSteeringOn: '2027-01-01',
            rescheduledBy: LEAD,
            rescheduledAt: NOW.toISOString(),
            reason: 'coach on leave',
          },
        },
      ]);
    spec.given(withPilot).when({ type: 'RescheduleTeam', data: { planId: PLAN, teamId: 'team-a', wave: 'pilot', plannedStartOn: '2026-04-01' } }, as()).thenRejects('GOVERNANCE.REASON_REQUIRED');
    spec.given(withPilot).when({ type: 'RescheduleTeam', data: { planId: PLAN, teamId: 'team-z', wave: 'pilot', plannedStartOn: '2026-04-01' } }, as('x')).thenRejects('ROLLOUT.TEAM_NOT_SCHEDULED');
  });

  it('refuses to move the pilot after a following team', () => {
    spec
      .given([...withPilot, scheduled('team-b', 'following', '2026-06-01')])
      .when({ type: 'RescheduleTeam', data: { planId: PLAN, teamId: 'team-a', wave: 'pilot', plannedStartOn: '2026-07-01' } }, as('late'))
      .thenRejects('ROLLOUT.PILOT_FIRST');
  });

  it('unschedules with a reason, but not the last pilot while others follow', () => {
    const plan = [...withPilot, scheduled('team-b', 'following', '2026-06-01')];
    spec
      .given(plan)
      .when({ type: 'UnscheduleTeam', data: { planId: PLAN, teamId: 'team-b' } }, as('team merged'))
      .then([{ type: 'TeamUnscheduled', data: { planId: PLAN, teamId: 'team-b', previous: { wave: 'following', plannedStartOn: '2026-06-01', plannedSelfSteeringOn: null }, unscheduledBy: LEAD, unscheduledAt: NOW.toISOString(), reason: 'team merged' } }]);
    spec.given(plan).when({ type: 'UnscheduleTeam', data: { planId: PLAN, teamId: 'team-a' } }, as('x')).thenRejects('ROLLOUT.PILOT_FIRST', { field: 'teamId' });
    spec.given(plan).when({ type: 'UnscheduleTeam', data: { planId: PLAN, teamId: 'team-b' } }, as()).thenRejects('GOVERNANCE.REASON_REQUIRED');
  });

  it('creates a plan for no unit when the unit is left out or null', () => {
    const plan = (unitId?: null) => ({ type: 'CreateRolloutPlan', data: { planId: PLAN, name: 'Zorg 2026', unitId } }) as const;
    const forNoUnit = { ...created, data: { ...created.data, unitId: null, createdAt: NOW.toISOString() } } as RolloutPlanEvent;
    spec.given([]).when(plan(), as()).then([forNoUnit]);
    spec.given([]).when(plan(null), as()).then([forNoUnit]);
  });

  it('measures following teams against the earliest pilot, whichever was scheduled first, and lets them start on its day', () => {
    const twoPilots = [...withPilot, scheduled('team-p', 'pilot', '2026-02-01')];
    spec.given(twoPilots).when(schedule('team-b', 'following', '2026-02-15'), as()).then([{ type: 'TeamScheduled', data: { planId: PLAN, teamId: 'team-b', wave: 'following', plannedStartOn: '2026-02-15', plannedSelfSteeringOn: null, scheduledBy: LEAD, scheduledAt: NOW.toISOString() } }]);
    spec.given(withPilot).when(schedule('team-b', 'following', '2026-03-01'), as()).then([{ type: 'TeamScheduled', data: { planId: PLAN, teamId: 'team-b', wave: 'following', plannedStartOn: '2026-03-01', plannedSelfSteeringOn: null, scheduledBy: LEAD, scheduledAt: NOW.toISOString() } }]);
  });

  it('records nothing when a team is rescheduled to the schedule it has', () => {
    spec
      .given(withPilot)
      .when({ type: 'RescheduleTeam', data: { planId: PLAN, teamId: 'team-a', wave: 'pilot', plannedStartOn: '2026-03-01', plannedSelfSteeringOn: '2026-12-01' } }, as('same again'))
      .then([]);
  });

  it('lets the only pilot go when no team follows it, and then lists no team', () => {
    const previous = { wave: 'pilot', plannedStartOn: '2026-03-01', plannedSelfSteeringOn: '2026-12-01' } as const;
    const unscheduled: RolloutPlanEvent = { type: 'TeamUnscheduled', data: { planId: PLAN, teamId: 'team-a', previous, unscheduledBy: LEAD, unscheduledAt: NOW.toISOString(), reason: 'unit reorganised' } };
    spec.given(withPilot).when({ type: 'UnscheduleTeam', data: { planId: PLAN, teamId: 'team-a' } }, as('unit reorganised')).then([unscheduled]);
    expect(rolloutView(fold(rolloutPlanDecider, [...withPilot, unscheduled])).teams).toEqual([]);
  });

  it('lists teams starting on the same day by team id', () => {
    const state = fold(rolloutPlanDecider, [created, scheduled('team-c', 'pilot', '2026-03-01'), scheduled('team-b', 'pilot', '2026-03-01'), scheduled('team-a', 'pilot', '2026-04-01')]);
    expect(rolloutView(state).teams.map((t) => t.teamId)).toEqual(['team-b', 'team-c', 'team-a']);
  });

  it('throws on a command or an event it does not know, which only a programming error can send', () => {
    expect(() => rolloutPlanDecider.decide({ type: 'ArchivePlan' } as never, rolloutPlanDecider.initialState, { actor: { id: LEAD, kind: 'user' }, now: NOW } as never)).toThrow('Unexpected value');
    expect(() => rolloutPlanDecider.evolve(rolloutPlanDecider.initialState, { type: 'PlanArchived', data: {} } as never)).toThrow('Unexpected value');
  });

  it('lists the plan in order of planned start', () => {
    const state = fold(rolloutPlanDecider, [...withPilot, scheduled('team-c', 'following', '2026-09-01'), scheduled('team-b', 'following', '2026-06-01')]);
    expect(rolloutView(state).teams.map((t) => [t.teamId, t.wave, t.plannedStartOn])).toEqual([
      ['team-a', 'pilot', '2026-03-01'],
      ['team-b', 'following', '2026-06-01'],
      ['team-c', 'following', '2026-09-01'],
    ]);
  });
});
