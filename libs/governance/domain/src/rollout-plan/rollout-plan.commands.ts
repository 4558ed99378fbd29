type Cmd<Type extends string, Data> = { readonly type: Type; readonly data: Data };

export interface TeamScheduleInput {
  readonly planId: string;
  readonly teamId: string;
  /** 'pilot' or 'following'. */
  readonly wave: string;
  /** YYYY-MM-DD. */
  readonly plannedStartOn: string;
  /** YYYY-MM-DD; when the team is expected to be self-steering. */
  readonly plannedSelfSteeringOn?: string | null;
}

export type CreateRolloutPlan = Cmd<'CreateRolloutPlan', { readonly planId: string; readonly name: string; readonly unitId?: string | null }>;
export type ScheduleTeam = Cmd<'ScheduleTeam', TeamScheduleInput>;
/** Needs ctx.reason. */
export type RescheduleTeam = Cmd<'RescheduleTeam', TeamScheduleInput>;
/** Needs ctx.reason. */
export type UnscheduleTeam = Cmd<'UnscheduleTeam', { readonly planId: string; readonly teamId: string }>;

export type RolloutPlanCommand = CreateRolloutPlan | ScheduleTeam | RescheduleTeam | UnscheduleTeam;
