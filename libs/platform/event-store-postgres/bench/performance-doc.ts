import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

// Kept identical in libs/platform/event-store-sqlite/bench/: the two benches may not import each other.

export const PERFORMANCE_DOC = join(__dirname, '..', '..', '..', '..', 'docs', 'performance.md');
const SECTION = '## Event store append';
const SECTION_INTRO = `${SECTION}

Append throughput through each event-store adapter, against raw batched INSERTs of the same
rows into an identical table with the same driver, measured in the same run (the ratio is
what the adapter's checks, hash chain and ordering cost). Each append is its own
transaction in both columns, under the same durability settings. Written by \`npm run bench\`
(\`libs/platform/event-store-*/bench/append.bench.ts\`); the PostgreSQL part needs
\`PG_URL\` and is left as it was without it.
`;

/** Replaces this bench's part of the "Event store append" section of docs/performance.md, leaving every other section alone. */
export function writePerformanceSection(part: string, markdown: string, file = PERFORMANCE_DOC): void {
  const begin = `<!-- bench:${part} -->`;
  const end = `<!-- /bench:${part} -->`;
  const block = `${begin}\n${markdown.trim()}\n${end}`;
  let doc = existsSync(file) ? readFileSync(file, 'utf8') : '# Performance\n\nOne section per benchmark, each rewritten by its own `npm run bench` target.\n';
  if (!doc.includes(SECTION)) doc = `${doc.trimEnd()}\n\n${SECTION_INTRO}`;
  const sectionStart = doc.indexOf(SECTION);
  const nextSection = doc.indexOf('\n## ', sectionStart + SECTION.length);
  const sectionEnd = nextSection < 0 ? doc.length : nextSection + 1;
  let section = doc.slice(sectionStart, sectionEnd);
  const at = section.indexOf(begin);
  const until = section.indexOf(end);
  section = at >= 0 && until > at ? `${section.slice(0, at)}${block}${section.slice(until + end.length)}` : `${section.trimEnd()}\n\n${block}\n`;
  section = `${section.trimEnd()}\n`;
  const after = doc.slice(sectionEnd);
  doc = `${doc.slice(0, sectionStart)}${section}${after ? `\n${after.replace(/^\n+/, '')}` : ''}`;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, doc);
}

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

const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

const perSecond = (n: number): string => Math.round(n).toLocaleString('en');

/** Medians over the rounds; the ratio is the median of the per-round ratios (the steadier figure on a shared machine). */
export function summarize(row: BenchRow): { adapter: number; raw: number; ratio: number } {
  return {
    adapter: median(row.rounds.map((r) => r.adapter)),
    raw: median(row.rounds.map((r) => r.raw)),
    ratio: median(row.rounds.map((r) => r.adapter / r.raw)),
  };
}

export function markdownTable(rows: readonly BenchRow[]): string {
  return [
    '| scenario | events per round | adapter events/s | raw events/s | adapter / raw |',
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
