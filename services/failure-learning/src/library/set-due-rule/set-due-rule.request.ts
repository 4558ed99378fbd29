import { z } from 'zod';
import { MAX_FOLLOW_UP_DUE_DAYS, MAX_REASON_LENGTH } from '@leerzone/failure-learning-domain';
import { ReasonText } from '@leerzone/service-kit';

const Days = z.number().int().min(1).max(MAX_FOLLOW_UP_DUE_DAYS);

export const SetDueRuleRequest = z.strictObject({
  /** Days from planning to due date, per severity of the report. */
  rule: z.strictObject({ high: Days, medium: Days, low: Days }),
  reason: ReasonText(MAX_REASON_LENGTH).optional(),
});
