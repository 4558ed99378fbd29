import { z } from 'zod';
import { MAX_CYCLE_NAME_LENGTH } from '@leerzone/okr-domain';
import { NameText } from '@leerzone/service-kit';
import { IsoDate, Reason } from '../../shared/okr-fields';

/** No dates: the next calendar quarter. `quarter` (2026-Q3), or `startsOn` (one quarter long), or both dates. */
export const PlanCycleRequest = z.strictObject({
  cycleId: z.uuid().optional(),
  name: NameText(MAX_CYCLE_NAME_LENGTH).optional(),
  quarter: z.string().regex(/^\d{4}-Q[1-4]$/, 'Use a quarter such as 2026-Q3.').optional(),
  startsOn: IsoDate.optional(),
  endsOn: IsoDate.optional(),
  reason: Reason.optional(),
});
