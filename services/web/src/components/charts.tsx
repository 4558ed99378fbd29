import { linePath, trendPoints, zonePlane, type Zone } from '../lib/charts';
import { useApp } from './app-context';

export interface ZoneChartPoint {
  readonly safety: number;
  readonly standards: number;
  readonly at: string;
  readonly zone: string;
}

const ZONES: readonly Zone[] = ['learning', 'comfort', 'anxiety', 'apathy'];

/** The four zones (safety × standards) with the team's path through them, newest point ringed. */
export function ZoneChart({ points, thresholds }: { readonly points: readonly ZoneChartPoint[]; readonly thresholds: { safetyHighFrom: number; standardsHighFrom: number } }) {
  const { t } = useApp();
  const box = { width: 340, height: 340, padding: 36 };
  const plane = zonePlane(box, thresholds);
  const placed = points.map((point) => plane.place(point));
  const last = placed[placed.length - 1];
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${box.width} ${box.height}`} role="img" aria-label={t('chart.zoneLabel', { n: points.length })} data-testid="zone-chart">
        {ZONES.map((zone) => {
          const q = plane.quadrants[zone];
          return (
            <g key={zone}>
              <rect x={q.x} y={q.y} width={q.width} height={q.height} className={`zone-fill zone-${zone}`} />
              <text x={q.x + 6} y={q.y + 16} className="chart-label">{t(`zone.${zone}`)}</text>
            </g>
          );
        })}
        <text x={box.width / 2} y={box.height - 8} textAnchor="middle" className="chart-axis">{t('chart.safetyAxis')}</text>
        <text x={12} y={box.height / 2} textAnchor="middle" className="chart-axis" transform={`rotate(-90 12 ${box.height / 2})`}>{t('chart.standardsAxis')}</text>
        <path d={linePath(placed)} className="chart-line" fill="none" />
        {placed.map((p, index) => <circle key={index} cx={p.x} cy={p.y} r={4} className="chart-point" />)}
        {last ? <circle cx={last.x} cy={last.y} r={8} className="chart-ring" fill="none" /> : null}
      </svg>
    </figure>
  );
}

export interface TrendPoint {
  readonly value: number;
  readonly n: number;
  readonly at: string;
}

/** A trend on a fixed scale, each point with its respondent count. */
export function TrendChart({ title, points, domain, testId }: { readonly title: string; readonly points: readonly TrendPoint[]; readonly domain: readonly [number, number]; readonly testId: string }) {
  const { t } = useApp();
  const box = { width: 360, height: 160, padding: 28 };
  const placed = trendPoints(points.map((p) => p.value), box, domain);
  return (
    <figure className="chart">
      <figcaption>{title}</figcaption>
      <svg viewBox={`0 0 ${box.width} ${box.height}`} role="img" aria-label={t('chart.trendLabel', { title, n: points.length })} data-testid={testId}>
        <line x1={box.padding} x2={box.width - box.padding} y1={box.height - box.padding} y2={box.height - box.padding} className="chart-axis-line" />
        <text x={4} y={box.padding} className="chart-axis">{domain[1]}</text>
        <text x={4} y={box.height - box.padding} className="chart-axis">{domain[0]}</text>
        <path d={linePath(placed)} className="chart-line" fill="none" />
        {placed.map((p, index) => (
          <g key={index}>
            <circle cx={p.x} cy={p.y} r={4} className="chart-point" />
            <text x={p.x} y={p.y - 10} textAnchor="middle" className="chart-label">{points[index]!.value.toFixed(1)} (n={points[index]!.n})</text>
          </g>
        ))}
      </svg>
    </figure>
  );
}
