import type { CycleState } from './cycle.state';

export interface MissingRetrospective {
  readonly teamId: string;
  /** When the team recorded it after all (late), or null when it never did. */
  readonly recordedLateAt: string | null;
}

/**
 * The teams that started this cycle without a retrospective: of `teamIdsInCycle` (the
 * teams with an objective in the cycle, from the service's read model), those that had
 * not recorded one when the cycle started. Empty while the cycle is still being planned.
 */
export function teamsStartedWithoutRetrospective(state: CycleState, teamIdsInCycle: readonly string[]): readonly MissingRetrospective[] {
  if (state.startedAt === null) return [];
  return [...new Set(teamIdsInCycle)]
    .sort()
    .flatMap((teamId) => {
      const retrospective = state.retrospectives.get(teamId);
      if (retrospective && !retrospective.late) return [];
      return [{ teamId, recordedLateAt: retrospective?.recordedAt ?? null }];
    });
}
