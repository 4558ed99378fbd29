import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { appendToStream, createEventStoreSchema, getSQLiteEventStore, sqliteConnection } from '@event-driven-io/emmett-sqlite';
import { GENESIS_HASH, type NewEvent } from '@leerzone/kernel';
import { eventHash } from '@leerzone/event-hash';
import { SqliteEventStore } from '../src/sqlite-event-store';
import {
  PERFORMANCE_SECTIONS,
  benchMachine,
  benchSettings,
  markdownTable,
  publishBench,
  roundsLine,
  summarize,
  type BenchRow,
  type Round,
} from '@leerzone/bench-kit';

/**
 * Append throughput on one SQLite file, three ways, in the same run (WAL, synchronous=FULL
 * for all three, fresh files each round, the order rotating per round):
 *
 * - adapter: `SqliteEventStore.append`, each append with the expected version its command knows;
 * - raw: better-sqlite3 INSERTs of the same rows (positions and chained hashes computed
 *   before the clock starts) into an identical table, one transaction per append — for the
 *   commands-in-flight scenario one transaction per event, the rate group commit is held against;
 * - peer: Emmett (`@event-driven-io/emmett-sqlite`) on the `sqlite3` driver, the same events
 *   and envelope fields, with the expected version.
 *
 * Run: npx nx run @leerzone/event-store-sqlite:bench [-- --write-doc]; BENCH_SIZE=tiny for one small round.
 */

const settings = benchSettings();
const tiny = settings.size === 'tiny';
const ROUNDS = tiny ? 1 : 7;

interface Scenario {
  readonly name: string;
  /** Events per append. */
  readonly batch: number;
  /** Commands appending at the same time, each to a stream of its own. */
  readonly commands: number;
  readonly events: number;
}

const SCENARIOS: readonly Scenario[] = [
  { name: '1 event per command, 64 commands in flight', batch: 1, commands: 64, events: tiny ? 128 : 1_920 },
  { name: '1 event per append, 1 writer', batch: 1, commands: 1, events: tiny ? 50 : 500 },
  { name: '10 events per append, 1 writer', batch: 10, commands: 1, events: tiny ? 100 : 5_000 },
  { name: '100 events per append, 1 writer', batch: 100, commands: 1, events: tiny ? 200 : 10_000 },
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

interface Append {
  readonly streamId: string;
  readonly events: NewEvent[];
  /** The stream's version before this append: what the command read. */
  readonly expectedVersion: number;
}

/** What each command appends, in order: one stream per command with several commands, else 50 streams in turn. */
function plan(scenario: Scenario): Append[][] {
  const perCommand = scenario.events / scenario.commands;
  const versions = new Map<string, number>();
  return Array.from({ length: scenario.commands }, (_, c) =>
    Array.from({ length: perCommand / scenario.batch }, (_, b) => {
      const streamId = scenario.commands > 1 ? `team-c${c}` : `team-s${b % 50}`;
      const expectedVersion = versions.get(streamId) ?? 0;
      versions.set(streamId, expectedVersion + scenario.batch);
      return { streamId, expectedVersion, events: Array.from({ length: scenario.batch }, (_, i) => event(c * perCommand + b * scenario.batch + i)) };
    }),
  );
}

const seconds = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e9;

/** Runs every command's appends, the commands concurrently; returns events/s. */
async function run(scenario: Scenario, commands: Append[][], append: (a: Append) => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await Promise.all(commands.map(async (appends) => {
    for (const a of appends) await append(a);
  }));
  return scenario.events / seconds(start);
}

async function benchAdapter(filename: string, scenario: Scenario): Promise<number> {
  const commands = plan(scenario);
  const store = new SqliteEventStore({ filename });
  try {
    return await run(scenario, commands, (a) => store.append(a.streamId, a.events, { expectedVersion: a.expectedVersion }));
  } finally {
    await store.close();
  }
}

async function benchRaw(filename: string, scenario: Scenario): Promise<number> {
  // The adapter creates the identical table; then it is closed and the raw driver takes over.
  await new SqliteEventStore({ filename }).close();
  const recordedAt = new Date().toISOString();
  const heads = new Map<string, string>();
  const commands = plan(scenario).map((appends) =>
    appends.map(({ streamId, events, expectedVersion }) =>
      events.map((e, i) => {
        const position = expectedVersion + i + 1;
        const hash = eventHash(heads.get(streamId) ?? GENESIS_HASH, streamId, position, e);
        heads.set(streamId, hash);
        return [e.eventId, streamId, position, e.type, e.schemaVersion, e.tenantId, e.occurredAt, recordedAt, JSON.stringify(e.actor),
          e.reason ?? null, e.correlationId, e.causationId, e.traceparent ?? null, JSON.stringify(e.data), JSON.stringify(e.metadata), hash];
      }),
    ),
  );
  const db = new Database(filename);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = FULL');
    const insert = db.prepare(
      `INSERT INTO events (event_id, stream_id, stream_position, type, schema_version, tenant_id, occurred_at, recorded_at, actor, reason,
         correlation_id, causation_id, traceparent, data, metadata, hash) VALUES (${Array.from({ length: 16 }, () => '?').join(', ')})`,
    );
    const insertBatch = db.transaction((rows: unknown[][]) => rows.forEach((row) => insert.run(row)));
    const start = process.hrtime.bigint();
    // The driver is synchronous: commands "in flight" still commit one transaction after another.
    await Promise.all(commands.map(async (appends) => {
      for (const rows of appends) {
        insertBatch.immediate(rows);
        await null;
      }
    }));
    return scenario.events / seconds(start);
  } finally {
    db.close();
  }
}

