/**
 * The one rule every trust figure of analytics passes (docs/privacy.md, "Analytics"):
 *
 * 1. The finest cell is one team's result in one round, for one instrument. It is shown only
 *    when its respondent count is at least the round's frozen threshold *and* the tenant's
 *    current one. Assessment already withholds a round below its own threshold (no results,
 *    not even a count); a round whose threshold was lower than the tenant's now is withheld here.
 * 2. Every aggregate (a unit, the organisation, a period, any filter) is computed from shown
 *    cells only, and a withheld cell contributes nothing to it — not its mean, not its count,
 *    not the fact that it exists. So the difference of any two aggregates is a combination of
 *    shown cells: no differencing (a unit minus all but one of its teams, a filter minus another)
 *    can recover a withheld cell.
 * 3. An aggregate is itself shown only when it rests on at least the threshold of answers.
 */
import type { InstrumentScores } from './assessment-facts';
import type { RoundRecord } from './records';

/** The default of DOMAIN.md and assessment (5) when a tenant never configured one. */
export const DEFAULT_ANONYMITY_THRESHOLD = 5;

/** The results of a round that may be shown under a tenant threshold; empty when none may. */
export function shownResults(round: Pick<RoundRecord, 'outcome' | 'results' | 'threshold'>, tenantThreshold: number): InstrumentScores[] {
  if (round.outcome !== 'results') return [];
  const floor = Math.max(round.threshold, tenantThreshold);
  return round.results.filter((result) => result.n >= floor);
}

/** Whether a round's zone placement may be shown: only when every one of its results may be. */
export function zoneShown(round: Pick<RoundRecord, 'outcome' | 'results' | 'threshold' | 'zone'>, tenantThreshold: number): boolean {
  return round.zone !== null && round.results.length > 0 && shownResults(round, tenantThreshold).length === round.results.length;
}

export interface Cell {
  /** The team whose round the cell is of: a team with two rounds in a period gives two cells, and counts once. */
  readonly teamId: string;
  readonly mean: number;
  readonly n: number;
}

/** A respondent-weighted mean of shown cells, or null when there are fewer answers than the threshold behind it. */
export function aggregateCells(cells: readonly Cell[], threshold: number): { mean: number; n: number; teams: number } | null {
  const n = cells.reduce((sum, cell) => sum + cell.n, 0);
  if (cells.length === 0 || n < threshold) return null;
  const mean = cells.reduce((sum, cell) => sum + cell.mean * cell.n, 0) / n;
  return { mean: Math.round(mean * 1000) / 1000, n, teams: new Set(cells.map((cell) => cell.teamId)).size };
}
