import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MongoClient, type AnyBulkWriteOperation } from 'mongodb';
import { SqliteEventStore } from '@leerzone/event-store-sqlite';
import type { NewEvent } from '@leerzone/kernel';
import { InMemoryProjectionStore, type BulkWriteResult, type Document, type ProjectionCollection, type ProjectionStore, type WriteOperation } from '@leerzone/projection-store';
import { rebuildProjection } from '@leerzone/projections';
import { rosterEvents, teamRosterProjection } from '@leerzone/projections/testing';
import { openTestDatabase } from '../src/mongo-test-database';
import { PERFORMANCE_SECTIONS, benchMachine, benchSettings, median, publishBench, type BenchRow } from '@leerzone/bench-kit';

/**
 * Rebuild throughput: rebuildProjection (read a batch, run the handlers, fold the batch's
 * writes per document, write each touched document once, checkpoint) against two baselines
 * measured in the same run: reading the same events from the same SQLite event store in the
 * same batches and doing nothing with them, and — on the MongoDB-wire server — the raw
 * driver sending the very document writes the rebuild sends (recorded from an in-memory
 * rebuild) to the same server, in full bulk commands, without reading or projecting
 * anything. Rounds alternate which goes first.
 * Run: npx nx run @leerzone/projection-store-mongodb:bench [-- --write-doc]; BENCH_SIZE=tiny
 * for one small round; BENCH_ONLY=memory|mongodb for one part; BENCH_MONGO_BACKEND=postgresql when
 * MONGO_URL is a FerretDB on PostgreSQL (`ferretdb-local -postgresql <url>`, infra/local/ferretdb).
 */

const settings = benchSettings();
const tiny = settings.size === 'tiny';
const BATCH = 1_000;
const SECTION = PERFORMANCE_SECTIONS.projectionRebuild;

const seconds = (start: bigint): number => Number(process.hrtime.bigint() - start) / 1e9;
const rate = (n: number): string => Math.round(n).toLocaleString('en');

async function seed(filename: string, events: number): Promise<void> {
  const store = new SqliteEventStore({ filename });
  // Grouped by stream (each team's events keep their order) so seeding takes a few hundred
  // durable appends rather than one fsync per event.
  const byStream = new Map<string, NewEvent[]>();
  for (const { streamId, event } of rosterEvents(events, { teams: 200 })) byStream.set(streamId, [...(byStream.get(streamId) ?? []), event]);
  for (const [streamId, list] of byStream) {
    for (let i = 0; i < list.length; i += 100) await store.append(streamId, list.slice(i, i + 100), { expectedVersion: 'any' });
  }
  await store.close();
}

async function readRaw(filename: string): Promise<number> {
  const store = new SqliteEventStore({ filename });
  try {
    const start = process.hrtime.bigint();
    let after = 0;
    let read = 0;
    for (;;) {
      const batch = await store.readAll({ after, limit: BATCH });
      if (batch.length === 0) break;
      read += batch.length;
      after = batch[batch.length - 1]!.globalPosition;
    }
    return read / seconds(start);
  } finally {
    await store.close();
  }
}

interface Projected {
  readonly rate: number;
  readonly documents: number;
  readonly writes: number;
}

async function project(filename: string, store: ProjectionStore): Promise<Projected> {
  const eventStore = new SqliteEventStore({ filename });
  try {
    const start = process.hrtime.bigint();
    const result = await rebuildProjection({ eventStore, store, projection: teamRosterProjection, batchSize: BATCH });
    const elapsed = seconds(start);
    let documents = 0;
    for (const name of await store.listCollections()) if (name.includes('__')) documents += await store.collection(name).count();
    return { rate: result.events / elapsed, documents, writes: result.writes };
  } finally {
    await eventStore.close();
  }
}

/** The read model's bulk writes as a rebuild sends them (collection by logical name, in order). */
interface RecordedWrite {
  readonly collection: string;
  readonly operations: readonly WriteOperation[];
}

