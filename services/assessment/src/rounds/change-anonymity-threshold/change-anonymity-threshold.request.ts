import { z } from 'zod';
import { MAX_RESPONDENTS_PER_ROUND, MIN_ANONYMITY_THRESHOLD } from '@leerzone/assessment-domain';
import { Reason } from '../../shared/assessment-fields';

export const ChangeAnonymityThresholdRequest = z.strictObject({
  threshold: z.number().int().min(MIN_ANONYMITY_THRESHOLD).max(MAX_RESPONDENTS_PER_ROUND),
  reason: Reason.optional(),
});
