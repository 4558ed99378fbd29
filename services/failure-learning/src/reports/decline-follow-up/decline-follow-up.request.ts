import { z } from 'zod';
import { MAX_REASON_LENGTH } from '@leerzone/failure-learning-domain';
import { ReasonText } from '@leerzone/service-kit';

/** "Not doing" needs a reason (here or in X-Reason). */
export const DeclineFollowUpRequest = z.strictObject({ reason: ReasonText(MAX_REASON_LENGTH).optional() });
