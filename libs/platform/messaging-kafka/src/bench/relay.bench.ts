// Relay benchmark: events/s forwarded from a SQLite event store to Kafka by the relay,
// against a raw kafkajs producer sending the same messages in the same run, and a raw
// @platformatic/kafka producer with the same batching and settings. Writes JSON under
// bench/results/runs; only with --write-doc the `## Kafka relay` section of docs/performance.md.
//
//   npm run bench            (all projects)
//   npx nx run @leerzone/messaging-kafka:bench [-- --write-doc]; BENCH_SIZE=tiny for one small round
//
// Needs a broker: KAFKA_BROKERS, else infra/local/.run/env (npm run infra:up).
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { PERFORMANCE_SECTIONS, benchMachine, benchSettings, median, publishBench } from '@leerzone/bench-kit';
import { Producer, stringSerializers } from '@platformatic/kafka';
import { SqliteEventStore } from '@leerzone/event-store-sqlite';
import type { NewEvent } from '@leerzone/kernel';
import { EventRelay, partitionKey, silentMessagingLogger } from '@leerzone/messaging';
import { Partitioners } from 'kafkajs';
import { toKafkaRecord } from '../cloud-events-binding';
import { KafkaEventBus } from '../kafka-event-bus';
import { SqliteCheckpointStore } from '@leerzone/messaging-sqlite';
import { deleteNamespaceTopics, testBusOptions, uniqueNamespace } from '../testing/kafka-test-bus';

const ROOT = resolve(__dirname, '../../../../..');
const settings = benchSettings();
const EVENTS = Number(process.env['BENCH_EVENTS'] ?? (settings.size === 'tiny' ? 2_000 : 20_000));
const BATCH = 500;
const ROUNDS = settings.size === 'tiny' ? 1 : 7;
const PARTITIONS = 6;
const SOURCE = 'governance';

function brokers(): string | undefined {
  if (process.env['KAFKA_BROKERS']) return process.env['KAFKA_BROKERS'];
  const envFile = join(ROOT, 'infra/local/.run/env');
  if (!existsSync(envFile)) return undefined;
  return /^KAFKA_BROKERS=(.+)$/m.exec(readFileSync(envFile, 'utf8'))?.[1]?.trim();
}


function newEvent(i: number, team: number): NewEvent {
  return {
    eventId: `bench-${process.pid}-${i}`,
    type: 'TeamBoundaryChanged',
    schemaVersion: 1,
    tenantId: `tenant-${team % 4}`,
    occurredAt: new Date(Date.UTC(2026, 2, 1, 10, 0, 0, i)).toISOString(),
    actor: { id: `user-${i % 37}`, kind: 'user' },
    reason: 'The team asked for a wider budget mandate after the quarterly review.',
    correlationId: `corr-${Math.floor(i / 3)}`,
    causationId: `cmd-${i}`,
    traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01',
    data: { teamId: `team-${team}`, boundary: 'budget', from: { limit: 5_000, currency: 'EUR' }, to: { limit: 7_500 + (i % 100), currency: 'EUR' }, changedBy: `user-${i % 37}` },
    metadata: { source: 'bench' },
  };
}

