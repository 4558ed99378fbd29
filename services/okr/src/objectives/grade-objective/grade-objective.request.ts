import { z } from 'zod';
import { MAX_KEY_RESULTS, MAX_OVERRIDE_REASON_LENGTH } from '@leerzone/okr-domain';
import { FreeText } from '@leerzone/service-kit';
import { Reason } from '../../shared/okr-fields';
import { EntityId } from '../objective-fields';

/** Scores are computed from the values; an override replaces one, always with its reason. */
export const GradeObjectiveRequest = z.strictObject({
  overrides: z
    .array(z.strictObject({ keyResultId: EntityId, score: z.number().min(0).max(1), reason: FreeText(MAX_OVERRIDE_REASON_LENGTH) }))
    .max(MAX_KEY_RESULTS)
    .optional(),
  reason: Reason.optional(),
});