/** Emmett's event, carrying the same envelope fields as ours (its own ids and positions come on top). */
const emmettEvent = (e: NewEvent) => ({
  type: e.type,
  data: e.data as Record<string, unknown>,
  metadata: { eventId: e.eventId, schemaVersion: e.schemaVersion, tenantId: e.tenantId, occurredAt: e.occurredAt, actor: e.actor, reason: e.reason, correlationId: e.correlationId, causationId: e.causationId, ...e.metadata },
});

/**
 * Emmett through its exported `appendToStream` on one `sqliteConnection` kept open: its
 * fastest correct path. Its `getSQLiteEventStore` opens and closes a connection per call
 * (measured separately, `emmettEventStoreRate`), and neither takes concurrent appends on
 * one connection: its transaction helper counts nesting per connection, so a second append
 * in flight joins the first one's transaction (and a failure rolls back both); through the
 * event store concurrent appends fail with SQLITE_BUSY or a closed handle. So the commands'
 * appends are queued to it one at a time.
 */
async function benchPeer(filename: string, scenario: Scenario): Promise<number> {
  const commands = plan(scenario);
  const connection = sqliteConnection({ fileName: filename });
  try {
    await createEventStoreSchema(connection);
    let queue: Promise<unknown> = Promise.resolve();
    return await run(scenario, commands, (a) => {
      const next = queue.then(async () => {
        const result = await appendToStream(connection, a.streamId, 'team', a.events.map(emmettEvent), { expectedStreamVersion: BigInt(a.expectedVersion) });
        if (!result.success) throw new Error(`Emmett refused an append to ${a.streamId} at ${a.expectedVersion}.`);
      });
      queue = next.catch(() => undefined);
      return next;
    });
  } finally {
    connection.close();
  }
}

