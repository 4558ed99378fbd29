import { z } from 'zod';
import { NameText } from '@leerzone/service-kit';
import { MAX_UNIT_NAME_LENGTH } from '@leerzone/governance-domain';
import { EntityId, Reason } from '../../shared/governance-fields';

export const AddUnitRequest = z.strictObject({
  /** Unique within the tenant (teams name their unit by this id); generated when absent. */
  unitId: EntityId.optional(),
  name: NameText(MAX_UNIT_NAME_LENGTH),
  /** Absent or null: a top-level unit. */
  parentUnitId: EntityId.nullable().optional(),
  reason: Reason.optional(),
});
