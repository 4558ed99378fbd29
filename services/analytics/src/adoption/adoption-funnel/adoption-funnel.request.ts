import { z } from 'zod';
import { periodKind, scopeQuery } from '../../shared/analytics-query';

export const AdoptionFunnelQuery = z.strictObject({
  by: periodKind.default('month'),
  unit: scopeQuery.unit,
  from: scopeQuery.from.unwrap(),
  to: scopeQuery.to,
});
