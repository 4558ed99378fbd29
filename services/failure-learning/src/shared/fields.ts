import { z } from 'zod';
import { MAX_COST_AMOUNT, MAX_TAG_LENGTH, MAX_TAGS, TAG_PATTERN } from '@leerzone/failure-learning-domain';
import { EntityId, RootId } from '@leerzone/service-kit';

/** Tags and areas: the domain's short slugs ("medication", "night-shift"), so the same failure is recognised across teams. */
export const Tag = z.string().max(MAX_TAG_LENGTH).regex(TAG_PATTERN, 'Use a short slug of lower-case letters, digits and hyphens, such as night-shift.');
export const Tags = z.array(Tag).max(MAX_TAGS);

/** A cost where one is known, in the currency's major unit. */
export const Cost = z.strictObject({
  amount: z.number().min(0).max(MAX_COST_AMOUNT),
  currency: z.string().regex(/^[A-Z]{3}$/, 'Use an ISO 4217 code such as EUR.'),
});

export const TeamIdParam = z.strictObject({ teamId: RootId });
export const ReportIdParam = z.strictObject({ reportId: RootId });
export const ReportActionParams = z.strictObject({ reportId: RootId, actionId: EntityId });
export const CaseIdParam = z.strictObject({ caseId: RootId });
export const TeamReviewParams = z.strictObject({ teamId: RootId, reviewId: EntityId });
