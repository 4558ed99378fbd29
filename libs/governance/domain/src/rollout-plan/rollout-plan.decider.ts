import type { CommandContext, Decider, Decision, Rejection } from '@leerzone/kernel';
import { assertNever, isRejection, reject, aggregateStreamId } from '@leerzone/kernel';
import { isIsoDate } from '../shared/calendar';
import { requiredId, requiredReason, requiredText } from '../shared/validation';
import type { CreateRolloutPlan, RescheduleTeam, RolloutPlanCommand, ScheduleTeam, TeamScheduleInput, UnscheduleTeam } from './rollout-plan.commands';
import type { RolloutPlanEvent, RolloutWave, TeamSchedule } from './rollout-plan.events';
import type { RolloutPlanState } from './rollout-plan.state';
import { MAX_PLAN_NAME_LENGTH } from '../shared/limits';
import { evolveRolloutPlan, initialRolloutPlanState } from './rollout-plan.state';

export const rolloutPlanStreamId = (tenantId: string, planId: string): string => aggregateStreamId('rollout-plan-', tenantId, planId);

type Rule<C> = (command: C, state: RolloutPlanState, ctx: CommandContext) => Decision<RolloutPlanEvent>;
const at = (ctx: CommandContext): string => ctx.now.toISOString();

function requirePlan(state: RolloutPlanState, planId: string): Rejection | null {
  if (!state.exists || state.planId !== planId) return reject('not-found', 'ROLLOUT.PLAN_NOT_FOUND', `Rollout plan ${planId} does not exist.`, { field: 'planId' });
  return null;
}

function parseSchedule(input: TeamScheduleInput): { teamId: string; schedule: TeamSchedule } | Rejection {
  const teamId = requiredId(input.teamId, 'teamId', 'ROLLOUT.TEAM_INVALID', 'the team id');
  if (isRejection(teamId)) return teamId;
  if (input.wave !== 'pilot' && input.wave !== 'following') {
    return reject('invalid', 'ROLLOUT.WAVE_INVALID', 'The wave must be "pilot" or "following".', { field: 'wave' });
  }
  if (!isIsoDate(input.plannedStartOn)) {
    return reject('invalid', 'ROLLOUT.DATE_INVALID', 'plannedStartOn must be a date such as 2026-04-01.', { field: 'plannedStartOn' });
  }
  const selfSteering = input.plannedSelfSteeringOn ?? null;
  if (selfSteering !== null && !isIsoDate(selfSteering)) {
    return reject('invalid', 'ROLLOUT.DATE_INVALID', 'plannedSelfSteeringOn must be a date such as 2026-12-01.', { field: 'plannedSelfSteeringOn' });
  }
  if (selfSteering !== null && selfSteering <= input.plannedStartOn) {
    return reject('invalid', 'ROLLOUT.SELF_STEERING_BEFORE_START', 'A team becomes self-steering after it starts: plannedSelfSteeringOn must follow plannedStartOn.', {
      field: 'plannedSelfSteeringOn',
    });
  }
  return { teamId, schedule: { wave: input.wave as RolloutWave, plannedStartOn: input.plannedStartOn, plannedSelfSteeringOn: selfSteering } };
}

/**
 * "Start small with a pilot, then scale": the plan must keep a pilot while it has following
 * teams, and no following team may start before the first pilot team does.
 */
function checkPilotFirst(teams: ReadonlyMap<string, TeamSchedule>, field: string): Rejection | null {
  const all = [...teams.entries()];
  const pilots = all.filter(([, s]) => s.wave === 'pilot');
  const following = all.filter(([, s]) => s.wave === 'following');
  if (following.length === 0) return null;
  if (pilots.length === 0) {
    return reject('precondition', 'ROLLOUT.PILOT_FIRST', 'Start small: schedule a pilot team before the teams that follow it.', { field });
  }
  const firstPilotStart = pilots.map(([, s]) => s.plannedStartOn).sort()[0]!;
  const early = following.filter(([, s]) => s.plannedStartOn < firstPilotStart).map(([teamId]) => teamId);
  if (early.length > 0) {
    return reject('precondition', 'ROLLOUT.PILOT_FIRST', `Following teams cannot start before the first pilot (${firstPilotStart}): ${early.join(', ')}.`, {
      field,
      details: { firstPilotStart, early },
    });
  }
  return null;
}

