import { z } from 'zod';
import { MAX_CHECK_IN_CADENCE_DAYS, MIN_CHECK_IN_CADENCE_DAYS } from '@leerzone/okr-domain';
import { Reason } from '../../shared/okr-fields';

export const SetCadenceRequest = z.strictObject({ everyDays: z.number().int().min(MIN_CHECK_IN_CADENCE_DAYS).max(MAX_CHECK_IN_CADENCE_DAYS), reason: Reason.optional() });
