import { z } from 'zod';
import { CASE_OUTCOMES, MAX_REASON_LENGTH } from '@leerzone/failure-learning-domain';
import { ReasonText } from '@leerzone/service-kit';

export const CloseCaseRequest = z.strictObject({ outcome: z.enum(CASE_OUTCOMES), reason: ReasonText(MAX_REASON_LENGTH).optional() });
