import { z } from 'zod';
import { KPI_PERIODS, KPI_TARGET_TYPES, MAX_KPI_NAME_LENGTH, MAX_KPI_UNIT_LENGTH } from '@leerzone/okr-domain';
import { NameText } from '@leerzone/service-kit';
import { EntityId, Reason, RootId } from '../../shared/okr-fields';

/** A team's own health metric, linked to the objective it serves (which must exist in the tenant). */
export const DefineKpiRequest = z.strictObject({
  kpiId: EntityId.optional(),
  name: NameText(MAX_KPI_NAME_LENGTH),
  unit: NameText(MAX_KPI_UNIT_LENGTH),
  targetType: z.enum(KPI_TARGET_TYPES),
  target: z.number(),
  period: z.enum(KPI_PERIODS),
  objectiveId: RootId,
  reason: Reason.optional(),
});
