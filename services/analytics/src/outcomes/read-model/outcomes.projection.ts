import { OUTCOME_MEASURES, type OutcomesImported, type OutcomeRow } from '@leerzone/analytics-domain';
import { defineProjection } from '@leerzone/projections';

export const OUTCOMES_PROJECTION = 'analytics.outcomes';

export interface OutcomeRecord {
  readonly tenantId: string;
  readonly teamId: string;
  readonly period: string;
  readonly engagement: number | null;
  readonly absenteeismRate: number | null;
  readonly innovativeIdeas: number | null;
  readonly projectLeadTimeDays: number | null;
  /** The import that last set a measure of this team and period. */
  readonly importId: string;
  readonly importedAt: string;
}

export type OutcomeDocument = OutcomeRecord & { _id: string; [key: string]: unknown };

export const outcomeId = (tenantId: string, teamId: string, period: string): string => `${tenantId}/${teamId}/${period}`;

/**
 * One document per team and period, from analytics' own outcome stream (run by the process's
 * projection runner over its own store). A later import sets the measures it gives and keeps
 * the others.
 */
export const outcomesProjection = defineProjection({
  name: OUTCOMES_PROJECTION,
  version: 1,
  collections: { outcomes: { indexes: [{ keys: { tenantId: 1, period: 1 } }, { keys: { tenantId: 1, teamId: 1 } }] } },
  handles: ['OutcomesImported'],
  apply(event, write) {
    const { importId, importedAt, rows } = (event as unknown as { data: OutcomesImported['data'] }).data;
    const outcomes = write.collection<OutcomeDocument>('outcomes');
    for (const row of rows as readonly OutcomeRow[]) {
      const given = Object.fromEntries(OUTCOME_MEASURES.filter((m) => row[m] !== null).map((m) => [m, row[m]]));
      const missing = Object.fromEntries(OUTCOME_MEASURES.filter((m) => row[m] === null).map((m) => [m, null]));
      outcomes.upsert(outcomeId(event.tenantId, row.teamId, row.period), {
        $set: { tenantId: event.tenantId, teamId: row.teamId, period: row.period, importId, importedAt, ...given },
        ...(Object.keys(missing).length > 0 ? { $setOnInsert: missing } : {}),
      });
    }
  },
});