async function main(): Promise<void> {
  const broker = brokers();
  if (!broker) {
    console.log('Kafka relay bench skipped: no KAFKA_BROKERS and no infra/local/.run/env (run `npm run infra:up`).');
    return;
  }
  const dir = mkdtempSync(join(tmpdir(), 'leerzone-relay-bench-'));
  const store = new SqliteEventStore({ filename: join(dir, 'events.db'), pollIntervalMs: 20 });
  for (let i = 0; i < EVENTS; ) {
    const team = i % 200;
    const batch = Array.from({ length: Math.min(50, EVENTS - i) }, (_, k) => newEvent(i + k, team));
    await store.append(`team-${team}-${i}`, batch, { expectedVersion: 0 });
    i += batch.length;
  }
  const head = await store.headPosition();
  const stored = await (async () => {
    const all = [];
    for (let after = 0; after < head; ) {
      const batch = await store.readAll({ after, limit: 10_000 });
      all.push(...batch);
      after = batch[batch.length - 1]!.globalPosition;
    }
    return all;
  })();
  const messages = stored.map((event) => toKafkaRecord(SOURCE, partitionKey(event), event));
  const bytes = messages.reduce((sum, m) => sum + m.value.length + Object.entries(m.headers).reduce((s, [k, v]) => s + k.length + v.length, 0), 0) / messages.length;

  const namespaces: string[] = [];
  const freshBus = async () => {
    const namespace = uniqueNamespace('bench');
    namespaces.push(namespace);
    const bus = new KafkaEventBus(testBusOptions(broker, namespace, { clientId: 'relay-bench', topics: { partitions: PARTITIONS, replicationFactor: 1 } }));
    await bus.ensureTopics([SOURCE]);
    return bus;
  };

  interface Measured {
    readonly rate: number;
    /** CPU time of this process per event: far less sensitive to other load on the machine than wall time. */
    readonly cpuMicros: number;
  }
  const cpuSince = (start: NodeJS.CpuUsage, events: number) => {
    const used = process.cpuUsage(start);
    return (used.user + used.system) / events;
  };

  // Same producer settings as the relay's bus: idempotent, one request in flight, acks=all.
  const raw = async (): Promise<Measured> => {
    const bus = await freshBus();
    const producer = bus.kafka.producer({ idempotent: true, maxInFlightRequests: 1, createPartitioner: Partitioners.DefaultPartitioner });
    await producer.connect();
    const started = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    for (let i = 0; i < messages.length; i += BATCH) await producer.send({ topic: bus.topicOf(SOURCE), acks: -1, messages: messages.slice(i, i + BATCH) });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const cpuMicros = cpuSince(cpu, messages.length);
    await producer.disconnect();
    await bus.close();
    return { rate: messages.length / seconds, cpuMicros };
  };

  const relayed = async (round: number): Promise<Measured> => {
    const bus = await freshBus();
    const checkpoints = new SqliteCheckpointStore({ filename: join(dir, `checkpoints-${round}.db`) });
    const relay = new EventRelay({ name: 'bench', source: SOURCE, store, bus, checkpoints, batchSize: BATCH, logger: silentMessagingLogger });
    const started = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    await relay.start();
    await relay.waitForCheckpoint(head);
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const cpuMicros = cpuSince(cpu, head);
    await relay.stop();
    await checkpoints.close();
    await bus.close();
    return { rate: head / seconds, cpuMicros };
  };

  // The same messages and batching through @platformatic/kafka: idempotent, acks=all, strings serialised by the client.
  const platformatic = async (): Promise<Measured> => {
    const bus = await freshBus();
    const producer = new Producer<string, string, string, string>({
      clientId: 'relay-bench-platformatic',
      bootstrapBrokers: broker.split(','),
      idempotent: true,
      acks: -1,
      serializers: stringSerializers,
    });
    const topic = bus.topicOf(SOURCE);
    const batches = [];
    for (let i = 0; i < messages.length; i += BATCH) batches.push(messages.slice(i, i + BATCH).map((m) => ({ topic, key: m.key, value: m.value, headers: m.headers })));
    const started = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    for (const batch of batches) await producer.send({ messages: batch });
    const seconds = Number(process.hrtime.bigint() - started) / 1e9;
    const cpuMicros = cpuSince(cpu, messages.length);
    await producer.close();
    await bus.close();
    return { rate: messages.length / seconds, cpuMicros };
  };

  const rawRuns: Measured[] = [];
  const relayRuns: Measured[] = [];
  const platformaticRuns: Measured[] = [];
  try {
    await raw(); // warm-up: connections, JIT, broker page cache
    await platformatic();
    for (let round = 0; round < ROUNDS; round++) {
      // Rotating order, so no path always runs first after the other's topic traffic.
      const order = [() => raw(), () => relayed(round), () => platformatic()];
      const results: Measured[] = [];
      for (let k = 0; k < order.length; k++) results[(k + round) % 3] = await order[(k + round) % 3]!();
      rawRuns.push(results[0]!);
      relayRuns.push(results[1]!);
      platformaticRuns.push(results[2]!);
      console.log(`round ${round + 1}: raw kafkajs ${Math.round(results[0]!.rate)}, relay ${Math.round(results[1]!.rate)}, raw platformatic ${Math.round(results[2]!.rate)} events/s`);
    }
  } finally {
    await store.close();
    for (const namespace of namespaces) await deleteNamespaceTopics(broker, namespace).catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
  }

  const relayRates = relayRuns.map((r) => r.rate);
  const rawRates = rawRuns.map((r) => r.rate);
  const platformaticRates = platformaticRuns.map((r) => r.rate);
  const relayCpu = median(relayRuns.map((r) => r.cpuMicros));
  const rawCpu = median(rawRuns.map((r) => r.cpuMicros));
  const platformaticCpu = median(platformaticRuns.map((r) => r.cpuMicros));
  // Paired per round: the paths of one round see the same machine load.
  const ratios = relayRates.map((rate, i) => rate / rawRates[i]!);
  const platformaticRatios = platformaticRates.map((rate, i) => rate / rawRates[i]!);
  const fmt = (n: number) => Math.round(n).toLocaleString('en-US');
  const machine = benchMachine();
  const section = [
    `Measured ${new Date().toISOString().slice(0, 10)} by \`npx nx run @leerzone/messaging-kafka:bench -- --write-doc\` (part of \`npm run bench\`), on ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.version}, against the local single-node broker (${broker}); load average ${(machine['loadAverage'] as number[]).join(' / ')} at the end. Figures of this run: \`bench/results/kafka-relay.json\`.`,
    '',
    `${fmt(head)} events (about ${Math.round(bytes)} bytes of value and headers each) from a SQLite event store to a ${PARTITIONS}-partition topic, in batches of ${BATCH}; median of ${ROUNDS} rounds, each on a fresh topic, the three paths in rotating order.`,
    '',
    '| path | events/s | CPU µs per event (this process) | ratio to raw kafkajs (median of per-round ratios) |',
    '|---|---:|---:|---:|',
    `| relay (read store → CloudEvents encode → idempotent send, acks=all → SQLite checkpoint) | ${fmt(median(relayRates))} | ${relayCpu.toFixed(0)} | **${median(ratios).toFixed(2)}** |`,
    `| raw kafkajs 2.2.4 producer, same pre-encoded messages, same producer settings | ${fmt(median(rawRates))} | ${rawCpu.toFixed(0)} | 1 |`,
    `| raw @platformatic/kafka 1.20.0 producer, same messages and batches, idempotent, acks=all | ${fmt(median(platformaticRates))} | ${platformaticCpu.toFixed(0)} | ${median(platformaticRatios).toFixed(2)} |`,
    '',
    `Rounds (events/s): relay ${relayRates.map(fmt).join(', ')}; raw kafkajs ${rawRates.map(fmt).join(', ')}; raw platformatic ${platformaticRates.map(fmt).join(', ')}; relay / raw ${ratios.map((r) => r.toFixed(2)).join(', ')}; platformatic / kafkajs ${platformaticRatios.map((r) => r.toFixed(2)).join(', ')}. Absolute rates swing with the load of the shared machine; the ratio is the figure to compare.`,
  ].join('\n');
  console.log(section);
  const written = publishBench(
    {
      part: 'kafka-relay',
      rows: [
        { scenario: 'relay vs raw kafkajs producer', events: head, rounds: relayRates.map((rate, i) => ({ adapter: rate, raw: rawRates[i]! })) },
        { scenario: 'raw @platformatic/kafka vs raw kafkajs producer', events: head, rounds: platformaticRates.map((rate, i) => ({ adapter: rate, raw: rawRates[i]! })) },
      ],
      context: { broker, batch: BATCH, partitions: PARTITIONS, bytesPerEvent: bytes, cpuMicrosPerEvent: { relay: relayCpu, kafkajs: rawCpu, platformatic: platformaticCpu }, machine },
    },
    { section: { ...PERFORMANCE_SECTIONS.kafkaRelay, part: 'kafka-relay' }, markdown: section },
    settings,
  );
  console.log(`Written: ${written.join(', ')}${settings.writeDoc ? '' : ' (docs/performance.md unchanged: pass --write-doc to rewrite its section)'}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
