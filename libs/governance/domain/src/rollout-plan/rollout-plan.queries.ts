import type { RolloutWave } from './rollout-plan.events';
import type { RolloutPlanState } from './rollout-plan.state';

export interface RolloutView {
  readonly planId: string | null;
  readonly name: string | null;
  readonly unitId: string | null;
  /** Ordered by planned start: the pilot comes first by construction. */
  readonly teams: readonly { readonly teamId: string; readonly wave: RolloutWave; readonly plannedStartOn: string; readonly plannedSelfSteeringOn: string | null }[];
}

export const rolloutView = (state: RolloutPlanState): RolloutView => ({
  planId: state.planId,
  name: state.name,
  unitId: state.unitId,
  teams: [...state.teams.entries()]
    .map(([teamId, s]) => ({ teamId, ...s }))
    .sort((a, b) => a.plannedStartOn.localeCompare(b.plannedStartOn) || a.teamId.localeCompare(b.teamId)),
});
