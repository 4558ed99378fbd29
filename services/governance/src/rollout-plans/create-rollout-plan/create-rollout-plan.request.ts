import { z } from 'zod';
import { EntityId, Reason } from '../../shared/governance-fields';

export const CreateRolloutPlanRequest = z.strictObject({
  planId: z.uuid().optional(),
  name: z.string().trim().min(1).max(120),
  /** The unit the plan covers, if it is not the whole tenant. */
  unitId: EntityId.nullable().optional(),
  reason: Reason.optional(),
});
