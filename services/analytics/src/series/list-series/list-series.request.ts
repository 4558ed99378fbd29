import { z } from 'zod';
import { periodKind, scopeQuery } from '../../shared/analytics-query';

export const ListSeriesQuery = z.strictObject({
  by: periodKind.default('month'),
  unit: scopeQuery.unit,
  team: scopeQuery.team,
  phase: scopeQuery.phase,
  /** First period: the one holding this instant (required). */
  from: scopeQuery.from.unwrap(),
  /** Last period: the one holding this instant (default: now). */
  to: scopeQuery.to,
});
