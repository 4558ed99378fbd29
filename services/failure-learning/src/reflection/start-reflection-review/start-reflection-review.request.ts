import { z } from 'zod';
import { EntityId } from '@leerzone/service-kit';

export const StartReflectionReviewRequest = z.strictObject({ reviewId: EntityId.optional() });
