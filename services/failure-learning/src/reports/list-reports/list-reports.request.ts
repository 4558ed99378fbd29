import { z } from 'zod';
import { FAILURE_KINDS, SEVERITIES } from '@leerzone/failure-learning-domain';
import { csv, PageQuery } from '@leerzone/service-kit';

export const ListReportsQuery = z.strictObject({
  kind: csv(z.enum([...FAILURE_KINDS, 'unclassified'])).optional(),
  severity: csv(z.enum(SEVERITIES)).optional(),
  /** Only reports flagged as repeating an earlier lesson. */
  repeats: z.enum(['true', 'false']).optional(),
  ...PageQuery,
});
