import { LOW_AGREEMENT_BELOW } from '../shared/assessment.constants';
import { mean } from './statistics';

/** σ²E = (A² − 1) / 12: the variance of answers spread uniformly over an A-point scale (the "no agreement" null). 4 for A = 7, 2 for A = 5. */
export const expectedUniformVariance = (points: number): number => (points * points - 1) / 12;

/**
 * Within-group agreement over J items (James, Demaree & Wolf 1984):
 *   rwg(j) = J(1 − s̄²/σ²E) / (J(1 − s̄²/σ²E) + s̄²/σ²E)
 * with s̄² the mean of the J observed item variances (sample variances, n − 1) and σ²E the
 * uniform null. When the observed variance reaches or exceeds the null (s̄² ≥ σ²E) the
 * formula leaves [0, 1]; by convention rwg(j) is then 0: no agreement. Null when any
 * item variance is unknown (fewer than two respondents).
 */
export function rwgJ(itemVariances: readonly (number | null)[], points: number): number | null {
  if (itemVariances.length === 0 || itemVariances.some((v) => v === null)) return null;
  const meanVariance = mean(itemVariances as number[]);
  const ratio = meanVariance / expectedUniformVariance(points);
  if (ratio >= 1) return 0;
  const j = itemVariances.length;
  return (j * (1 - ratio)) / (j * (1 - ratio) + ratio);
}

/** The team does not agree enough for its mean to speak for it. An unknown rwg is not flagged. */
export const isLowAgreement = (rwg: number | null): boolean => rwg !== null && rwg < LOW_AGREEMENT_BELOW;
