import { z } from 'zod';
import { NameText } from '@leerzone/service-kit';
import { MAX_PLAN_NAME_LENGTH } from '@leerzone/governance-domain';
import { EntityId, Reason } from '../../shared/governance-fields';

export const CreateRolloutPlanRequest = z.strictObject({
  planId: z.uuid().optional(),
  name: NameText(MAX_PLAN_NAME_LENGTH),
  /** The unit the plan covers, if it is not the whole tenant. */
  unitId: EntityId.nullable().optional(),
  reason: Reason.optional(),
});
