import { assertNever } from '@leerzone/kernel';
import { withEntry, withoutEntry } from '../shared/maps';
import type { RolloutPlanEvent, TeamSchedule } from './rollout-plan.events';

export interface RolloutPlanState {
  readonly exists: boolean;
  readonly planId: string | null;
  readonly name: string | null;
  readonly unitId: string | null;
  readonly teams: ReadonlyMap<string, TeamSchedule>;
}

export const initialRolloutPlanState: RolloutPlanState = { exists: false, planId: null, name: null, unitId: null, teams: new Map() };

export function evolveRolloutPlan(state: RolloutPlanState, event: RolloutPlanEvent): RolloutPlanState {
  switch (event.type) {
    case 'RolloutPlanCreated':
      return { ...state, exists: true, planId: event.data.planId, name: event.data.name, unitId: event.data.unitId };
    case 'TeamScheduled':
    case 'TeamRescheduled': {
      const { teamId, wave, plannedStartOn, plannedSelfSteeringOn } = event.data;
      return { ...state, teams: withEntry(state.teams, teamId, { wave, plannedStartOn, plannedSelfSteeringOn }) };
    }
    case 'TeamUnscheduled':
      return { ...state, teams: withoutEntry(state.teams, event.data.teamId) };
    default:
      return assertNever(event);
  }
}
