import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { getPostgreSQLEventStore } from '@event-driven-io/emmett-postgresql';
import { GENESIS_HASH, type NewEvent } from '@leerzone/kernel';
import { eventHash } from '@leerzone/event-hash';
import { PostgresEventStore } from '../src/postgres-event-store';
import { PERFORMANCE_SECTIONS, benchMachine, benchSettings, markdownTable, publishBench, roundsLine, summarize, type BenchRow, type Round } from '@leerzone/bench-kit';

const SECTION = { ...PERFORMANCE_SECTIONS.eventStoreAppend, part: 'event-store-postgres' };
const settings = benchSettings();
const tiny = settings.size === 'tiny';

/**
 * Append throughput on one PostgreSQL server, three ways, in the same run (fresh tables
 * each round, the order rotating per round):
 *
 * - adapter: PostgresEventStore.append with the expected version each writer knows;
 * - raw: multi-row INSERTs of the same rows (positions and chained hashes computed before
 *   the clock starts) into an identical table through `pg`, one statement per append;
 * - peer: Emmett (`@event-driven-io/emmett-postgresql`), the same events and envelope
 *   fields with the expected version, in a database of its own on the same server (its
 *   tables have fixed names in the default schema).
 *
 * Run: PG_URL=postgres://… npx nx run @leerzone/event-store-postgres:bench [-- --write-doc]; BENCH_SIZE=tiny for one small round.
 */

const ROUNDS = tiny ? 1 : 5;

interface Scenario {
  readonly name: string;
  readonly batch: number;
  /** Concurrent writers, each appending to streams of its own. */
  readonly writers: number;
  /** With a shared store: the writers are commands in flight in one process using one store (else one store each). */
  readonly shared?: boolean;
  readonly events: number;
}

