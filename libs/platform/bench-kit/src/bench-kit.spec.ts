import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { markdownTable, median, summarize, writePerformanceSection } from './index';

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
