import { z } from 'zod';
import { MAX_ACTION_DESCRIPTION_LENGTH } from '@leerzone/failure-learning-domain';
import { FreeText } from '@leerzone/service-kit';

export const CompleteFollowUpRequest = z.strictObject({ note: FreeText(MAX_ACTION_DESCRIPTION_LENGTH).optional() });
