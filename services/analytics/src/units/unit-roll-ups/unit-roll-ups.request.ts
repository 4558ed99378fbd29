import { z } from 'zod';
import { scopeQuery } from '../../shared/analytics-query';

export const UnitRollUpsQuery = z.strictObject({
  unit: scopeQuery.unit,
  phase: scopeQuery.phase,
  from: scopeQuery.from,
  to: scopeQuery.to,
});
