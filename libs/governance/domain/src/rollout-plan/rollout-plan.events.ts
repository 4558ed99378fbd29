import type { DomainEvent } from '@leerzone/kernel';

type Ev<Type extends string, Data> = DomainEvent<Type, Readonly<Data>>;

export type RolloutWave = 'pilot' | 'following';

export interface TeamSchedule {
  readonly wave: RolloutWave;
  readonly plannedStartOn: string;
  readonly plannedSelfSteeringOn: string | null;
}

export type RolloutPlanCreated = Ev<'RolloutPlanCreated', { planId: string; name: string; unitId: string | null; createdBy: string; createdAt: string }>;
export type TeamScheduled = Ev<
  'TeamScheduled',
  { planId: string; teamId: string; wave: RolloutWave; plannedStartOn: string; plannedSelfSteeringOn: string | null; scheduledBy: string; scheduledAt: string }
>;
export type TeamRescheduled = Ev<
  'TeamRescheduled',
  {
    planId: string;
    teamId: string;
    previous: TeamSchedule;
    wave: RolloutWave;
    plannedStartOn: string;
    plannedSelfSteeringOn: string | null;
    rescheduledBy: string;
    rescheduledAt: string;
    reason: string;
  }
>;
export type TeamUnscheduled = Ev<'TeamUnscheduled', { planId: string; teamId: string; previous: TeamSchedule; unscheduledBy: string; unscheduledAt: string; reason: string }>;

export type RolloutPlanEvent = RolloutPlanCreated | TeamScheduled | TeamRescheduled | TeamUnscheduled;

const rolloutPlanEventTypeSet: Record<RolloutPlanEvent['type'], true> = { RolloutPlanCreated: true, TeamScheduled: true, TeamRescheduled: true, TeamUnscheduled: true };
export const ROLLOUT_PLAN_EVENT_TYPES = Object.keys(rolloutPlanEventTypeSet) as readonly RolloutPlanEvent['type'][];
export const isRolloutPlanEvent = (event: { readonly type: string }): event is RolloutPlanEvent => Object.hasOwn(rolloutPlanEventTypeSet, event.type);
