import type { StoredEvent } from '@leerzone/kernel';
import { defineProjection } from '@leerzone/projections';
import { ROLLOUT_PLAN_EVENT_TYPES, type RolloutPlanEvent, type RolloutWave } from '@leerzone/governance-domain';

export const ROLLOUT_PLANS_PROJECTION = 'governance.rollout-plans';

export interface RolloutPlanDocument {
  _id: string;
  tenantId: string;
  planId: string;
  name: string;
  unitId: string | null;
  createdBy: string;
  createdAt: string;
  /** The plan stream's version: its ETag. */
  version: number;
  updatedAt: string;
  [key: string]: unknown;
}

/** A team's place in a plan; also read by the teams list ("start overdue"). */
export interface ScheduleDocument {
  _id: string;
  tenantId: string;
  planId: string;
  teamId: string;
  wave: RolloutWave;
  plannedStartOn: string;
  plannedSelfSteeringOn: string | null;
  [key: string]: unknown;
}

/** `<tenant>/<plan>`: plan ids are only unique within a tenant, and the key says so. */
export const rolloutPlanDocumentId = (tenantId: string, planId: string) => `${tenantId}/${planId}`;

export const rolloutPlansProjection = defineProjection({
  name: ROLLOUT_PLANS_PROJECTION,
  // 2: `_id`s start with the tenant.
  version: 2,
  collections: {
    plans: { indexes: [{ keys: { tenantId: 1, name: 1 } }] },
    schedules: { indexes: [{ keys: { tenantId: 1, planId: 1, plannedStartOn: 1 } }, { keys: { tenantId: 1, teamId: 1 } }] },
  },
  handles: ROLLOUT_PLAN_EVENT_TYPES,
  apply(stored: StoredEvent, write) {
    const event = { type: stored.type, data: stored.data } as RolloutPlanEvent;
    const { planId } = event.data;
    const touched = { version: stored.streamPosition, updatedAt: stored.occurredAt };
    const plans = write.collection('plans');
    const schedules = write.collection('schedules');
    if (event.type === 'RolloutPlanCreated') {
      const { name, unitId, createdBy, createdAt } = event.data;
      return plans.put(rolloutPlanDocumentId(stored.tenantId, planId), { tenantId: stored.tenantId, planId, name, unitId, createdBy, createdAt, ...touched });
    }
    plans.update(rolloutPlanDocumentId(stored.tenantId, planId), { $set: touched });
    const id = `${stored.tenantId}/${planId}/${event.data.teamId}`;
    if (event.type === 'TeamUnscheduled') return schedules.delete(id);
    const { teamId, wave, plannedStartOn, plannedSelfSteeringOn } = event.data;
    schedules.put(id, { tenantId: stored.tenantId, planId, teamId, wave, plannedStartOn, plannedSelfSteeringOn });
  },
});
