/** Descriptive statistics for team results. Plain functions over numbers, no rounding. */

export function mean(values: readonly number[]): number {
  if (values.length === 0) throw new Error('The mean of no values is undefined.');
  return values.reduce((sum, x) => sum + x, 0) / values.length;
}

/**
 * The sample variance, Σ(x − x̄)² / (n − 1): the estimate James, Demaree & Wolf's rwg uses
 * in practice, and the one behind every SD Leerzone reports. Null below two values.
 */
export function sampleVariance(values: readonly number[]): number | null {
  if (values.length < 2) return null;
  const m = mean(values);
  return values.reduce((sum, x) => sum + (x - m) ** 2, 0) / (values.length - 1);
}

export function sampleSd(values: readonly number[]): number | null {
  const variance = sampleVariance(values);
  return variance === null ? null : Math.sqrt(variance);
}

export const roundTo = (value: number, decimals: number): number => {
  const factor = 10 ** decimals;
  const rounded = Math.round(value * factor) / factor;
  return rounded === 0 ? 0 : rounded;
};
