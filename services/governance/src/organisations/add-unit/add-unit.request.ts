import { z } from 'zod';
import { EntityId, Reason } from '../../shared/governance-fields';

export const AddUnitRequest = z.strictObject({
  /** Unique within the tenant (teams name their unit by this id); generated when absent. */
  unitId: EntityId.optional(),
  name: z.string().trim().min(1).max(120),
  /** Absent or null: a top-level unit. */
  parentUnitId: EntityId.nullable().optional(),
  reason: Reason.optional(),
});
