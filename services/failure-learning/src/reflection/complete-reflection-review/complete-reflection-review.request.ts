import { z } from 'zod';
import { MAX_TAKEAWAYS } from '@leerzone/failure-learning-domain';
import { FreeText } from '@leerzone/service-kit';

/** What the team will do differently. (The domain caps a takeaway at 1000 characters.) */
export const CompleteReflectionReviewRequest = z.strictObject({ takeaways: z.array(FreeText(1000)).min(1).max(MAX_TAKEAWAYS) });
