import { z } from 'zod';
import { MAX_RESPONDENTS_PER_ROUND } from '@leerzone/assessment-domain';
import { EntityId, Reason } from '../../shared/assessment-fields';

export const AddRespondentsRequest = z.strictObject({
  /** Members who joined the team after the round opened; each must be a current member now. */
  memberIds: z.array(EntityId).min(1).max(MAX_RESPONDENTS_PER_ROUND),
  reason: Reason.optional(),
});
