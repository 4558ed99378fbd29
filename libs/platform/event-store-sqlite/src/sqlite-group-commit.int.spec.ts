import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import Database from 'better-sqlite3';
import { ConcurrencyConflictError, GENESIS_HASH, type NewEvent } from '@leerzone/kernel';
import { eventHash } from '@leerzone/event-hash';
import { SqliteEventStore } from './sqlite-event-store';

const event = (n: number): NewEvent => ({
  eventId: `e-${n}-${Math.random().toString(36).slice(2)}`,
  type: 'Grouped',
  schemaVersion: 1,
  tenantId: 'tenant-a',
  occurredAt: '2026-03-01T10:00:00.000Z',
  actor: { id: 'u', kind: 'user' },
  correlationId: 'c',
  causationId: 'c',
  data: { n },
  metadata: {},
});

interface StoredRow {
  event_id: string;
  stream_position: number;
  hash: string;
  type: string;
  schema_version: number;
  tenant_id: string;
  occurred_at: string;
  actor: string;
  reason: string | null;
  correlation_id: string;
  causation_id: string;
  traceparent: string | null;
  data: string;
  metadata: string;
}

describe('SqliteEventStore group commit', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'leerzone-sqlite-group-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('commits appends made in one tick together, in bounded groups, and one at a time when they come one at a time', async () => {
    const commits: { appends: number; events: number }[] = [];
    const store = new SqliteEventStore({ filename: join(dir, 'events.db'), maxAppendsPerCommit: 128, maxEventsPerCommit: 1_000, onCommit: (c) => commits.push(c) });
    try {
      await Promise.all(Array.from({ length: 300 }, (_, i) => store.append(`s-${i}`, [event(i)], { expectedVersion: 0 })));
      expect(commits).toEqual([{ appends: 128, events: 128 }, { appends: 128, events: 128 }, { appends: 44, events: 44 }]);
      commits.length = 0;
      // The event bound closes a group early; an append larger than the bound is a group of its own.
      await Promise.all([
        ...Array.from({ length: 3 }, () => store.append('big', Array.from({ length: 400 }, (_, i) => event(i)), { expectedVersion: 'any' })),
        store.append('bigger', Array.from({ length: 1_500 }, (_, i) => event(i)), { expectedVersion: 0 }),
      ]);
      expect(commits).toEqual([{ appends: 2, events: 800 }, { appends: 1, events: 400 }, { appends: 1, events: 1_500 }]);
      commits.length = 0;
      for (let i = 0; i < 3; i++) await store.append('one-by-one', [event(i)], { expectedVersion: i });
      expect(commits).toEqual([{ appends: 1, events: 1 }, { appends: 1, events: 1 }, { appends: 1, events: 1 }]);
      expect(await store.headPosition()).toBe(300 + 1_200 + 1_500 + 3);
    } finally {
      await store.close();
    }
  });

  it('settles a group only after its commit: a second connection sees every acknowledged append at once', async () => {
    const filename = join(dir, 'events.db');
    const store = new SqliteEventStore({ filename });
    const reader = new Database(filename, { readonly: true });
    try {
      const count = () => (reader.prepare('SELECT COUNT(*) AS n FROM events').get() as { n: number }).n;
      const results = await Promise.all(
        Array.from({ length: 50 }, (_, i) =>
          store.append('visible', [event(i)], { expectedVersion: i === 0 ? 0 : 'any' }).then((result) => ({ result, seen: count() })),
        ),
      );
      // Each promise, when it settles, finds the whole group committed.
      for (const { seen } of results) expect(seen).toBe(50);
      expect(results.map(({ result }) => result.nextExpectedVersion)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
    } finally {
      reader.close();
      await store.close();
    }
  });

  it('writes and settles appends still queued when close is called', async () => {
    const filename = join(dir, 'events.db');
    const store = new SqliteEventStore({ filename });
    const pending = Array.from({ length: 20 }, (_, i) => store.append(`q-${i}`, [event(i)], { expectedVersion: 0 }));
    await store.close();
    await expect(Promise.all(pending)).resolves.toHaveLength(20);
    const reopened = new SqliteEventStore({ filename });
    try {
      expect(await reopened.headPosition()).toBe(20);
      await expect(reopened.append('q-0', [event(0)], { expectedVersion: 0 })).rejects.toBeInstanceOf(ConcurrencyConflictError);
    } finally {
      await reopened.close();
    }
  });

  it('keeps every acknowledged append, and no part of an unacknowledged one, across a kill -9 under concurrent appends', async () => {
    const filename = join(dir, 'events.db');
    const writers = 40;
    const acked = new Map<string, { version: number; ids: string[] }>();
    for (let round = 0; round < 3; round++) {
      const child = spawn(process.execPath, ['--conditions=@leerzone/source', '-r', '@swc-node/register', join(__dirname, 'crash-appender.process.ts'), filename, String(writers)], {
        cwd: join(__dirname, '..'),
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let lines = 0;
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      createInterface({ input: child.stdout }).on('line', (line) => {
        const ack = JSON.parse(line) as { stream: string; version: number; ids: string[] };
        lines++;
        acked.set(ack.stream, ack);
      });
      const exited = new Promise<NodeJS.Signals | null>((resolve) => child.on('exit', (_code, signal) => resolve(signal)));
      const target = 400 + round * 200;
      const deadline = Date.now() + 60_000;
      while (lines < target) {
        if (child.exitCode !== null) throw new Error(`The child exited early (${child.exitCode}): ${stderr}`);
        if (Date.now() > deadline) throw new Error(`The child made no progress: ${stderr}`);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      child.kill('SIGKILL');
      expect(await exited).toBe('SIGKILL');

      const db = new Database(filename, { readonly: true });
      try {
        const byStream = db.prepare<[string], StoredRow>('SELECT * FROM events WHERE stream_id = ? ORDER BY stream_position');
        for (let w = 0; w < writers; w++) {
          const stream = `crash-${w}`;
          const stored = byStream.all(stream);
          const ack = acked.get(stream);
          // Every acknowledged append is there; at most the one append in flight is there without its acknowledgement.
          if (ack) expect(stored.map((r) => r.event_id).slice(ack.version - 3, ack.version)).toEqual(ack.ids);
          expect([ack?.version ?? 0, (ack?.version ?? 0) + 3]).toContain(stored.length);
          // Whole batches only, in order, chained.
          let previous = GENESIS_HASH;
          stored.forEach((row, index) => {
            expect(row.stream_position).toBe(index + 1);
            expect(row.event_id).toBe(`w${w}-v${index - (index % 3)}-${index % 3}`);
            const expected = eventHash(previous, stream, row.stream_position, {
              eventId: row.event_id, type: row.type, schemaVersion: row.schema_version, tenantId: row.tenant_id, occurredAt: row.occurred_at,
              actor: JSON.parse(row.actor), ...(row.reason !== null ? { reason: row.reason } : {}), correlationId: row.correlation_id,
              causationId: row.causation_id, ...(row.traceparent !== null ? { traceparent: row.traceparent } : {}), data: JSON.parse(row.data), metadata: JSON.parse(row.metadata),
            });
            expect(row.hash).toBe(expected);
            previous = row.hash;
          });
        }
      } finally {
        db.close();
      }
    }
  });
});