/** Emmett's `getSQLiteEventStore`, as its documentation shows it, one event per append. */
async function emmettEventStoreRate(filename: string, events: number): Promise<number> {
  const store = getSQLiteEventStore({ fileName: filename });
  const start = process.hrtime.bigint();
  for (let n = 0; n < events; n++) {
    const e = event(n);
    await store.appendToStream(`team-s${n % 50}`, [emmettEvent(e)], { expectedStreamVersion: BigInt(Math.floor(n / 50)) });
  }
  return events / seconds(start);
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'leerzone-bench-sqlite-'));
  const rows: BenchRow[] = [];
  let eventStoreRate = 0;
  try {
    for (const [index, scenario] of SCENARIOS.entries()) {
      const rounds: Round[] = [];
      for (let round = 0; round < ROUNDS; round++) {
        const file = (who: string) => join(dir, `${who}-${index}-${round}.db`);
        const contenders = [
          ['adapter', () => benchAdapter(file('adapter'), scenario)],
          ['raw', () => benchRaw(file('raw'), scenario)],
          ['peer', () => benchPeer(file('peer'), scenario)],
        ] as const;
        const rates: Partial<Record<'adapter' | 'raw' | 'peer', number>> = {};
        for (let k = 0; k < contenders.length; k++) {
          const [who, measure] = contenders[(k + round) % contenders.length]!;
          rates[who] = await measure();
        }
        rounds.push({ adapter: rates.adapter!, raw: rates.raw!, peer: rates.peer! });
      }
      const row = { scenario: scenario.name, events: scenario.events, rounds };
      rows.push(row);
      const summary = summarize(row);
      console.log(
        `${scenario.name}: adapter ${Math.round(summary.adapter)} events/s, Emmett ${Math.round(summary.peer!.rate)}, raw ${Math.round(summary.raw)}; adapter/raw ${summary.ratio.toFixed(2)}, adapter/Emmett ${summary.peer!.adapterOverPeer.toFixed(2)}`,
      );
    }
    eventStoreRate = await emmettEventStoreRate(join(dir, 'emmett-event-store.db'), tiny ? 20 : 200);
    console.log(`Emmett getSQLiteEventStore, 1 event per append: ${Math.round(eventStoreRate)} events/s`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const sqliteVersion = new Database(':memory:').prepare('SELECT sqlite_version() AS v').pluck().get() as string;
  const machine = benchMachine();
  const markdown = `### SQLite (\`SqliteEventStore\` vs raw \`better-sqlite3\` INSERTs vs Emmett)

${markdownTable(rows, undefined, 'Emmett')}

Median of ${ROUNDS} rounds (the three in rotating order, fresh files each round), ${new Date().toISOString().slice(0, 10)}; SQLite ${sqliteVersion} through better-sqlite3 for the adapter and raw, the \`sqlite3\` driver's bundled SQLite for Emmett; WAL and synchronous=FULL for all three; files in ${tmpdir()}; Node ${process.version}, ${String(machine['cpus'])} × ${String(machine['cpu'])}, load average ${(machine['loadAverage'] as number[]).join(' / ')} at the end. Figures of this run: \`bench/results/event-store-sqlite.json\`.
Raw: the same rows with positions and chained hashes computed before the clock starts, one transaction per append — in the commands-in-flight row one transaction per event (the synchronous driver commits them one after another however many commands wait), the rate group commit is measured against. Emmett 0.38.5 (\`@event-driven-io/emmett-sqlite\`; 0.42's core is not served by this project's registry) through its exported \`appendToStream\` on one kept-open connection, its fastest correct path; its appends are queued one at a time, because its transaction helper counts nesting per connection, so a second append in flight would join the first one's transaction. Its \`getSQLiteEventStore\`, which opens and closes a connection per call (WAL checkpoint on each close), did ${Math.round(eventStoreRate)} events/s at 1 event per append in this run.
Per-round ratios adapter / raw — ${roundsLine(rows)}.`;
  console.log(`\n${markdown}\n`);
  const written = publishBench(
    { part: 'event-store-sqlite', rows, context: { sqliteVersion, emmett: '0.38.5', emmettEventStoreRate: eventStoreRate, durability: 'WAL, synchronous=FULL', tmpdir: tmpdir(), machine } },
    { section: { ...PERFORMANCE_SECTIONS.eventStoreAppend, part: 'event-store-sqlite' }, markdown },
    settings,
  );
  console.log(`Written: ${written.join(', ')}${settings.writeDoc ? '' : ' (docs/performance.md unchanged: pass --write-doc to rewrite its part)'}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
