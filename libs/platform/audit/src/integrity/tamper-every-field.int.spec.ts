import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import type { EventStore, NewEvent, StoredEvent } from '@leerzone/kernel';
import { SqliteEventStore } from '@leerzone/event-store-sqlite';
import { PostgresEventStore } from '@leerzone/event-store-postgres';
import { describeWithServer } from '@leerzone/test-servers';
import { seedEvent, seedStore } from '../testing/seed-events';
import { CheckpointKeyRing } from './checkpoint-keys';
import { expectedEventHash } from './hash-chain';
import { verifyEventStore, type ChainBreak, type VerifyReport } from './verify-event-store';

/**
 * Every column the hash chain covers, changed one at a time straight in the database (behind
 * the store's back), must be reported by `audit verify` at that event. The kernel pins what is
 * hashed (event-hash.ts); this pins that each of those fields also makes it from the stored
 * row into the verified hash, in both SQL stores.
 */
interface Tamper {
  readonly column: string;
  /** The new value: text or a number; objects go in as JSON. */
  readonly value: string | number | object | null;
  readonly pgCast?: string;
  /** Where the break shows: the event itself, or a gap when its place in the chain changed. */
  readonly expect: 'hash-mismatch' | 'position-gap';
  readonly streamId?: string;
}

const TAMPERS: readonly Tamper[] = [
  { column: 'event_id', value: 'full-evt-2', expect: 'hash-mismatch' },
  { column: 'stream_id', value: 'team-noorx', expect: 'position-gap', streamId: 'team-noorx' },
  { column: 'stream_position', value: 6, expect: 'position-gap' },
  { column: 'type', value: 'TeamRenamex', expect: 'hash-mismatch' },
  { column: 'schema_version', value: 3, expect: 'hash-mismatch' },
  { column: 'tenant_id', value: 'acmf', expect: 'hash-mismatch' },
  { column: 'occurred_at', value: '2026-03-01T10:00:00.001Z', expect: 'hash-mismatch' },
  { column: 'actor', value: { id: 'eve', kind: 'user' }, pgCast: 'jsonb', expect: 'hash-mismatch' },
  { column: 'reason', value: 'quarterly reshufflf', expect: 'hash-mismatch' },
  { column: 'reason', value: null, expect: 'hash-mismatch' },
  { column: 'correlation_id', value: 'req-4', expect: 'hash-mismatch' },
  { column: 'causation_id', value: 'cmd-8', expect: 'hash-mismatch' },
  { column: 'traceparent', value: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00', expect: 'hash-mismatch' },
  { column: 'traceparent', value: null, expect: 'hash-mismatch' },
  { column: 'data', value: { name: 'Team Noord', size: 3 }, pgCast: 'json', expect: 'hash-mismatch' },
  { column: 'metadata', value: { source: 'governancf' }, pgCast: 'json', expect: 'hash-mismatch' },
  { column: 'metadata', value: {}, pgCast: 'json', expect: 'hash-mismatch' },
  { column: 'hash', value: 'f'.repeat(64), expect: 'hash-mismatch' },
];

const full = (): NewEvent =>
  seedEvent({
    eventId: `full-evt-${randomBytes(4).toString('hex')}`,
    schemaVersion: 2,
    reason: 'quarterly reshuffle',
    correlationId: 'req-3',
    causationId: 'cmd-7',
    traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
    data: { name: 'Team Noord', size: 2 },
    metadata: { source: 'governance' },
  });

const asParameter = (value: Tamper['value']) => (value !== null && typeof value === 'object' ? JSON.stringify(value) : value);

/** Seeds three streams, appends one event with every optional field set, and returns it as stored. */
async function seedWithFullEvent(store: EventStore): Promise<StoredEvent> {
  await seedStore(store);
  const { events } = await store.append('team-noord', [full()], { expectedVersion: 4 });
  return events[0]!;
}

async function expectReported(store: EventStore, target: StoredEvent, tamper: Tamper): Promise<void> {
  const report: VerifyReport = await verifyEventStore(store, { keys: CheckpointKeyRing.of([]) });
  expect(report.status).toBe('broken');
  expect(report.problems).toHaveLength(1);
  const problem = report.firstProblem as ChainBreak;
  const streamId = tamper.streamId ?? 'team-noord';
  const stored = (await store.readStream(streamId)).find((event) => event.globalPosition === target.globalPosition)!;
  expect(problem).toMatchObject({ kind: tamper.expect, streamId, globalPosition: target.globalPosition, eventId: stored.eventId, foundHash: stored.hash });
  if (tamper.expect === 'hash-mismatch') {
    const predecessor = (await store.readStream(streamId))[3]!;
    expect(problem.expectedHash).toBe(expectedEventHash(predecessor.hash, stored));
    expect(problem.expectedHash).not.toBe(problem.foundHash);
  }
}

describe('audit verify reports every hashed field changed in SQLite', () => {
  let dir: string;
  let file: string;
  let store: SqliteEventStore;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'leerzone-tamper-'));
    file = join(dir, 'events.db');
    store = new SqliteEventStore({ filename: file });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('is intact before any change, and a change to recorded_at (by design not hashed: it belongs to one store) stays intact', async () => {
    const target = await seedWithFullEvent(store);
    expect(await verifyEventStore(store, { keys: CheckpointKeyRing.of([]) })).toMatchObject({ status: 'intact', eventsChecked: 13 });
    const db = new Database(file);
    db.prepare("UPDATE events SET recorded_at = '2030-01-01T00:00:00.000Z' WHERE global_position = ?").run(target.globalPosition);
    db.close();
    expect((await store.readStream('team-noord'))[4]!.recordedAt).toBe('2030-01-01T00:00:00.000Z');
    expect((await verifyEventStore(store, { keys: CheckpointKeyRing.of([]) })).status).toBe('intact');
  });

  it.each(TAMPERS.map((tamper) => [`${tamper.column} = ${JSON.stringify(tamper.value)}`, tamper] as const))('%s', async (_name, tamper) => {
    const target = await seedWithFullEvent(store);
    const db = new Database(file);
    const changed = db.prepare(`UPDATE events SET ${tamper.column} = ? WHERE global_position = ?`).run(asParameter(tamper.value), target.globalPosition).changes;
    db.close();
    expect(changed).toBe(1);
    await expectReported(store, target, tamper);
  });
});

