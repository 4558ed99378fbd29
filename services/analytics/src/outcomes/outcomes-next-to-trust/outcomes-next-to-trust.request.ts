import { z } from 'zod';
import { OUTCOME_PERIOD } from '@leerzone/analytics-domain';
import { scopeQuery } from '../../shared/analytics-query';

export const OutcomesNextToTrustQuery = z.strictObject({
  /** The outcome period (`2026-03` or `2026-Q1`). */
  period: z.string().regex(OUTCOME_PERIOD, 'a month (2026-03) or a quarter (2026-Q1)'),
  unit: scopeQuery.unit,
  phase: scopeQuery.phase,
});
