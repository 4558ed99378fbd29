import { z } from 'zod';
import { MAX_OUTCOME_ROWS } from '@leerzone/analytics-domain';

/** A retried upload with the same import id records nothing the second time. */
const importId = z.uuid().optional();

export const ImportOutcomesRequest = z.strictObject({
  importId,
  /** `{ teamId, period, engagement?, absenteeismRate?, innovativeIdeas?, projectLeadTimeDays? }` each; checked row by row. */
  rows: z.array(z.unknown()).max(MAX_OUTCOME_ROWS),
});

export const ImportOutcomesCsvRequest = z.strictObject({
  importId,
  /** The CSV file's text: a header line naming the columns, then one row per team and period. */
  csv: z.string().min(1).max(900_000),
});