/** An in-memory store that records every bulk write into a generation's collections. */
function recording(inner: InMemoryProjectionStore, log: RecordedWrite[]): ProjectionStore {
  return {
    listCollections: () => inner.listCollections(),
    close: () => inner.close(),
    collection<T extends Document = Document>(name: string): ProjectionCollection<T> {
      const collection = inner.collection<T>(name);
      return new Proxy(collection, {
        get(target, property, receiver) {
          if (property === 'bulkWrite' && name.includes('__')) {
            return async (operations: readonly WriteOperation[]): Promise<BulkWriteResult> => {
              log.push({ collection: name.slice(0, name.indexOf('__')), operations: structuredClone(operations) });
              return target.bulkWrite(operations);
            };
          }
          const value = Reflect.get(target, property, receiver) as unknown;
          return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
        },
      });
    },
  };
}

const toDriver = (operation: WriteOperation): AnyBulkWriteOperation<{ _id: string }> => {
  if ('insertOne' in operation) return { insertOne: { document: { ...operation.insertOne.document } } };
  if ('deleteMany' in operation) return { deleteMany: { filter: operation.deleteMany.filter as never } };
  throw new Error(`the rebuild sent an operation the raw baseline does not replay: ${Object.keys(operation).join()}`);
};

/** The raw driver sends the recorded writes to fresh collections of one database: documents/s and events/s. */
async function rawWrites(url: string, log: readonly RecordedWrite[], events: number): Promise<number> {
  const client = new MongoClient(url);
  await client.connect();
  const db = client.db(`lz_bench_raw_${process.pid}_${Date.now()}`);
  try {
    for (const name of new Set(log.map((write) => write.collection))) await db.createCollection(name);
    const start = process.hrtime.bigint();
    for (const { collection, operations } of log) await db.collection<{ _id: string }>(collection).bulkWrite(operations.map(toDriver), { ordered: true });
    return events / seconds(start);
  } finally {
    await db.dropDatabase().catch(() => undefined);
    await client.close();
  }
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'leerzone-rebuild-bench-'));
  const only = process.env['BENCH_ONLY'];
  const url = process.env['MONGO_URL'];
  const rows: BenchRow[] = [];
  const context: Record<string, unknown> = { batch: BATCH };
  const text: string[] = [];
  try {
    const memoryEvents = tiny ? 2_000 : 20_000;
    const memoryRounds = tiny ? 1 : 5;
    if (only !== 'mongodb') {
      const filename = join(dir, 'memory.db');
      await seed(filename, memoryEvents);
      await readRaw(filename); // warm the page cache and the JIT once, unmeasured
      const rounds: { adapter: number; raw: number }[] = [];
      let shape: Projected | undefined;
      for (let round = 0; round < memoryRounds; round++) {
        const first = round % 2 === 0 ? await readRaw(filename) : undefined;
        const projected = await project(filename, new InMemoryProjectionStore());
        const raw = first ?? (await readRaw(filename));
        shape = projected;
        rounds.push({ adapter: projected.rate, raw });
        console.log(`memory round ${round + 1}: rebuild ${rate(projected.rate)} events/s, raw read ${rate(raw)} events/s, ratio ${(projected.rate / raw).toFixed(3)}`);
      }
      rows.push({ scenario: 'in memory: rebuild vs raw read of the events', events: memoryEvents, rounds });
      context['memory'] = { events: memoryEvents, writes: shape!.writes, documents: shape!.documents };
      text.push(
        `In memory: ${memoryEvents.toLocaleString('en')} events of the roster test projection (teams created, renamed, archived and re-created, members joining and leaving; three collections; ${shape!.writes.toLocaleString('en')} document writes asked for by the handlers, ${shape!.documents.toLocaleString('en')} documents at the end), SQLite event store, batches of ${BATCH.toLocaleString('en')}, median of ${memoryRounds} rounds, each into a fresh store.`,
      );
    }
    if (only !== 'memory') {
      if (!url) {
        if (process.env['CI'] === 'true') throw new Error('MONGO_URL is not set (start the servers with `npm run infra:up`).');
        console.log('projection rebuild bench: MONGO_URL is not set (start servers with `npm run infra:up`); MongoDB part skipped.');
      } else {
        const events = tiny ? 1_000 : 20_000;
        const roundsWanted = tiny ? 1 : 3;
        const filename = join(dir, 'mongodb.db');
        await seed(filename, events);
        await readRaw(filename);
        // The documents the rebuild writes, recorded once from an in-memory rebuild of the same events.
        const log: RecordedWrite[] = [];
        await project(filename, recording(new InMemoryProjectionStore(), log));
        const sent = log.reduce((sum, write) => sum + write.operations.length, 0);
        const read: { adapter: number; raw: number }[] = [];
        const written: { adapter: number; raw: number }[] = [];
        let shape: Projected | undefined;
        let server = 'MongoDB';
        for (let round = 0; round < roundsWanted; round++) {
          const rawFirst = round % 2 === 0;
          const rawWrite = rawFirst ? await rawWrites(url, log, events) : 0;
          const rawRead = await readRaw(filename);
          const target = await openTestDatabase(url, 'lz_bench');
          // FerretDB does not say which backend it runs on: BENCH_MONGO_BACKEND=postgresql names the other one.
          if (target.store.ferretDb) server = `FerretDB 1.24 (${process.env['BENCH_MONGO_BACKEND'] === 'postgresql' ? 'PostgreSQL' : 'SQLite'} backend)`;
          let projected: Projected;
          try {
            projected = await project(filename, target.store);
          } finally {
            await target.dispose();
          }
          const rawWriteRate = rawFirst ? rawWrite : await rawWrites(url, log, events);
          shape = projected;
          read.push({ adapter: projected.rate, raw: rawRead });
          written.push({ adapter: projected.rate, raw: rawWriteRate });
          console.log(
            `mongodb round ${round + 1}: rebuild ${rate(projected.rate)} events/s, raw driver writes ${rate(rawWriteRate)} events/s (ratio ${(projected.rate / rawWriteRate).toFixed(3)}), raw read ${rate(rawRead)} events/s`,
          );
        }
        rows.push({ scenario: `${server}: rebuild vs raw driver bulk writes of the same documents`, events, rounds: written });
        rows.push({ scenario: `${server}: rebuild vs raw read of the events`, events, rounds: read });
        context['mongodb'] = { server, events, writes: shape!.writes, documents: shape!.documents, operationsSent: sent, bulkCommands: log.length };
        text.push(
          `On the MongoDB-wire server (${server} at MONGO_URL): ${events.toLocaleString('en')} events of the same projection (${shape!.writes.toLocaleString('en')} document writes asked for, ${shape!.documents.toLocaleString('en')} documents at the end), median of ${roundsWanted} rounds, each into a fresh database. The raw baseline replays, with the driver alone, the ${sent.toLocaleString('en')} operations (${log.length.toLocaleString('en')} bulk writes: per batch and collection one \`deleteMany\` of the touched documents' old versions and one insert of each touched document's final state) that the rebuild sends, recorded from an in-memory rebuild of the same events, into fresh collections of the same server, each bulk write in one ordered driver call — no reading, no handlers, no checkpoints, no chunks of ${'32'} operations.`,
        );
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  if (rows.length === 0) return;
  const machine = benchMachine();
  const table = [
    '| scenario | events per round | rebuild events/s | baseline events/s | rebuild / baseline |',
    '| --- | ---: | ---: | ---: | ---: |',
    ...rows.map((row) => {
      const adapter = median(row.rounds.map((r) => r.adapter));
      const raw = median(row.rounds.map((r) => r.raw));
      const ratio = median(row.rounds.map((r) => r.adapter / r.raw));
      return `| ${row.scenario} | ${row.events.toLocaleString('en')} | ${rate(adapter)} | ${rate(raw)} | **${ratio.toFixed(2)}** |`;
    }),
  ].join('\n');
  const markdown = `### Rebuild against its baselines

${table}

${text.join('\n')}
Measured ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${String(machine['cpus'])} × ${String(machine['cpu'])}, load average ${(machine['loadAverage'] as number[]).join(' / ')} at the end. Figures of this run: \`bench/results/projection-rebuild.json\`.
Per-round ratios — ${rows.map((row) => `${row.scenario}: ${row.rounds.map((r) => (r.adapter / r.raw).toFixed(2)).join(', ')}`).join('; ')}.`;
  console.log(`\n${markdown}\n`);
  const files = publishBench({ part: 'projection-rebuild', rows, context: { ...context, machine } }, { section: { ...SECTION, part: 'projection-rebuild' }, markdown }, settings);
  console.log(`Written: ${files.join(', ')}${settings.writeDoc ? '' : ' (docs/performance.md unchanged: pass --write-doc to rewrite its part)'}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