describeWithServer('postgres', 'audit verify reports every hashed field changed in PostgreSQL', (url) => {
  let schema: string;
  let store: PostgresEventStore;
  let admin: pg.Pool;

  beforeEach(async () => {
    schema = `tamper_${randomBytes(6).toString('hex')}`;
    const connectionString = await url();
    admin = new pg.Pool({ connectionString, max: 1 });
    store = await PostgresEventStore.open({ connectionString, schema, listen: false });
  });
  afterEach(async () => {
    await store.close();
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
  });

  it('is intact before any change', async () => {
    await seedWithFullEvent(store);
    expect(await verifyEventStore(store, { keys: CheckpointKeyRing.of([]) })).toMatchObject({ status: 'intact', eventsChecked: 13 });
  });

  it.each(TAMPERS.map((tamper) => [`${tamper.column} = ${JSON.stringify(tamper.value)}`, tamper] as const))('%s', async (_name, tamper) => {
    const target = await seedWithFullEvent(store);
    const cast = tamper.pgCast ? `::${tamper.pgCast}` : '';
    const { rowCount } = await admin.query(`UPDATE "${schema}".events SET ${tamper.column} = $1${cast} WHERE global_position = $2`, [asParameter(tamper.value), target.globalPosition]);
    expect(rowCount).toBe(1);
    await expectReported(store, target, tamper);
  });
});
