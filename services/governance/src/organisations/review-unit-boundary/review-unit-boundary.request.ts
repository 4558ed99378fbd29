import { z } from 'zod';
import { BoundaryBody, Reason } from '../../shared/governance-fields';
import { ReviewDate } from '../../reviews/set-review-date/set-review-date.request';

export const SetUnitBoundaryReviewDateRequest = z.strictObject({
  /** The date by which it is looked at again; null clears it. */
  reviewBy: ReviewDate.nullable(),
  reason: Reason.optional(),
});

export const ReviewUnitBoundaryRequest = z.strictObject({
  /** kept: as it is; changed: give the new boundary (never wider than the ancestors'); dropped: removed. */
  outcome: z.enum(['kept', 'changed', 'dropped']),
  nextReviewBy: ReviewDate.nullable().optional(),
  boundary: BoundaryBody.optional(),
  reason: Reason.optional(),
});
