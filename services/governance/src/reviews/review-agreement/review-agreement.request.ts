import { z } from 'zod';
import { MAX_PRINCIPLE_RULE_LENGTH, MAX_PRINCIPLE_VALUE_LENGTH } from '@leerzone/governance-domain';
import { FreeText, NameText } from '@leerzone/service-kit';
import { BoundaryBody, Reason } from '../../shared/governance-fields';
import { ReviewDate } from '../set-review-date/set-review-date.request';

export const ReviewAgreementRequest = z.strictObject({
  /** kept: as it is; changed: give the new value; dropped: removed (a delegated area goes back to 1 Tell). */
  outcome: z.enum(['kept', 'changed', 'dropped']),
  /** The next review date (not for dropped). */
  nextReviewBy: ReviewDate.nullable().optional(),
  /** changed boundary: the new boundary (same id, same kind). */
  boundary: BoundaryBody.optional(),
  /** changed delegation: the new level. */
  level: z.number().int().min(1).max(7).optional(),
  /** changed principle: the new rule (and value). */
  rule: FreeText(MAX_PRINCIPLE_RULE_LENGTH).optional(),
  value: NameText(MAX_PRINCIPLE_VALUE_LENGTH).optional(),
  /** Why; required. */
  reason: Reason.optional(),
});
