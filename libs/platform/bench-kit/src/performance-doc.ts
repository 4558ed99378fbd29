import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

export const PERFORMANCE_DOC = join(__dirname, '..', '..', '..', '..', 'docs', 'performance.md');
const NEW_DOC = '# Performance\n\nBenchmarks report ratios against a raw baseline measured in the same run (`npm run bench`).\n';

/**
 * The sections of docs/performance.md, in one place: several benches may write parts of
 * one section, and the intro is written only when the section is new.
 */
export const PERFORMANCE_SECTIONS = {
  eventStoreAppend: {
    heading: '## Event store append',
    intro: `Append throughput through each event-store adapter, against raw INSERTs of the same rows
into an identical table with the same driver, and against the peer library Emmett on the same
file or server, measured in the same run under the same durability settings. With one writer
the ratio is what the adapter's checks, hash chain and ordering cost (raw: one transaction per
append, rows prepared before the clock starts). With many commands in flight raw commits one
transaction per event, and the ratio is what group commit gains. Written by \`npm run bench\`
(\`libs/platform/event-store-*/bench/append.bench.ts\`) only with \`--write-doc\`; every run
writes JSON under \`bench/results/\`; the PostgreSQL part needs \`PG_URL\`.`,
  },
  projectionRebuild: {
    heading: '## Projection rebuild',
    intro: `How fast \`projections rebuild\` replays the event store into a read model, against reading
the same events from the same store without projecting them, measured in the same run (the
ratio is what projecting costs: handlers, guarded bulk writes, checkpoints). Written by
\`npm run bench\` (\`libs/platform/projection-store-mongodb/bench/rebuild.bench.ts\`) only with
\`--write-doc\`; every run writes JSON under \`bench/results/\`; the MongoDB part needs \`MONGO_URL\`.`,
  },
  auditVerify: {
    heading: '## Audit verify',
    intro: 'How fast `audit verify` checks a store (every stream\'s hash chain, the rolling digest, signed checkpoints), against only reading the same events in global order in the same run.',
  },
  endToEnd: {
    heading: '## End to end',
    intro: 'Requests over HTTP against a real server process (autocannon), each next to `/health/live` of the same process measured in the same run; resident memory and restart time. Written by `services/standalone/bench/e2e.bench.ts` only with `--write-doc`.',
  },
  kafkaRelay: {
    heading: '## Kafka relay',
    intro: 'Events/s the relay forwards from an event store to Kafka, against a raw kafkajs producer sending the same payloads in the same run.',
  },
} as const;

export interface PerformanceSection {
  /** The heading, e.g. `## Event store append`. */
  readonly heading: string;
  /** Text under the heading, written when the section is new. */
  readonly intro: string;
  /**
   * A part of the section owned by one bench (several benches share one section): only the
   * text between `<!-- bench:<part> -->` markers is replaced. Without it, the whole
   * section is replaced by intro + markdown.
   */
  readonly part?: string;
}

/**
 * Rewrites one bench's section (or part of a section) of docs/performance.md, leaving every
 * other section alone, so each bench target can run on its own.
 */
export function writePerformanceSection(section: PerformanceSection, markdown: string, file = PERFORMANCE_DOC): void {
  let doc = existsSync(file) ? readFileSync(file, 'utf8') : NEW_DOC;
  const intro = `${section.heading}\n\n${section.intro.trim()}\n`;
  if (!doc.includes(`${section.heading}\n`)) doc = `${doc.trimEnd()}\n\n${intro}`;
  const start = doc.indexOf(`${section.heading}\n`);
  const next = doc.indexOf('\n## ', start + section.heading.length);
  const end = next < 0 ? doc.length : next + 1;
  let body: string;
  if (section.part === undefined) {
    body = `${intro}\n${markdown.trim()}\n`;
  } else {
    const begin = `<!-- bench:${section.part} -->`;
    const close = `<!-- /bench:${section.part} -->`;
    const block = `${begin}\n${markdown.trim()}\n${close}`;
    const current = doc.slice(start, end);
    const at = current.indexOf(begin);
    const until = current.indexOf(close);
    body = `${(at >= 0 && until > at ? `${current.slice(0, at)}${block}${current.slice(until + close.length)}` : `${current.trimEnd()}\n\n${block}\n`).trimEnd()}\n`;
  }
  const after = doc.slice(end).replace(/^\n+/, '');
  doc = `${doc.slice(0, start)}${body}${after ? `\n${after}` : ''}`;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, `${doc.trimEnd()}\n`);
}
