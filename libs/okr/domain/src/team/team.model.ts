/** A KPI's target type: the same four directions a numeric key result has. */
export const KPI_TARGET_TYPES = ['stay-at-least', 'stay-at-most', 'increase-to', 'decrease-to'] as const;
export type KpiTargetType = (typeof KPI_TARGET_TYPES)[number];

/** The period a KPI's value is measured over; values are keyed by it (`periodKey`). */
export const KPI_PERIODS = ['month', 'quarter', 'year'] as const;
export type KpiPeriod = (typeof KPI_PERIODS)[number];

/** How often a team checks in on its key results, in days, unless it sets its own cadence. */
export const DEFAULT_CHECK_IN_CADENCE_DAYS = 7;
export const MIN_CHECK_IN_CADENCE_DAYS = 1;
export const MAX_CHECK_IN_CADENCE_DAYS = 31;

export const MAX_KPI_NAME_LENGTH = 120;
export const MAX_KPI_UNIT_LENGTH = 40;

export interface KpiDefinition {
  readonly name: string;
  readonly unit: string;
  readonly targetType: KpiTargetType;
  readonly target: number;
  readonly period: KpiPeriod;
}
