// Verify benchmark: events/s that `verifyEventStore` checks (hash chains + rolling digest +
// one checkpoint) on an SQLite store, against a raw walk that only reads the same events in
// global order in the same run (the floor: what reading alone costs).
//
//   npx nx run @leerzone/audit:bench        (BENCH_EVENTS=100000 by default)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteEventStore } from '@leerzone/event-store-sqlite';
import type { NewEvent } from '@leerzone/kernel';
import { CheckpointWriter } from '../src/integrity/audit-checkpoints';
import { CheckpointKeyRing, CheckpointSigner } from '../src/integrity/checkpoint-keys';
import { verifyEventStore } from '../src/integrity/verify-event-store';

const EVENTS = Number(process.env['BENCH_EVENTS'] ?? 100_000);
const ROUNDS = 5;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const event = (i: number, stream: number): NewEvent => ({
  eventId: `bench-${i}`,
  type: 'TeamBoundaryChanged',
  schemaVersion: 1,
  tenantId: `tenant-${stream % 4}`,
  occurredAt: new Date(Date.UTC(2026, 2, 1, 10, 0, 0, i)).toISOString(),
  actor: { id: `user-${i % 37}`, kind: 'user' },
  reason: 'The team asked for a wider budget mandate after the quarterly review.',
  correlationId: `corr-${Math.floor(i / 3)}`,
  causationId: `cmd-${i}`,
  data: { boundary: 'budget', from: { limit: 5_000, currency: 'EUR' }, to: { limit: 7_500 + (i % 100), currency: 'EUR' } },
  metadata: {},
});

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'leerzone-verify-bench-'));
  const store = new SqliteEventStore({ filename: join(dir, 'events.db') });
  try {
    const versions = new Map<string, number>();
    for (let i = 0; i < EVENTS; i += 500) {
      const stream = (i / 500) % 200;
      const streamId = `team-${stream}`;
      const batch = Array.from({ length: Math.min(500, EVENTS - i) }, (_, k) => event(i + k, stream));
      await store.append(streamId, batch, { expectedVersion: versions.get(streamId) ?? 0 });
      versions.set(streamId, (versions.get(streamId) ?? 0) + batch.length);
    }
    const signer = CheckpointSigner.loadOrCreate(join(dir, 'key.pem'));
    let n = 0;
    const signStart = performance.now();
    await new CheckpointWriter({ store, signer, newId: () => `cp-${n++}` }).checkpoint();
    const signMs = performance.now() - signStart;
    const keys = CheckpointKeyRing.of([signer.publicKeyPem]);

    const raw: number[] = [];
    const verify: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      let start = performance.now();
      let after = 0;
      for (;;) {
        const batch = await store.readAll({ after, limit: 2_000 });
        if (batch.length === 0) break;
        after = batch[batch.length - 1]!.globalPosition;
      }
      raw.push(performance.now() - start);
      start = performance.now();
      const report = await verifyEventStore(store, { keys });
      verify.push(performance.now() - start);
      if (report.status !== 'intact' || report.checkpointsVerified !== 1) throw new Error(`Unexpected report: ${JSON.stringify(report)}`);
    }
    const total = EVENTS + 1;
    const rate = (ms: number) => Math.round((total / ms) * 1000);
    process.stdout.write(
      `audit verify, SQLite, ${total} events in 200 streams, median of ${ROUNDS} rounds, Node ${process.version}\n` +
        `  raw readAll walk   ${median(raw).toFixed(0)} ms  ${rate(median(raw))} events/s\n` +
        `  verify             ${median(verify).toFixed(0)} ms  ${rate(median(verify))} events/s  (ratio to raw: ${(median(raw) / median(verify)).toFixed(2)})\n` +
        `  first checkpoint   ${signMs.toFixed(0)} ms (full walk + sign + append)\n`,
    );
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String((error as Error).stack ?? error)}\n`);
  process.exit(1);
});
