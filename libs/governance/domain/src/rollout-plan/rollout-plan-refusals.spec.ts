import { describe, expect, it } from '@jest/globals';
import type { CommandContext, RejectionCategory } from '@leerzone/kernel';
import { DeciderSpecification } from '@leerzone/kernel/testing';
import type { RolloutPlanCommand } from './rollout-plan.commands';
import { rolloutPlanDecider } from './rollout-plan.decider';
import type { RolloutPlanEvent } from './rollout-plan.events';

const spec = DeciderSpecification.for(rolloutPlanDecider);
const PLAN = 'plan-1';
const T0 = '2026-01-05T09:00:00.000Z';
const LEAD = 'user-lead';
const because = (reason?: string): Partial<CommandContext> => ({ actor: { id: LEAD, kind: 'user' }, ...(reason ? { reason } : {}) });

const created: RolloutPlanEvent = { type: 'RolloutPlanCreated', data: { planId: PLAN, name: 'Zorg 2026', unitId: 'care', createdBy: LEAD, createdAt: T0 } };
const scheduled = (teamId: string, wave: 'pilot' | 'following', plannedStartOn: string): RolloutPlanEvent => ({
  type: 'TeamScheduled',
  data: { planId: PLAN, teamId, wave, plannedStartOn, plannedSelfSteeringOn: null, scheduledBy: LEAD, scheduledAt: T0 },
});
const withPilot = (): RolloutPlanEvent[] => [created, scheduled('team-a', 'pilot', '2026-03-01')];

const create = (data: object): RolloutPlanCommand => ({ type: 'CreateRolloutPlan', data: { planId: PLAN, name: 'Zorg 2026', ...data } });
const schedule = (data: object): RolloutPlanCommand => ({ type: 'ScheduleTeam', data: { planId: PLAN, teamId: 'team-b', wave: 'following', plannedStartOn: '2026-06-01', ...data } });
const reschedule = (data: object): RolloutPlanCommand => ({ type: 'RescheduleTeam', data: { planId: PLAN, teamId: 'team-a', wave: 'pilot', plannedStartOn: '2026-04-01', ...data } });
const unschedule = (data: object): RolloutPlanCommand => ({ type: 'UnscheduleTeam', data: { planId: PLAN, teamId: 'team-a', ...data } });

/** Every refusal of the rollout plan says, in words, what was asked and why not, and names the field. */
describe('rollout plan refusals name what was asked', () => {
  const cases: [string, () => RolloutPlanEvent[], RolloutPlanCommand, Partial<CommandContext>, { code: string; category: RejectionCategory; field: string; says: string }][] = [
    ['creating a plan twice', withPilot, create({ planId: 'plan-2' }), because(), { code: 'ROLLOUT.PLAN_ALREADY_EXISTS', category: 'conflict', field: 'planId', says: 'Rollout plan plan-1 already exists.' }],
    ['creating with a blank plan id', () => [], create({ planId: ' ' }), because(), { code: 'ROLLOUT.PLAN_INVALID', category: 'invalid', field: 'planId', says: 'The plan id must be a non-empty id' }],
    ['creating without a name', () => [], create({ name: ' ' }), because(), { code: 'ROLLOUT.NAME_INVALID', category: 'invalid', field: 'name', says: 'The plan name must not be empty' }],
    ['creating for a malformed unit id', () => [], create({ unitId: ' care' }), because(), { code: 'ROLLOUT.UNIT_INVALID', category: 'invalid', field: 'unitId', says: 'The unit id must be a non-empty id' }],
    ['scheduling in another plan', withPilot, schedule({ planId: 'plan-2' }), because(), { code: 'ROLLOUT.PLAN_NOT_FOUND', category: 'not-found', field: 'planId', says: 'Rollout plan plan-2 does not exist.' }],
    ['scheduling a blank team id', withPilot, schedule({ teamId: '' }), because(), { code: 'ROLLOUT.TEAM_INVALID', category: 'invalid', field: 'teamId', says: 'The team id must be a non-empty id' }],
    ['scheduling a team twice', withPilot, schedule({ teamId: 'team-a' }), because(), { code: 'ROLLOUT.TEAM_ALREADY_SCHEDULED', category: 'conflict', field: 'teamId', says: 'Team team-a is already in this plan' }],
    [
      'scheduling a following team before the first pilot',
      withPilot,
      schedule({ plannedStartOn: '2026-02-01' }),
      because(),
      { code: 'ROLLOUT.PILOT_FIRST', category: 'precondition', field: 'plannedStartOn', says: 'Following teams cannot start before the first pilot (2026-03-01): team-b.' },
    ],
    ['rescheduling in an unknown plan', () => [], reschedule({}), because('x'), { code: 'ROLLOUT.PLAN_NOT_FOUND', category: 'not-found', field: 'planId', says: 'Rollout plan plan-1 does not exist.' }],
    ['rescheduling into an unknown wave', withPilot, reschedule({ wave: 'pioneer' }), because('x'), { code: 'ROLLOUT.WAVE_INVALID', category: 'invalid', field: 'wave', says: 'The wave must be "pilot" or "following".' }],
    ['rescheduling a team not in the plan', withPilot, reschedule({ teamId: 'team-z' }), because('x'), { code: 'ROLLOUT.TEAM_NOT_SCHEDULED', category: 'not-found', field: 'teamId', says: 'Team team-z is not in this plan.' }],
    ['rescheduling without a reason', withPilot, reschedule({}), because(), { code: 'GOVERNANCE.REASON_REQUIRED', category: 'invalid', field: 'reason', says: 'A reason is required to change a rollout schedule.' }],
    ['unscheduling in an unknown plan', () => [], unschedule({}), because('x'), { code: 'ROLLOUT.PLAN_NOT_FOUND', category: 'not-found', field: 'planId', says: 'Rollout plan plan-1 does not exist.' }],
    ['unscheduling a blank team id', withPilot, unschedule({ teamId: '' }), because('x'), { code: 'ROLLOUT.TEAM_INVALID', category: 'invalid', field: 'teamId', says: 'The team id must be a non-empty id' }],
    ['unscheduling a team not in the plan', withPilot, unschedule({ teamId: 'team-z' }), because('x'), { code: 'ROLLOUT.TEAM_NOT_SCHEDULED', category: 'not-found', field: 'teamId', says: 'Team team-z is not in this plan.' }],
    ['unscheduling without a reason', withPilot, unschedule({}), because(), { code: 'GOVERNANCE.REASON_REQUIRED', category: 'invalid', field: 'reason', says: 'A reason is required to take a team out of the rollout plan.' }],
  ];

  it.each(cases)('%s', (_, given, command, context, { code, category, field, says }) => {
    spec.given(given()).when(command, context).thenRejects(code, { category, field, message: expect.stringContaining(says) as unknown as string });
  });

  it('names every early following team and the first pilot start in the details', () => {
    spec
      .given([...withPilot(), scheduled('team-b', 'following', '2026-06-01'), scheduled('team-c', 'following', '2026-07-01')])
      .when(reschedule({ plannedStartOn: '2026-08-01' }), because('coach on leave'))
      .thenRejects('ROLLOUT.PILOT_FIRST', {
        category: 'precondition',
        message: expect.stringContaining('(2026-08-01): team-b, team-c.') as unknown as string,
        details: { firstPilotStart: '2026-08-01', early: ['team-b', 'team-c'] },
      });
  });
});
