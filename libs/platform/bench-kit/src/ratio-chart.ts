import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** A tracked result file's rows, as `publishBench` writes them. */
interface ResultFile {
  readonly part: string;
  readonly measuredAt: string;
  readonly rows: readonly { readonly scenario: string; readonly summary: { readonly ratio: number } }[];
}

/** Issue 19's target for a scenario (its ratio against the raw baseline of the same run), by part and scenario prefix. */
export const RATIO_TARGETS: readonly { readonly part: string; readonly scenario: string; readonly target: number }[] = [
  { part: 'event-store-sqlite', scenario: '1 event per command', target: 3 },
  { part: 'event-store-sqlite', scenario: '10 events per append', target: 0.7 },
  { part: 'event-store-sqlite', scenario: '100 events per append', target: 0.7 },
  { part: 'event-store-postgres', scenario: '', target: 0.7 },
  { part: 'kafka-relay', scenario: 'relay vs raw kafkajs', target: 0.9 },
  { part: 'projection-rebuild', scenario: 'in memory', target: 0.5 },
  { part: 'projection-rebuild', scenario: 'FerretDB 1.24 (SQLite backend): rebuild vs raw driver bulk writes', target: 0.5 },
  { part: 'standalone-http', scenario: 'list 50 teams', target: 0.3 },
  { part: 'standalone-http', scenario: 'analytics team overview', target: 0.3 },
];

export const targetFor = (part: string, scenario: string): number | undefined => RATIO_TARGETS.find((t) => t.part === part && scenario.startsWith(t.scenario))?.target;

const escape = (text: string): string => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Bars end at this ratio; larger ones are drawn to the edge with their figure. */
const SCALE_MAX = 1.5;

/**
 * One horizontal bar per scenario that has a target: its ratio in the last tracked run, a
 * mark at the target, green when met. Plain SVG (no dependency), readable in the docs.
 */
export function ratioChartSvg(files: readonly ResultFile[]): string {
  const bars = files.flatMap((file) =>
    file.rows.flatMap((row) => {
      const target = targetFor(file.part, row.scenario);
      return target === undefined ? [] : [{ label: `${file.part}: ${row.scenario}`, ratio: row.summary.ratio, target }];
    }),
  );
  const labelWidth = 560;
  const plotWidth = 360;
  const rowHeight = 26;
  const top = 40;
  const height = top + bars.length * rowHeight + 30;
  const x = (ratio: number): number => labelWidth + (Math.min(ratio, SCALE_MAX) / SCALE_MAX) * plotWidth;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${labelWidth + plotWidth + 130}" height="${height}" font-family="sans-serif" font-size="12">`,
    `<text x="10" y="20" font-size="14" font-weight="bold">Ratio against the raw baseline of the same run (bar), and issue 19's target (mark)</text>`,
  ];
  for (const tick of [0, 0.5, 1, 1.5]) {
    out.push(`<line x1="${x(tick)}" y1="${top - 8}" x2="${x(tick)}" y2="${height - 24}" stroke="#ddd"/>`, `<text x="${x(tick)}" y="${height - 10}" text-anchor="middle" fill="#555">${tick}</text>`);
  }
  bars.forEach((bar, i) => {
    const y = top + i * rowHeight;
    const met = bar.ratio >= bar.target;
    out.push(
      `<text x="${labelWidth - 8}" y="${y + 14}" text-anchor="end">${escape(bar.label.length > 88 ? `${bar.label.slice(0, 87)}…` : bar.label)}</text>`,
      `<rect x="${labelWidth}" y="${y + 3}" width="${(x(bar.ratio) - labelWidth).toFixed(1)}" height="16" fill="${met ? '#3a7d44' : '#c0504d'}"/>`,
      `<line x1="${x(bar.target).toFixed(1)}" y1="${y}" x2="${x(bar.target).toFixed(1)}" y2="${y + 22}" stroke="#000" stroke-width="2"/>`,
      `<text x="${(x(bar.ratio) + 6).toFixed(1)}" y="${y + 15}">${bar.ratio.toFixed(2)}${bar.target > SCALE_MAX ? ` (target ${bar.target})` : ''}</text>`,
    );
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

/** Redraws the chart from every tracked result file (`bench/results/*.json`). */
export function writeRatioChart(results: string, chartFile: string): void {
  const files = readdirSync(results)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => JSON.parse(readFileSync(join(results, name), 'utf8')) as ResultFile);
  writeFileSync(chartFile, ratioChartSvg(files));
}
