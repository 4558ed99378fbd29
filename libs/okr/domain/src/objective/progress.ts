import type { Rejection } from '@leerzone/kernel';
import { reject } from '@leerzone/kernel';
import type { KeyResultValue, Measure, OrdinalReached } from './measure.model';

/** What an ordinal level is worth as progress and as a score. */
export const ORDINAL_SCORES: Readonly<Record<OrdinalReached, number>> = { none: 0, commit: 0.3, target: 0.7, stretch: 1.0 };

export const KEY_RESULT_STATUSES = ['at-risk', 'behind', 'on-track'] as const;
/** Ordered weakest first: an objective takes the weakest status of its key results. */
export type KeyResultStatus = (typeof KEY_RESULT_STATUSES)[number];

/**
 * When a check-in counts as behind or at risk. Configurable per tenant: the service passes
 * the tenant's thresholds with every check-in, and the event records the ones applied.
 * Attainment is progress made divided by progress expected by now (1 = exactly on the line).
 */
export interface StatusThresholds {
  /** Behind when attainment is below this. */
  readonly behindBelow: number;
  /** At risk when attainment is below this… */
  readonly atRiskBelow: number;
  /** …or when the team's confidence is at most this (0–10). */
  readonly atRiskConfidenceAtMost: number;
}
export const DEFAULT_STATUS_THRESHOLDS: StatusThresholds = { behindBelow: 0.95, atRiskBelow: 0.75, atRiskConfidenceAtMost: 3 };

export const MIN_CONFIDENCE = 0;
export const MAX_CONFIDENCE = 10;

/** Attainment is kept to six decimals, so a value exactly on a threshold is not pushed below it by floating point. */
const round6 = (value: number): number => Math.round(value * 1e6) / 1e6;

/**
 * Progress of a value, where 0 is the start and 1 the target. Numeric progress is not
 * clamped (a value that went backwards is negative); a bound that must be held (stay at
 * least / at most) is held (1) or broken (0).
 */
export function progressOf(measure: Measure, value: KeyResultValue): number {
  switch (measure.kind) {
    case 'numeric':
    case 'percentage': {
      const v = value as number;
      switch (measure.direction) {
        case 'increase-to':
        case 'decrease-to':
          return (v - measure.start) / (measure.target - measure.start);
        case 'stay-at-least':
          return v >= measure.target ? 1 : 0;
        case 'stay-at-most':
          return v <= measure.target ? 1 : 0;
        default:
          return measure.direction satisfies never;
      }
    }
    case 'milestone':
      return value === true ? 1 : 0;
    case 'ordinal':
      return ORDINAL_SCORES[value as OrdinalReached];
    default:
      return measure satisfies never;
  }
}

/**
 * The expected line, as progress: it runs from the start (0) at the cycle's first instant
 * to the target at its end. A bound must hold all cycle long (1 from the start); a
 * milestone is due at the end; an ordinal result's line runs up to its target level.
 */
export function expectedProgress(measure: Measure, elapsed: number): number {
  switch (measure.kind) {
    case 'numeric':
    case 'percentage':
      return measure.direction === 'increase-to' || measure.direction === 'decrease-to' ? elapsed : 1;
    case 'milestone':
      return elapsed >= 1 ? 1 : 0;
    case 'ordinal':
      return elapsed * ORDINAL_SCORES.target;
    default:
      return measure satisfies never;
  }
}

/** The expected line in the key result's own unit, for numeric and percentage results (null for the others). */
export function expectedValue(measure: Measure, elapsed: number): number | null {
  if (measure.kind !== 'numeric' && measure.kind !== 'percentage') return null;
  if (measure.direction === 'stay-at-least' || measure.direction === 'stay-at-most') return measure.target;
  return round6(measure.start + (measure.target - measure.start) * elapsed);
}

export interface CheckInAssessment {
  readonly status: KeyResultStatus;
  /** Progress divided by expected progress; 1 when nothing was expected yet. */
  readonly attainment: number;
  readonly expectedValue: number | null;
}

export function assessCheckIn(measure: Measure, value: KeyResultValue, confidence: number, elapsed: number, thresholds: StatusThresholds): CheckInAssessment {
  const expected = expectedProgress(measure, elapsed);
  const attainment = expected <= 0 ? 1 : round6(progressOf(measure, value) / expected);
  const status: KeyResultStatus =
    attainment < thresholds.atRiskBelow || confidence <= thresholds.atRiskConfidenceAtMost ? 'at-risk' : attainment < thresholds.behindBelow ? 'behind' : 'on-track';
  return { status, attainment, expectedValue: expectedValue(measure, elapsed) };
}

/** The weakest of some statuses; null when there are none. */
export function weakestStatus(statuses: readonly KeyResultStatus[]): KeyResultStatus | null {
  if (statuses.length === 0) return null;
  return KEY_RESULT_STATUSES.find((status) => statuses.includes(status)) ?? null;
}

export function validateThresholds(input: unknown): StatusThresholds | Rejection {
  const t = (input ?? {}) as Partial<Record<keyof StatusThresholds, unknown>>;
  const fraction = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v > 0 && v <= 1;
  if (!fraction(t.behindBelow) || !fraction(t.atRiskBelow) || t.atRiskBelow > t.behindBelow) {
    return reject('invalid', 'OKR.THRESHOLDS_INVALID', 'Status thresholds are fractions of the expected line, 0 to 1, with at-risk at or below behind (default 0.95 and 0.75).', {
      field: 'thresholds',
    });
  }
  const c = t.atRiskConfidenceAtMost;
  if (typeof c !== 'number' || !Number.isInteger(c) || c < MIN_CONFIDENCE || c > MAX_CONFIDENCE) {
    return reject('invalid', 'OKR.THRESHOLDS_INVALID', `The at-risk confidence is a whole number from ${MIN_CONFIDENCE} to ${MAX_CONFIDENCE} (default 3).`, {
      field: 'thresholds.atRiskConfidenceAtMost',
    });
  }
  return { behindBelow: t.behindBelow, atRiskBelow: t.atRiskBelow, atRiskConfidenceAtMost: c };
}
