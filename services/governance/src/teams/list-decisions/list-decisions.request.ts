import { z } from 'zod';
import { csv, PageQuery } from '@leerzone/service-kit';
import { Slug } from '../../shared/governance-fields';

export const ListDecisionsQuery = z.strictObject({
  status: csv(z.enum(['recorded', 'escalated', 'approved', 'declined'])).optional(),
  area: csv(Slug).optional(),
  ...PageQuery,
});
