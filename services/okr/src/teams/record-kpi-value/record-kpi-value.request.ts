import { z } from 'zod';
import { IsoDate, Reason } from '../../shared/okr-fields';

/** `measuredOn`: the date measured (not after today); the value counts for the KPI's period of that date. */
export const RecordKpiValueRequest = z.strictObject({ value: z.number(), measuredOn: IsoDate, reason: Reason.optional() });
