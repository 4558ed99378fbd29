import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const PERFORMANCE_DOC = join(__dirname, '..', '..', '..', '..', 'docs', 'performance.md');
const SECTION = '## Projection rebuild';
const SECTION_INTRO = `${SECTION}

How fast \`projections rebuild\` replays the event store into a read model, against reading
the same events from the same store without projecting them, measured in the same run (the
ratio is what projecting costs: handlers, guarded bulk writes, checkpoints). Written by
\`npm run bench\` (\`libs/platform/projection-store-mongodb/bench/rebuild.bench.ts\`); the
MongoDB part needs \`MONGO_URL\` and is left as it was without it.
`;

/** Replaces one part of the "Projection rebuild" section of docs/performance.md, leaving every other section alone. */
export function writePerformanceSection(part: string, markdown: string, file = PERFORMANCE_DOC): void {
  const begin = `<!-- bench:${part} -->`;
  const end = `<!-- /bench:${part} -->`;
  const block = `${begin}\n${markdown.trim()}\n${end}`;
  let doc = existsSync(file) ? readFileSync(file, 'utf8') : '# Performance\n\nBenchmarks report ratios against a raw baseline measured in the same run (`npm run bench`).\n';
  if (!doc.includes(SECTION)) doc = `${doc.trimEnd()}\n\n${SECTION_INTRO}`;
  const sectionStart = doc.indexOf(SECTION);
  const nextSection = doc.indexOf('\n## ', sectionStart + SECTION.length);
  const sectionEnd = nextSection < 0 ? doc.length : nextSection + 1;
  let section = doc.slice(sectionStart, sectionEnd);
  const at = section.indexOf(begin);
  const until = section.indexOf(end);
  section = at >= 0 && until > at ? `${section.slice(0, at)}${block}${section.slice(until + end.length)}` : `${section.trimEnd()}\n\n${block}\n`;
  if (!section.endsWith('\n')) section += '\n';
  const after = doc.slice(sectionEnd);
  doc = `${doc.slice(0, sectionStart)}${section}${after ? `\n${after.replace(/^\n+/, '')}` : ''}`;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, doc);
}

export const median = (values: readonly number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};
