/** One paired round: the code under test and its raw baseline, in events/s (or any rate). */
export interface Round {
  readonly adapter: number;
  readonly raw: number;
}

export interface BenchRow {
  readonly scenario: string;
  /** Events per round. */
  readonly events: number;
  readonly rounds: readonly Round[];
}

export const median = (values: readonly number[]): number => {
  if (values.length === 0) throw new Error('median of nothing');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

export const perSecond = (n: number): string => Math.round(n).toLocaleString('en');

/** Medians over the rounds; the ratio is the median of the per-round ratios (the steadier figure on a shared machine). */
export function summarize(row: BenchRow): { adapter: number; raw: number; ratio: number } {
  return {
    adapter: median(row.rounds.map((r) => r.adapter)),
    raw: median(row.rounds.map((r) => r.raw)),
    ratio: median(row.rounds.map((r) => r.adapter / r.raw)),
  };
}

export function markdownTable(rows: readonly BenchRow[], columns = { adapter: 'adapter events/s', raw: 'raw events/s', ratio: 'adapter / raw' }): string {
  return [
    `| scenario | events per round | ${columns.adapter} | ${columns.raw} | ${columns.ratio} |`,
    '| --- | ---: | ---: | ---: | ---: |',
    ...rows.map((row) => {
      const { adapter, raw, ratio } = summarize(row);
      return `| ${row.scenario} | ${row.events.toLocaleString('en')} | ${perSecond(adapter)} | ${perSecond(raw)} | **${ratio.toFixed(2)}** |`;
    }),
  ].join('\n');
}

export function roundsLine(rows: readonly BenchRow[]): string {
  return rows.map((row) => `${row.scenario}: ${row.rounds.map((r) => (r.adapter / r.raw).toFixed(2)).join(', ')}`).join('; ');
}
