import type { KpiTargetType } from './team.model';
import type { KpiState, KpiValue, OkrTeamState } from './team.state';

/** Whether a value meets a KPI's target, read in its target type's direction. */
export function meetsKpiTarget(targetType: KpiTargetType, target: number, value: number): boolean {
  switch (targetType) {
    case 'stay-at-least':
    case 'increase-to':
      return value >= target;
    case 'stay-at-most':
    case 'decrease-to':
      return value <= target;
    default:
      return targetType satisfies never;
  }
}

export interface KpiView {
  readonly kpiId: string;
  readonly name: string;
  readonly unit: string;
  readonly targetType: KpiTargetType;
  readonly target: number;
  readonly objectiveId: string;
  /** One value per period, oldest first: the latest measurement within each period counts. */
  readonly series: readonly KpiValue[];
  readonly latest: KpiValue | null;
  readonly meetsTarget: boolean | null;
}

const seriesOf = (kpi: KpiState): readonly KpiValue[] => {
  const byPeriod = new Map<string, KpiValue>();
  for (const v of kpi.values) {
    const current = byPeriod.get(v.period);
    if (!current || v.measuredOn >= current.measuredOn) byPeriod.set(v.period, v);
  }
  return [...byPeriod.values()].sort((a, b) => a.period.localeCompare(b.period));
};

/** The team's active KPIs with their values over time. */
export function kpiViews(state: OkrTeamState): readonly KpiView[] {
  return [...state.kpis.values()]
    .filter((k) => !k.retired)
    .map((kpi) => {
      const series = seriesOf(kpi);
      const latest = series.at(-1) ?? null;
      const { name, unit, targetType, target } = kpi.definition;
      return { kpiId: kpi.kpiId, name, unit, targetType, target, objectiveId: kpi.objectiveId, series, latest, meetsTarget: latest && meetsKpiTarget(targetType, target, latest.value) };
    });
}