const createRolloutPlan: Rule<CreateRolloutPlan> = (command, state, ctx) => {
  if (state.exists) return reject('conflict', 'ROLLOUT.PLAN_ALREADY_EXISTS', `Rollout plan ${state.planId} already exists.`, { field: 'planId' });
  const planId = requiredId(command.data.planId, 'planId', 'ROLLOUT.PLAN_INVALID', 'the plan id');
  if (isRejection(planId)) return planId;
  const name = requiredText(command.data.name, { field: 'name', code: 'ROLLOUT.NAME_INVALID', label: 'the plan name', max: MAX_PLAN_NAME_LENGTH });
  if (isRejection(name)) return name;
  const unitId = command.data.unitId === undefined || command.data.unitId === null ? null : requiredId(command.data.unitId, 'unitId', 'ROLLOUT.UNIT_INVALID', 'the unit id');
  if (isRejection(unitId)) return unitId;
  return [{ type: 'RolloutPlanCreated', data: { planId, name, unitId, createdBy: ctx.actor.id, createdAt: at(ctx) } }];
};

const scheduleTeam: Rule<ScheduleTeam> = (command, state, ctx) => {
  const missing = requirePlan(state, command.data.planId);
  if (missing) return missing;
  const parsed = parseSchedule(command.data);
  if (isRejection(parsed)) return parsed;
  if (state.teams.has(parsed.teamId)) {
    return reject('conflict', 'ROLLOUT.TEAM_ALREADY_SCHEDULED', `Team ${parsed.teamId} is already in this plan; reschedule it instead.`, { field: 'teamId' });
  }
  const pilotFirst = checkPilotFirst(new Map(state.teams).set(parsed.teamId, parsed.schedule), 'plannedStartOn');
  if (pilotFirst) return pilotFirst;
  return [{ type: 'TeamScheduled', data: { planId: command.data.planId, teamId: parsed.teamId, ...parsed.schedule, scheduledBy: ctx.actor.id, scheduledAt: at(ctx) } }];
};

const rescheduleTeam: Rule<RescheduleTeam> = (command, state, ctx) => {
  const missing = requirePlan(state, command.data.planId);
  if (missing) return missing;
  const parsed = parseSchedule(command.data);
  if (isRejection(parsed)) return parsed;
  const previous = state.teams.get(parsed.teamId);
  if (!previous) return reject('not-found', 'ROLLOUT.TEAM_NOT_SCHEDULED', `Team ${parsed.teamId} is not in this plan.`, { field: 'teamId' });
  const reason = requiredReason(ctx.reason, 'change a rollout schedule');
  if (isRejection(reason)) return reason;
  if (JSON.stringify(previous) === JSON.stringify(parsed.schedule)) return [];
  const pilotFirst = checkPilotFirst(new Map(state.teams).set(parsed.teamId, parsed.schedule), 'plannedStartOn');
  if (pilotFirst) return pilotFirst;
  return [
    {
      type: 'TeamRescheduled',
      data: { planId: command.data.planId, teamId: parsed.teamId, previous, ...parsed.schedule, rescheduledBy: ctx.actor.id, rescheduledAt: at(ctx), reason },
    },
  ];
};

const unscheduleTeam: Rule<UnscheduleTeam> = (command, state, ctx) => {
  const missing = requirePlan(state, command.data.planId);
  if (missing) return missing;
  const teamId = requiredId(command.data.teamId, 'teamId', 'ROLLOUT.TEAM_INVALID', 'the team id');
  if (isRejection(teamId)) return teamId;
  const previous = state.teams.get(teamId);
  if (!previous) return reject('not-found', 'ROLLOUT.TEAM_NOT_SCHEDULED', `Team ${teamId} is not in this plan.`, { field: 'teamId' });
  const reason = requiredReason(ctx.reason, 'take a team out of the rollout plan');
  if (isRejection(reason)) return reason;
  const remaining = new Map(state.teams);
  remaining.delete(teamId);
  const pilotFirst = checkPilotFirst(remaining, 'teamId');
  if (pilotFirst) return pilotFirst;
  return [{ type: 'TeamUnscheduled', data: { planId: command.data.planId, teamId, previous, unscheduledBy: ctx.actor.id, unscheduledAt: at(ctx), reason } }];
};

/**
 * The rollout plan is the transformation lead's cross-team schedule: which teams pilot,
 * which follow, and when. Its rule (pilot first) spans teams, so it cannot live in any one
 * team's stream; a team's actual phases stay in the team, where the yes is.
 */
export const rolloutPlanDecider: Decider<RolloutPlanCommand, RolloutPlanEvent, RolloutPlanState> = {
  initialState: initialRolloutPlanState,
  decide(command, state, ctx) {
    switch (command.type) {
      case 'CreateRolloutPlan':
        return createRolloutPlan(command, state, ctx);
      case 'ScheduleTeam':
        return scheduleTeam(command, state, ctx);
      case 'RescheduleTeam':
        return rescheduleTeam(command, state, ctx);
      case 'UnscheduleTeam':
        return unscheduleTeam(command, state, ctx);
      default:
        return assertNever(command);
    }
  },
  evolve: evolveRolloutPlan,
};
