// Verify benchmark: events/s that `verifyEventStore` checks (hash chains + rolling digest +
// one checkpoint) on an SQLite store, against a raw walk that only reads the same events in
// global order in the same run (the floor: what reading alone costs).
//
//   npx nx run @leerzone/audit:bench        (BENCH_EVENTS=100000 by default)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PERFORMANCE_SECTIONS, benchMachine, benchSettings, median, publishBench } from '@leerzone/bench-kit';
import { SqliteEventStore } from '@leerzone/event-store-sqlite';
import type { NewEvent } from '@leerzone/kernel';
import { CheckpointWriter } from '../src/integrity/audit-checkpoints';
import { CheckpointKeyRing, CheckpointSigner } from '../src/integrity/checkpoint-keys';
import { verifyEventStore } from '../src/integrity/verify-event-store';

// JSON under bench/results on every run; docs/performance.md only with --write-doc. BENCH_SIZE=tiny: one small round.
const settings = benchSettings();
const EVENTS = Number(process.env['BENCH_EVENTS'] ?? (settings.size === 'tiny' ? 5_000 : 100_000));
const ROUNDS = settings.size === 'tiny' ? 1 : 5;

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
    const ratios = raw.map((ms, i) => ms / verify[i]!);
    const markdown = [
      `Measured ${new Date().toISOString().slice(0, 10)} by \`npx nx run @leerzone/audit:bench -- --write-doc\` (part of \`npm run bench\`): ${total.toLocaleString('en')} events in 200 streams on SQLite, median of ${ROUNDS} rounds, Node ${process.version}.`,
      '',
      '| path | time | events/s |',
      '| --- | ---: | ---: |',
      `| raw walk: \`readAll\` in global order, nothing checked | ${median(raw).toFixed(0)} ms | ${rate(median(raw)).toLocaleString('en')} |`,
      `| \`audit verify\`: every hash chain recomputed, rolling digest, one signed checkpoint | ${median(verify).toFixed(0)} ms | ${rate(median(verify)).toLocaleString('en')} |`,
      `| **ratio verify / raw** (events/s, median of per-round ratios) | | **${median(ratios).toFixed(2)}** |`,
      '',
      `A process's first checkpoint (a full walk, sign, append): ${signMs.toFixed(0)} ms. Where the time goes: canonical JSON and SHA-256 of every event, twice (its chain link and the digest).`,
    ].join('\n');
    process.stdout.write(`${markdown}\n`);
    const written = publishBench(
      {
        part: 'audit-verify',
        rows: [{ scenario: 'audit verify vs raw walk', events: total, rounds: raw.map((ms, i) => ({ adapter: total / verify[i]!, raw: total / ms })) }],
        context: { streams: 200, firstCheckpointMs: signMs, machine: benchMachine() },
      },
      { section: PERFORMANCE_SECTIONS.auditVerify, markdown },
      settings,
    );
    process.stdout.write(`Written: ${written.join(', ')}${settings.writeDoc ? '' : ' (docs/performance.md unchanged: pass --write-doc to rewrite its section)'}\n`);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  process.stderr.write(`${String((error as Error).stack ?? error)}\n`);
  process.exit(1);
});
