import { z } from 'zod';
import { MAX_ACTION_DESCRIPTION_LENGTH } from '@leerzone/failure-learning-domain';
import { EntityId, FreeText, RootId } from '@leerzone/service-kit';

export const PlanFollowUpRequest = z.strictObject({
  actionId: EntityId.optional(),
  description: FreeText(MAX_ACTION_DESCRIPTION_LENGTH),
  /** The team that will do it; defaults to the report's team. */
  ownerTeamId: RootId.optional(),
});
