import { z } from 'zod';
import { MAX_REFLECTION_WEEKS, MIN_REFLECTION_WEEKS } from '@leerzone/failure-learning-domain';
import { IsoDate } from '@leerzone/service-kit';

export const SetReflectionCadenceRequest = z.strictObject({
  everyWeeks: z.number().int().min(MIN_REFLECTION_WEEKS).max(MAX_REFLECTION_WEEKS),
  /** The first fixed moment; the next follow every `everyWeeks` weeks. */
  startsOn: IsoDate,
});
