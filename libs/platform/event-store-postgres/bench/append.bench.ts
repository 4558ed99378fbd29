import { randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import pg from 'pg';
import { GENESIS_HASH, type NewEvent } from '@leerzone/kernel';
import { eventHash } from '@leerzone/event-hash';
import { PostgresEventStore } from '../src/postgres-event-store';
import { PERFORMANCE_SECTIONS, markdownTable, roundsLine, summarize, writePerformanceSection, type BenchRow, type Round } from '@leerzone/bench-kit';

const SECTION = { ...PERFORMANCE_SECTIONS.eventStoreAppend, part: 'event-store-postgres' };

/**
 * Append throughput: PostgresEventStore.append versus raw multi-row INSERTs of the same
 * rows (same table definition, same values, one transaction per batch) through `pg`,
 * in the same run: several rounds, alternating which goes first, each on fresh tables.
 * Run: PG_URL=postgres://… npm run bench
 */

const ROUNDS = 5;

interface Scenario {
  readonly name: string;
  readonly batch: number;
  readonly writers: number;
  readonly events: number;
}

const SCENARIOS: readonly Scenario[] = [
  { name: '1 event per append, 1 writer', batch: 1, writers: 1, events: 1_000 },
  { name: '10 events per append, 1 writer', batch: 10, writers: 1, events: 5_000 },
  { name: '100 events per append, 1 writer', batch: 100, writers: 1, events: 10_000 },
  { name: '10 events per append, 4 writers', batch: 10, writers: 4, events: 5_000 },
];

const COLUMNS = [
  'global_position', 'event_id', 'stream_id', 'stream_position', 'type', 'schema_version', 'tenant_id', 'occurred_at',
  'recorded_at', 'actor', 'reason', 'correlation_id', 'causation_id', 'traceparent', 'data', 'metadata', 'hash',
] as const;

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

/** The batches each writer appends: writer w owns streams `w-0`…`w-49`, one batch per append. */
function plan(scenario: Scenario): { streamId: string; events: NewEvent[] }[][] {
  const perWriter = scenario.events / scenario.writers;
  return Array.from({ length: scenario.writers }, (_, w) =>
    Array.from({ length: perWriter / scenario.batch }, (_, b) => ({
      streamId: `w${w}-s${b % 50}`,
      events: Array.from({ length: scenario.batch }, (_, i) => event(w * perWriter + b * scenario.batch + i)),
    })),
  );
}

async function timed(run: () => Promise<void>): Promise<number> {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

async function benchAdapter(url: string, schema: string, scenario: Scenario, writers: ReturnType<typeof plan>): Promise<number> {
  const stores = await Promise.all(writers.map(() => PostgresEventStore.open({ connectionString: url, schema, poolSize: 2 })));
  try {
    const seconds = await timed(async () => {
      await Promise.all(writers.map(async (batches, w) => {
        for (const { streamId, events } of batches) await stores[w]!.append(streamId, events, { expectedVersion: 'any' });
      }));
    });
    return scenario.events / seconds;
  } finally {
    await Promise.all(stores.map((s) => s.close()));
  }
}

/**
 * The raw rows carry what the adapter would store (positions, chained hashes), computed
 * before the clock starts: the baseline is what PostgreSQL itself needs to take them.
 */
async function benchRaw(url: string, schema: string, scenario: Scenario, writers: ReturnType<typeof plan>): Promise<number> {
  const recordedAt = new Date().toISOString();
  let global = 0;
  const streams = new Map<string, { position: number; hash: string }>();
  const rowsPerWriter = writers.map((batches) =>
    batches.map(({ streamId, events }) =>
      events.map((e) => {
        const head = streams.get(streamId) ?? { position: 0, hash: GENESIS_HASH };
        const position = head.position + 1;
        const hash = eventHash(head.hash, streamId, position, e);
        streams.set(streamId, { position, hash });
        return [++global, e.eventId, streamId, position, e.type, e.schemaVersion, e.tenantId, e.occurredAt, recordedAt, JSON.stringify(e.actor),
          e.reason ?? null, e.correlationId, e.causationId, e.traceparent ?? null, JSON.stringify(e.data), JSON.stringify(e.metadata), hash];
      }),
    ),
  );
  const pool = new pg.Pool({ connectionString: url, max: scenario.writers });
  const insert = (rows: unknown[][]) => {
    const values = rows.map((_, r) => `(${COLUMNS.map((__, c) => `$${r * COLUMNS.length + c + 1}`).join(', ')})`).join(', ');
    return { text: `INSERT INTO "${schema}".events (${COLUMNS.join(', ')}) VALUES ${values}`, values: rows.flat() };
  };
  try {
    const seconds = await timed(async () => {
      await Promise.all(rowsPerWriter.map(async (batches) => {
        const client = await pool.connect();
        try {
          for (const rows of batches) await client.query(insert(rows));
        } finally {
          client.release();
        }
      }));
    });
    return scenario.events / seconds;
  } finally {
    await pool.end();
  }
}

async function main(): Promise<void> {
  const url = process.env['PG_URL'];
  if (!url) {
    console.log('event-store-postgres bench: PG_URL is not set (start servers with `npm run infra:up`); skipped, docs/performance.md left as it was.');
    return;
  }
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  const rows: BenchRow[] = [];
  try {
    for (const scenario of SCENARIOS) {
      const rounds: Round[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const adapterSchema = `bench_adapter_${randomBytes(4).toString('hex')}`;
        const rawSchema = `bench_raw_${randomBytes(4).toString('hex')}`;
        // Opening the adapter on the raw schema creates the identical table (and indexes) for the baseline.
        await (await PostgresEventStore.open({ connectionString: url, schema: rawSchema })).close();
        try {
          const adapter = () => benchAdapter(url, adapterSchema, scenario, plan(scenario));
          const raw = () => benchRaw(url, rawSchema, scenario, plan(scenario));
          if (round % 2 === 0) {
            const a = await adapter();
            rounds.push({ adapter: a, raw: await raw() });
          } else {
            const r = await raw();
            rounds.push({ adapter: await adapter(), raw: r });
          }
        } finally {
          await admin.query(`DROP SCHEMA IF EXISTS "${adapterSchema}" CASCADE; DROP SCHEMA IF EXISTS "${rawSchema}" CASCADE`);
        }
      }
      const row = { scenario: scenario.name, events: scenario.events, rounds };
      rows.push(row);
      const summary = summarize(row);
      console.log(`${scenario.name}: adapter ${Math.round(summary.adapter)} events/s, raw ${Math.round(summary.raw)} events/s, ratio ${summary.ratio.toFixed(2)}`);
    }
    const { rows: version } = await admin.query<{ server_version: string }>('SHOW server_version');
    const { rows: sync } = await admin.query<{ synchronous_commit: string }>('SHOW synchronous_commit');
    const table = markdownTable(rows);
    const markdown = `### PostgreSQL (\`PostgresEventStore\` vs raw \`pg\` INSERTs)

${table}

Median of ${ROUNDS} rounds (adapter and raw alternating which goes first, fresh tables each round). PostgreSQL ${version[0]!.server_version} (synchronous_commit=${sync[0]!.synchronous_commit}), Node ${process.version}, ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'cpu'}; ${new Date().toISOString().slice(0, 10)}.
Per-round ratios — ${roundsLine(rows)}.
Where the gap comes from: an append is two round trips (the stream head, unless this store wrote it last; then one call of \`append_events\`), hashes every event over its canonical JSON, and runs the writes to one schema one at a time under the advisory lock that keeps the global order gap-free; the raw INSERT is one round trip with hashes computed beforehand, and concurrent raw writers commit in any order. Batching events per append is the lever.`;
    console.log(`\n${markdown}\n`);
    writePerformanceSection(SECTION, markdown);
  } finally {
    await admin.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
