import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { GENESIS_HASH, type NewEvent } from '@leerzone/kernel';
import { eventHash } from '@leerzone/event-hash';
import { SqliteEventStore } from '../src/sqlite-event-store';
import { PERFORMANCE_SECTIONS, markdownTable, roundsLine, summarize, writePerformanceSection, type BenchRow, type Round } from '@leerzone/bench-kit';

const SECTION = { ...PERFORMANCE_SECTIONS.eventStoreAppend, part: 'event-store-sqlite' };

/**
 * Append throughput: SqliteEventStore.append versus raw better-sqlite3 INSERTs of the same
 * rows into an identical table (same pragmas: WAL, synchronous=FULL; one transaction per
 * batch), in the same run: several rounds, alternating which goes first, each on fresh
 * files. Run: npm run bench
 */

const ROUNDS = 5;

interface Scenario {
  readonly name: string;
  readonly batch: number;
  readonly events: number;
}

const SCENARIOS: readonly Scenario[] = [
  { name: '1 event per append', batch: 1, events: 1_000 },
  { name: '10 events per append', batch: 10, events: 5_000 },
  { name: '100 events per append', batch: 100, events: 10_000 },
];

const event = (n: number): NewEvent => ({
  eventId: `${randomBytes(8).toString('hex')}-${n}`,
  type: 'BoundaryChanged',
  schemaVersion: 1,
  tenantId: 'tenant-bench',
  occurredAt: '2026-03-01T10:00:00.000Z',
  actor: { id: 'user-1', kind: 'user' },
  reason: 'benchmark',
  correlationId: 'corr-bench',
  causationId: `cause-${n}`,
  data: { team: `team-${n % 50}`, boundary: { budget: 12_500, currency: 'EUR' }, note: 'a typical small payload of a governance event' },
  metadata: { source: 'bench' },
});

const plan = (scenario: Scenario) =>
  Array.from({ length: scenario.events / scenario.batch }, (_, b) => ({
    streamId: `s${b % 50}`,
    events: Array.from({ length: scenario.batch }, (_, i) => event(b * scenario.batch + i)),
  }));

const seconds = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e9;

async function benchAdapter(filename: string, scenario: Scenario): Promise<number> {
  const batches = plan(scenario);
  const store = new SqliteEventStore({ filename });
  try {
    const start = process.hrtime.bigint();
    for (const { streamId, events } of batches) await store.append(streamId, events, { expectedVersion: 'any' });
    return scenario.events / seconds(start);
  } finally {
    await store.close();
  }
}

/** Rows with the adapter's positions and chained hashes, computed before the clock starts. */
async function benchRaw(filename: string, scenario: Scenario): Promise<number> {
  // The adapter creates the identical table; then it is closed and the raw driver takes over.
  await new SqliteEventStore({ filename }).close();
  const recordedAt = new Date().toISOString();
  const heads = new Map<string, { position: number; hash: string }>();
  const batches = plan(scenario).map(({ streamId, events }) =>
    events.map((e) => {
      const head = heads.get(streamId) ?? { position: 0, hash: GENESIS_HASH };
      const position = head.position + 1;
      const hash = eventHash(head.hash, streamId, position, e);
      heads.set(streamId, { position, hash });
      return [e.eventId, streamId, position, e.type, e.schemaVersion, e.tenantId, e.occurredAt, recordedAt, JSON.stringify(e.actor),
        e.reason ?? null, e.correlationId, e.causationId, e.traceparent ?? null, JSON.stringify(e.data), JSON.stringify(e.metadata), hash];
    }),
  );
  const db = new Database(filename);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    const insert = db.prepare(
      `INSERT INTO events (event_id, stream_id, stream_position, type, schema_version, tenant_id, occurred_at, recorded_at, actor, reason,
         correlation_id, causation_id, traceparent, data, metadata, hash) VALUES (${Array.from({ length: 16 }, () => '?').join(', ')})`,
    );
    const insertBatch = db.transaction((rows: unknown[][]) => rows.forEach((row) => insert.run(...row)));
    const start = process.hrtime.bigint();
    for (const rows of batches) insertBatch.immediate(rows);
    return scenario.events / seconds(start);
  } finally {
    db.close();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'leerzone-bench-sqlite-'));
  const rows: BenchRow[] = [];
  try {
    for (const [index, scenario] of SCENARIOS.entries()) {
      const rounds: Round[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const adapter = () => benchAdapter(join(dir, `adapter-${index}-${round}.db`), scenario);
        const raw = () => benchRaw(join(dir, `raw-${index}-${round}.db`), scenario);
        if (round % 2 === 0) {
          const a = await adapter();
          rounds.push({ adapter: a, raw: await raw() });
        } else {
          const r = await raw();
          rounds.push({ adapter: await adapter(), raw: r });
        }
      }
      const row = { scenario: scenario.name, events: scenario.events, rounds };
      rows.push(row);
      const summary = summarize(row);
      console.log(`${scenario.name}: adapter ${Math.round(summary.adapter)} events/s, raw ${Math.round(summary.raw)} events/s, ratio ${summary.ratio.toFixed(2)}`);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const markdown = `### SQLite (\`SqliteEventStore\` vs raw \`better-sqlite3\` INSERTs)

${markdownTable(rows)}

Median of ${ROUNDS} rounds (adapter and raw alternating which goes first, fresh files each round). SQLite ${new Database(':memory:').prepare('SELECT sqlite_version() AS v').pluck().get() as string} (WAL, synchronous=FULL) in ${tmpdir()}, Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}; ${new Date().toISOString().slice(0, 10)}.
Per-round ratios — ${roundsLine(rows)}.
Where the gap comes from: each append reads the stream head and looks up its first event id (idempotency), then serialises and hashes every event over its canonical JSON inside the write transaction; the raw INSERTs get rows prepared beforehand. With one event per append the fsync of each commit dominates both.`;
  console.log(`\n${markdown}\n`);
  writePerformanceSection(SECTION, markdown);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