const SCENARIOS: readonly Scenario[] = [
  { name: '1 event per command, 64 commands in flight', batch: 1, writers: 64, shared: true, events: tiny ? 128 : 3_200 },
  { name: '1 event per append, 1 writer', batch: 1, writers: 1, events: tiny ? 50 : 1_000 },
  { name: '10 events per append, 1 writer', batch: 10, writers: 1, events: tiny ? 100 : 5_000 },
  { name: '100 events per append, 1 writer', batch: 100, writers: 1, events: tiny ? 200 : 10_000 },
  { name: '10 events per append, 4 writers', batch: 10, writers: 4, events: tiny ? 80 : 5_000 },
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

interface Append {
  readonly streamId: string;
  readonly events: NewEvent[];
  /** The stream's version before this append: what the writer read. */
  readonly expectedVersion: number;
}

/** The batches each writer appends: writer w owns streams `w-0`…`w-49` (one stream per command when commands are in flight). */
function plan(scenario: Scenario): Append[][] {
  const perWriter = scenario.events / scenario.writers;
  const versions = new Map<string, number>();
  return Array.from({ length: scenario.writers }, (_, w) =>
    Array.from({ length: perWriter / scenario.batch }, (_, b) => {
      const streamId = scenario.shared ? `team-c${w}` : `team-w${w}-s${b % 50}`;
      const expectedVersion = versions.get(streamId) ?? 0;
      versions.set(streamId, expectedVersion + scenario.batch);
      return { streamId, expectedVersion, events: Array.from({ length: scenario.batch }, (_, i) => event(w * perWriter + b * scenario.batch + i)) };
    }),
  );
}

async function timed(run: () => Promise<void>): Promise<number> {
  const start = process.hrtime.bigint();
  await run();
  return Number(process.hrtime.bigint() - start) / 1e9;
}

async function benchAdapter(url: string, schema: string, scenario: Scenario, writers: ReturnType<typeof plan>): Promise<number> {
  const stores = scenario.shared
    ? [await PostgresEventStore.open({ connectionString: url, schema })]
    : await Promise.all(writers.map(() => PostgresEventStore.open({ connectionString: url, schema, poolSize: 2 })));
  try {
    const seconds = await timed(async () => {
      await Promise.all(writers.map(async (batches, w) => {
        const store = stores[scenario.shared ? 0 : w]!;
        for (const { streamId, events, expectedVersion } of batches) await store.append(streamId, events, { expectedVersion });
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
    batches.map(({ streamId, events, expectedVersion }) =>
      events.map((e, i) => {
        const head = streams.get(streamId) ?? { position: 0, hash: GENESIS_HASH };
        const position = expectedVersion + i + 1;
        const hash = eventHash(head.hash, streamId, position, e);
        streams.set(streamId, { position, hash });
        return [++global, e.eventId, streamId, position, e.type, e.schemaVersion, e.tenantId, e.occurredAt, recordedAt, JSON.stringify(e.actor),
          e.reason ?? null, e.correlationId, e.causationId, e.traceparent ?? null, JSON.stringify(e.data), JSON.stringify(e.metadata), hash];
      }),
    ),
  );
  // As many connections as the adapter's pools hold (10 for one shared store).
  const pool = new pg.Pool({ connectionString: url, max: scenario.shared ? 10 : scenario.writers });
  const insert = (rows: unknown[][]) => {
    const values = rows.map((_, r) => `(${COLUMNS.map((__, c) => `$${r * COLUMNS.length + c + 1}`).join(', ')})`).join(', ');
    return { text: `INSERT INTO "${schema}".events (${COLUMNS.join(', ')}) VALUES ${values}`, values: rows.flat() };
  };
  try {
    const seconds = await timed(async () => {
      await Promise.all(rowsPerWriter.map(async (batches) => {
        for (const rows of batches) await pool.query(insert(rows));
      }));
    });
    return scenario.events / seconds;
  } finally {
    await pool.end();
  }
}

/** Emmett's event, carrying the same envelope fields as ours (its own ids and positions come on top). */
const emmettEvent = (e: NewEvent) => ({
  type: e.type,
  data: e.data as Record<string, unknown>,
  metadata: { eventId: e.eventId, schemaVersion: e.schemaVersion, tenantId: e.tenantId, occurredAt: e.occurredAt, actor: e.actor, reason: e.reason, correlationId: e.correlationId, causationId: e.causationId, ...e.metadata },
});

/** Emmett's `getPostgreSQLEventStore` (its pooled default) on a fresh database of the same server; schema created before the clock starts. */
async function benchPeer(admin: pg.Client, url: string, scenario: Scenario, writers: ReturnType<typeof plan>): Promise<number> {
  const database = `bench_emmett_${randomBytes(4).toString('hex')}`;
  await admin.query(`CREATE DATABASE ${database}`);
  const target = new URL(url);
  target.pathname = `/${database}`;
  const stores = scenario.shared ? [getPostgreSQLEventStore(target.toString())] : writers.map(() => getPostgreSQLEventStore(target.toString()));
  try {
    for (const store of stores) await store.appendToStream('warm-up', [emmettEvent(event(0))]);
    const seconds = await timed(async () => {
      await Promise.all(writers.map(async (batches, w) => {
        const store = stores[scenario.shared ? 0 : w]!;
        for (const { streamId, events, expectedVersion } of batches) {
          await store.appendToStream(streamId, events.map(emmettEvent), { expectedStreamVersion: BigInt(expectedVersion) });
        }
      }));
    });
    return scenario.events / seconds;
  } finally {
    await Promise.all(stores.map((s) => s.close()));
    await admin.query(`DROP DATABASE IF EXISTS ${database}`);
  }
}

async function main(): Promise<void> {
  const url = process.env['PG_URL'];
  if (!url) {
    console.log('event-store-postgres bench: PG_URL is not set (start servers with `npm run infra:up`); skipped, docs/performance.md left as it was.');
    if (process.env['CI'] === 'true') process.exitCode = 1;
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
          const contenders = [
            ['adapter', () => benchAdapter(url, adapterSchema, scenario, plan(scenario))],
            ['raw', () => benchRaw(url, rawSchema, scenario, plan(scenario))],
            ['peer', () => benchPeer(admin, url, scenario, plan(scenario))],
          ] as const;
          const rates: Partial<Record<'adapter' | 'raw' | 'peer', number>> = {};
          for (let k = 0; k < contenders.length; k++) {
            const [who, measure] = contenders[(k + round) % contenders.length]!;
            rates[who] = await measure();
          }
          rounds.push({ adapter: rates.adapter!, raw: rates.raw!, peer: rates.peer! });
        } finally {
          await admin.query(`DROP SCHEMA IF EXISTS "${adapterSchema}" CASCADE; DROP SCHEMA IF EXISTS "${rawSchema}" CASCADE`);
        }
      }
      const row = { scenario: scenario.name, events: scenario.events, rounds };
      rows.push(row);
      const summary = summarize(row);
      console.log(
        `${scenario.name}: adapter ${Math.round(summary.adapter)} events/s, Emmett ${Math.round(summary.peer!.rate)}, raw ${Math.round(summary.raw)}; adapter/raw ${summary.ratio.toFixed(2)}, adapter/Emmett ${summary.peer!.adapterOverPeer.toFixed(2)}`,
      );
    }
    const { rows: version } = await admin.query<{ server_version: string }>('SHOW server_version');
    const { rows: sync } = await admin.query<{ synchronous_commit: string }>('SHOW synchronous_commit');
    const machine = benchMachine();
    const markdown = `### PostgreSQL (\`PostgresEventStore\` vs raw \`pg\` INSERTs vs Emmett)

${markdownTable(rows, undefined, 'Emmett')}

Median of ${ROUNDS} rounds (the three in rotating order, fresh tables each round), ${new Date().toISOString().slice(0, 10)}; PostgreSQL ${version[0]!.server_version} (synchronous_commit=${sync[0]!.synchronous_commit}, the server's setting, the same for all three), Node ${process.version}, ${String(machine['cpus'])} × ${String(machine['cpu'])}, load average ${(machine['loadAverage'] as number[]).join(' / ')} at the end. Figures of this run: \`bench/results/event-store-postgres.json\`.
Raw: one multi-row INSERT per append with the rows (positions, chained hashes) computed before the clock starts; concurrent raw writers commit in any order, with no global-order guarantee. Emmett 0.42.0 (\`@event-driven-io/emmett-postgresql\`, \`getPostgreSQLEventStore\` with its default pool) in a database of its own on the same server; its global position comes from a sequence plus the transaction id, so it does not serialise appends.
Per-round ratios adapter / raw — ${roundsLine(rows)}.`;
    console.log(`\n${markdown}\n`);
    const written = publishBench(
      { part: 'event-store-postgres', rows, context: { serverVersion: version[0]!.server_version, synchronousCommit: sync[0]!.synchronous_commit, emmett: '0.42.0', machine } },
      { section: SECTION, markdown },
      settings,
    );
    console.log(`Written: ${written.join(', ')}${settings.writeDoc ? '' : ' (docs/performance.md unchanged: pass --write-doc to rewrite its part)'}`);
  } finally {
    await admin.end();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
