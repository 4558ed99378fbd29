import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { existsSync, readdirSync } from 'node:fs';
import { benchSettings, markdownTable, median, publishBench, ratioChartSvg, summarize, targetFor, writePerformanceSection } from './index';

describe('rounds', () => {
  it('takes medians, and the median of the per-round ratios', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    const row = { scenario: 's', events: 10, rounds: [{ adapter: 50, raw: 100 }, { adapter: 90, raw: 100 }, { adapter: 10, raw: 10 }] };
    expect(summarize(row)).toEqual({ adapter: 50, raw: 100, ratio: 0.9 });
    expect(markdownTable([row])).toContain('| s | 10 | 50 | 100 | **0.90** |');
  });
});

describe('writePerformanceSection', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bench-kit-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('replaces its own section or part and leaves the others alone', () => {
    const file = join(dir, 'performance.md');
    writeFileSync(file, '# Performance\n\n## Other\n\nkeep me\n');
    const append = { heading: '## Append', intro: 'Append intro.' };
    writePerformanceSection({ ...append, part: 'sqlite' }, 'sqlite v1', file);
    writePerformanceSection({ ...append, part: 'pg' }, 'pg v1', file);
    writePerformanceSection({ ...append, part: 'sqlite' }, 'sqlite v2', file);
    writePerformanceSection({ heading: '## Relay', intro: 'Relay intro.' }, 'relay v1', file);
    writePerformanceSection({ heading: '## Relay', intro: 'Relay intro.' }, 'relay v2', file);
    const doc = readFileSync(file, 'utf8');
    expect(doc).toContain('## Other\n\nkeep me\n');
    expect(doc).toContain('<!-- bench:sqlite -->\nsqlite v2\n<!-- /bench:sqlite -->');
    expect(doc).toContain('<!-- bench:pg -->\npg v1\n<!-- /bench:pg -->');
    expect(doc).not.toContain('sqlite v1');
    expect(doc).toContain('## Relay\n\nRelay intro.\n\nrelay v2\n');
    expect(doc).not.toContain('relay v1');
    expect(doc.match(/## Append/g)).toHaveLength(1);
  });
});

describe('peers', () => {
  it('summarises a peer measured in every round, and shows it in the table', () => {
    const row = { scenario: 'p', events: 10, rounds: [{ adapter: 60, raw: 100, peer: 30 }, { adapter: 80, raw: 100, peer: 20 }, { adapter: 90, raw: 90, peer: 45 }] };
    expect(summarize(row).peer).toEqual({ rate: 30, ratio: 0.3, adapterOverPeer: 2 });
    expect(markdownTable([row], undefined, 'Emmett')).toContain('| p | 10 | 80 | 30 | 100 | **0.80** | 0.30 | **2.00** |');
    // A peer missing from a round is not summarised as if it had run.
    expect(summarize({ ...row, rounds: [...row.rounds, { adapter: 1, raw: 1 }] }).peer).toBeUndefined();
  });
});

describe('publishBench', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'bench-kit-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const result = { part: 'demo', rows: [{ scenario: 's', events: 1, rounds: [{ adapter: 1, raw: 2 }] }], context: { note: 'x' } };
  const doc = { section: { heading: '## Demo', intro: 'Intro.' }, markdown: 'table' };

  it('reads --write-doc, BENCH_WRITE_DOC and BENCH_SIZE', () => {
    expect(benchSettings(['node', 'x'], {})).toEqual({ size: 'full', writeDoc: false });
    expect(benchSettings(['node', 'x', '--write-doc'], { BENCH_SIZE: 'tiny' })).toEqual({ size: 'tiny', writeDoc: true });
    expect(benchSettings(['node', 'x'], { BENCH_WRITE_DOC: '1' }).writeDoc).toBe(true);
    expect(() => benchSettings(['node', 'x'], { BENCH_SIZE: 'huge' })).toThrow('BENCH_SIZE');
  });

  it('always writes the run as JSON, and the doc and tracked result only with --write-doc', () => {
    const docFile = join(dir, 'performance.md');
    const now = new Date('2026-12-01T12:00:00.000Z');
    const [run] = publishBench(result, doc, { size: 'full', writeDoc: false }, { results: dir, docFile, now });
    expect(readdirSync(join(dir, 'runs'))).toEqual(['demo-2026-12-01T12-00-00-000Z.json']);
    expect(JSON.parse(readFileSync(run!, 'utf8'))).toMatchObject({ part: 'demo', size: 'full', context: { note: 'x' }, rows: [{ summary: { adapter: 1, raw: 2, ratio: 0.5 } }] });
    expect(existsSync(docFile)).toBe(false);
    expect(existsSync(join(dir, 'demo.json'))).toBe(false);
    publishBench(result, doc, { size: 'full', writeDoc: true }, { results: dir, docFile, now });
    expect(readFileSync(docFile, 'utf8')).toContain('## Demo\n\nIntro.\n\ntable\n');
    expect(readFileSync(join(dir, 'demo.json'), 'utf8')).toBe(readFileSync(run!, 'utf8'));
    expect(readFileSync(join(dir, 'performance-ratios.svg'), 'utf8')).toMatch(/^<svg /);
  });

  it('refuses to put a tiny run into the doc', () => {
    expect(() => publishBench(result, doc, { size: 'tiny', writeDoc: true }, { results: dir, docFile: join(dir, 'p.md') })).toThrow('tiny');
    expect(existsSync(join(dir, 'p.md'))).toBe(false);
  });
});

describe('ratioChartSvg', () => {
  const file = (part: string, rows: [string, number][]) => ({ part, measuredAt: '2026-12-01T12:00:00.000Z', rows: rows.map(([scenario, ratio]) => ({ scenario, summary: { ratio } })) });

  it('draws one bar per scenario with a target, green when it meets it, red when not, and leaves the rest out', () => {
    const svg = ratioChartSvg([
      file('kafka-relay', [['relay vs raw kafkajs producer', 0.63], ['raw @platformatic/kafka vs raw kafkajs producer', 1.58]]),
      file('projection-rebuild', [['FerretDB 1.24 (SQLite backend): rebuild vs raw driver bulk writes of the same documents', 0.71]]),
    ]);
    expect(svg.match(/<rect /g)).toHaveLength(2);
    expect(svg).toContain('kafka-relay: relay vs raw kafkajs producer');
    expect(svg).not.toContain('platformatic');
    expect(svg).toMatch(/width="[\d.]+" height="16" fill="#c0504d"\/>[\s\S]*0\.63/);
    expect(svg).toMatch(/fill="#3a7d44"\/>[\s\S]*0\.71/);
  });

  it('knows issue 19’s targets by part and scenario', () => {
    expect(targetFor('event-store-sqlite', '1 event per command, 64 commands in flight')).toBe(3);
    expect(targetFor('event-store-postgres', '10 events per append, 4 writers')).toBe(0.7);
    expect(targetFor('standalone-http', 'create a team (POST /api/governance/teams)')).toBeUndefined();
  });
});
