import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { dirname, join } from 'node:path';
import { PERFORMANCE_DOC, writePerformanceSection, type PerformanceSection } from './performance-doc';
import { writeRatioChart } from './ratio-chart';
import { summarize, type BenchRow } from './rounds';

export const BENCH_RESULTS = join(__dirname, '..', '..', '..', '..', 'bench', 'results');

export interface BenchSettings {
  /** `tiny` (BENCH_SIZE=tiny): one round at a small size, so CI can run every bench once and none of them rots. */
  readonly size: 'full' | 'tiny';
  /** `--write-doc` or BENCH_WRITE_DOC=1: rewrite this bench's part of docs/performance.md and its tracked result file. */
  readonly writeDoc: boolean;
}

export function benchSettings(argv: readonly string[] = process.argv, env: NodeJS.ProcessEnv = process.env): BenchSettings {
  const size = env['BENCH_SIZE'] ?? 'full';
  if (size !== 'full' && size !== 'tiny') throw new Error(`BENCH_SIZE is "full" (default) or "tiny", not "${size}".`);
  return { size, writeDoc: argv.includes('--write-doc') || env['BENCH_WRITE_DOC'] === '1' };
}

/** Where and on what a bench ran: goes into every result file, since absolute rates depend on it. */
export function benchMachine(): Record<string, unknown> {
  return { node: process.version, cpus: cpus().length, cpu: cpus()[0]?.model.trim() ?? 'cpu', loadAverage: loadavg().map((l) => Number(l.toFixed(2))) };
}

export interface BenchResult {
  /** The bench's name, e.g. `event-store-sqlite`: names the result files and its part of the doc. */
  readonly part: string;
  readonly rows: readonly BenchRow[];
  /** Anything else worth keeping with the figures: versions, settings, machine. */
  readonly context: Record<string, unknown>;
}

/**
 * Writes a run's figures as JSON: always to `bench/results/runs/<part>-<time>.json`
 * (git-ignored: every run, also tiny ones), and, with `--write-doc`, to the tracked
 * `bench/results/<part>.json` next to the markdown in docs/performance.md, so the doc's
 * tables and the rounds they were computed from change together and only on purpose; the
 * doc's chart of ratios against their targets (`performance-ratios.svg`) is redrawn then too.
 * Returns the paths written.
 */
export function publishBench(
  result: BenchResult,
  doc: { readonly section: PerformanceSection; readonly markdown: string },
  settings: BenchSettings,
  at: { readonly results?: string; readonly docFile?: string; readonly chartFile?: string; readonly now?: Date } = {},
): string[] {
  const results = at.results ?? BENCH_RESULTS;
  const now = at.now ?? new Date();
  const json = `${JSON.stringify(
    {
      part: result.part,
      measuredAt: now.toISOString(),
      size: settings.size,
      context: result.context,
      rows: result.rows.map((row) => ({ ...row, summary: summarize(row) })),
    },
    null,
    2,
  )}\n`;
  const run = join(results, 'runs', `${result.part}-${now.toISOString().replace(/[:.]/g, '-')}.json`);
  mkdirSync(join(results, 'runs'), { recursive: true });
  writeFileSync(run, json);
  const written = [run];
  if (settings.writeDoc) {
    if (settings.size === 'tiny') throw new Error('A tiny run does not rewrite docs/performance.md: drop BENCH_SIZE=tiny or --write-doc.');
    const tracked = join(results, `${result.part}.json`);
    writeFileSync(tracked, json);
    const docFile = at.docFile ?? PERFORMANCE_DOC;
    writePerformanceSection(doc.section, doc.markdown, docFile);
    // The doc's chart: every tracked result's ratios against their targets, this run's included.
    const chartFile = at.chartFile ?? join(dirname(docFile), 'performance-ratios.svg');
    writeRatioChart(results, chartFile);
    written.push(tracked, docFile, chartFile);
  }
  return written;
}
