import type { Rejection } from '@leerzone/kernel';
import { isRejection, reject, requiredText } from '@leerzone/kernel';
import { finiteNumber, oneOf } from '../shared/validation';

/**
 * How a key result is measured. Numeric and percentage results run from a start to a
 * target in a direction; milestones are done or not; ordinal results name three levels.
 */
export const DIRECTIONS = ['increase-to', 'decrease-to', 'stay-at-least', 'stay-at-most'] as const;
export type Direction = (typeof DIRECTIONS)[number];

export const MEASURE_KINDS = ['numeric', 'percentage', 'milestone', 'ordinal'] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

/** The levels of an ordinal key result, from the one the team commits to up to the stretch. */
export const ORDINAL_LEVELS = ['commit', 'target', 'stretch'] as const;
export type OrdinalLevel = (typeof ORDINAL_LEVELS)[number];
/** What a check-in on an ordinal key result reports: the highest level reached, or none yet. */
export type OrdinalReached = 'none' | OrdinalLevel;
export const ORDINAL_REACHED: readonly OrdinalReached[] = ['none', ...ORDINAL_LEVELS];

export const MAX_UNIT_LENGTH = 40;
export const MAX_LEVEL_DESCRIPTION_LENGTH = 500;

export interface NumericMeasure {
  readonly kind: 'numeric';
  readonly start: number;
  readonly target: number;
  readonly unit: string;
  readonly direction: Direction;
}
/** A numeric measure in percent: start, target and every value lie within 0–100. */
export interface PercentageMeasure {
  readonly kind: 'percentage';
  readonly start: number;
  readonly target: number;
  readonly direction: Direction;
}
export interface MilestoneMeasure {
  readonly kind: 'milestone';
}
export interface OrdinalMeasure {
  readonly kind: 'ordinal';
  readonly levels: Readonly<Record<OrdinalLevel, string>>;
}
export type Measure = NumericMeasure | PercentageMeasure | MilestoneMeasure | OrdinalMeasure;
export type ScaleMeasure = NumericMeasure | PercentageMeasure;

/** A check-in's value: a number for numeric and percentage, done or not for a milestone, the level reached for an ordinal. */
export type KeyResultValue = number | boolean | OrdinalReached;

const CODE = 'OKR.MEASURE_INVALID';

function validateScale(raw: Record<string, unknown>, field: string, percentage: boolean): Pick<ScaleMeasure, 'start' | 'target' | 'direction'> | Rejection {
  const direction = oneOf(raw['direction'], DIRECTIONS, `${field}.direction`, CODE, 'The direction');
  if (isRejection(direction)) return direction;
  const start = finiteNumber(raw['start'], `${field}.start`, CODE, 'The start value');
  if (isRejection(start)) return start;
  const target = finiteNumber(raw['target'], `${field}.target`, CODE, 'The target');
  if (isRejection(target)) return target;
  for (const [name, value] of [['start', start], ['target', target]] as const) {
    if (percentage && (value < 0 || value > 100)) {
      return reject('invalid', CODE, `A percentage lies between 0 and 100 (the ${name} is ${value}).`, { field: `${field}.${name}` });
    }
  }
  if (direction === 'increase-to' && target <= start) {
    return reject('invalid', CODE, `To increase to ${target}, the target must be above the start (${start}).`, { field: `${field}.target` });
  }
  if (direction === 'decrease-to' && target >= start) {
    return reject('invalid', CODE, `To decrease to ${target}, the target must be below the start (${start}).`, { field: `${field}.target` });
  }
  return { start, target, direction };
}

/** Validates a measure as it arrives from a caller; `field` is its path in the command. */
export function validateMeasure(input: unknown, field: string): Measure | Rejection {
  if (typeof input !== 'object' || input === null) {
    return reject('invalid', CODE, `A key result needs a measure with a kind: ${MEASURE_KINDS.join(', ')}.`, { field });
  }
  const raw = input as Record<string, unknown>;
  const kind = oneOf(raw['kind'], MEASURE_KINDS, `${field}.kind`, CODE, 'The kind of measure');
  if (isRejection(kind)) return kind;
  switch (kind) {
    case 'numeric': {
      const scale = validateScale(raw, field, false);
      if (isRejection(scale)) return scale;
      const unit = requiredText(raw['unit'], { field: `${field}.unit`, code: CODE, label: 'the unit', max: MAX_UNIT_LENGTH });
      if (isRejection(unit)) return unit;
      return { kind, start: scale.start, target: scale.target, unit, direction: scale.direction };
    }
    case 'percentage': {
      const scale = validateScale(raw, field, true);
      return isRejection(scale) ? scale : { kind, ...scale };
    }
    case 'milestone':
      return { kind };
    case 'ordinal': {
      const levels = raw['levels'];
      if (typeof levels !== 'object' || levels === null) {
        return reject('invalid', CODE, 'An ordinal key result describes its three levels: commit, target and stretch.', { field: `${field}.levels` });
      }
      const described: Partial<Record<OrdinalLevel, string>> = {};
      for (const level of ORDINAL_LEVELS) {
        const text = requiredText((levels as Record<string, unknown>)[level], {
          field: `${field}.levels.${level}`,
          code: CODE,
          label: `the ${level} level`,
          max: MAX_LEVEL_DESCRIPTION_LENGTH,
        });
        if (isRejection(text)) return text;
        described[level] = text;
      }
      return { kind, levels: described as Record<OrdinalLevel, string> };
    }
  }
}

/** Validates a check-in value against the key result's measure. */
export function validateValue(measure: Measure, value: unknown, field: string): KeyResultValue | Rejection {
  switch (measure.kind) {
    case 'numeric':
    case 'percentage': {
      const number = finiteNumber(value, field, 'OKR.VALUE_INVALID', 'The value of this key result');
      if (isRejection(number)) return number;
      if (measure.kind === 'percentage' && (number < 0 || number > 100)) {
        return reject('invalid', 'OKR.VALUE_INVALID', `A percentage lies between 0 and 100 (got ${number}).`, { field });
      }
      return number;
    }
    case 'milestone':
      if (typeof value !== 'boolean') return reject('invalid', 'OKR.VALUE_INVALID', 'A milestone is done (true) or not done (false).', { field });
      return value;
    case 'ordinal':
      return oneOf(value, ORDINAL_REACHED, field, 'OKR.VALUE_INVALID', 'The level reached');
    default:
      return measure satisfies never;
  }
}

/** Whether a value recorded against one measure can be read against another (same kind of value). */
export const valueFits = (measure: Measure, value: KeyResultValue): boolean => !isRejection(validateValue(measure, value, 'value'));
