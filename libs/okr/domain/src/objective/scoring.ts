import type { Commitment } from './objective.model';
import type { KeyResultValue, Measure } from './measure.model';
import { progressOf } from './progress';

/**
 * Grading: every key result scores 0.0–1.0 in steps of 0.1, so the bands below cover
 * every score without gaps (0.0–0.3, 0.4–0.6, 0.7–1.0).
 */
export const SCORE_BANDS = [
  { band: 'low', from: 0.0, to: 0.3 },
  { band: 'middle', from: 0.4, to: 0.6 },
  { band: 'high', from: 0.7, to: 1.0 },
] as const;
export type ScoreBand = (typeof SCORE_BANDS)[number]['band'];

/** Committed key results are expected to reach 1.0; below it they miss. */
export const COMMITTED_EXPECTED_SCORE = 1.0;
/** An aspirational objective counts as achieved from the middle band up (0.6–0.7 is the aim). */
export const ASPIRATIONAL_ACHIEVED_FROM = 0.4;

/** To one decimal, half up; the epsilon keeps 0.35 computed as 0.34999… from rounding down. */
export const roundScore = (value: number): number => Math.round(Math.min(1, Math.max(0, value)) * 10 + 1e-9) / 10;

export const scoreBand = (score: number): ScoreBand => SCORE_BANDS.find((b) => score <= b.to + 1e-9)?.band ?? 'high';

export const isAchieved = (commitment: Commitment, score: number): boolean =>
  commitment === 'committed' ? score >= COMMITTED_EXPECTED_SCORE : score >= ASPIRATIONAL_ACHIEVED_FROM;

/**
 * A key result's score from its final value (null: never checked in → 0.0). Direction-aware
 * through `progressOf`: increase and decrease score the share of the way covered, a bound
 * scores 1 when held at the end and 0 when broken, a milestone 0 or 1, ordinal levels
 * 0.3 / 0.7 / 1.0.
 */
export const scoreOf = (measure: Measure, finalValue: KeyResultValue | null): number => (finalValue === null ? 0 : roundScore(progressOf(measure, finalValue)));

/** Weighted mean (0 when there is nothing to average). Weights default to equal, so the plain mean is the special case. */
export function weightedMean(parts: readonly { readonly value: number; readonly weight: number }[]): number {
  const total = parts.reduce((sum, p) => sum + p.weight, 0);
  return total === 0 ? 0 : parts.reduce((sum, p) => sum + p.value * p.weight, 0) / total;
}
