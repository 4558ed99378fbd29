import { z } from 'zod';
import { csv, PageQuery } from '../../shared/query-params';
import { Slug } from '../../shared/request-fields';

export const ListDecisionsQuery = z.strictObject({
  status: csv(z.enum(['recorded', 'escalated'])).optional(),
  area: csv(Slug).optional(),
  ...PageQuery,
});
