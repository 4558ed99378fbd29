import { z } from 'zod';
import { isIsoDate } from '@leerzone/governance-domain';
import { EntityId, Reason, RootId } from '../../shared/governance-fields';

export const ReviewSubjectParams = z.strictObject({ teamId: RootId, kind: z.enum(['boundary', 'principle', 'delegation']), subjectId: EntityId });

/** YYYY-MM-DD; the domain refuses a date before today. */
export const ReviewDate = z.string().refine(isIsoDate, 'Use a calendar date: YYYY-MM-DD.');

export const SetReviewDateRequest = z.strictObject({
  /** The date by which it is looked at again; null clears it. */
  reviewBy: ReviewDate.nullable(),
  /** Why; required. */
  reason: Reason.optional(),
});
