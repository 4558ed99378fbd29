import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type Database from 'better-sqlite3';
import { newEvent } from '@leerzone/kernel/testing';
import { SqliteEventStore } from './sqlite-event-store';

/**
 * A full disk, as SQLite meets it: its page limit reached (`max_page_count`, the same
 * SQLITE_FULL a full filesystem gives; the fault suite, services/faults, fills a real tmpfs).
 * The append is refused as EVENT_STORE.UNAVAILABLE (answered 503), nothing of it is stored,
 * and once there is room again the store takes appends where it left off.
 */
describe('sqlite event store on a full disk', () => {
  let dir: string;
  let store: SqliteEventStore;
  const db = () => (store as unknown as { db: Database.Database }).db;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'leerzone-sqlite-full-'));
    store = new SqliteEventStore({ filename: join(dir, 'events.db'), pollIntervalMs: 20 });
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses appends with EVENT_STORE.UNAVAILABLE, writes none of them, and recovers when there is room', async () => {
    await store.append('team-1', [newEvent()], { expectedVersion: 0 });
    const pages = Number(db().pragma('page_count', { simple: true }));
    db().pragma(`max_page_count = ${pages}`);

    const big = (n: number) => newEvent({ data: { n, text: 'x'.repeat(64 * 1024) } });
    // One alone, and several in one group commit.
    const refused = await Promise.allSettled([store.append('team-1', [big(1)], { expectedVersion: 1 }), store.append('team-2', [big(2)], { expectedVersion: 0 }), store.append('team-3', [big(3), big(4)], { expectedVersion: 0 })]);
    for (const outcome of refused) {
      expect(outcome).toMatchObject({ status: 'rejected', reason: { code: 'EVENT_STORE.UNAVAILABLE' } });
      expect((outcome as PromiseRejectedResult).reason.message).toContain('SQLITE_FULL');
    }
    expect((await store.readAll()).map((e) => e.streamId)).toEqual(['team-1']);
    expect(await store.streamVersion('team-2')).toBe(0);

    db().pragma('max_page_count = 1073741823');
    const after = await store.append('team-1', [big(5)], { expectedVersion: 1 });
    expect(after.events.map((e) => [e.streamPosition, e.globalPosition])).toEqual([[2, 2]]);
    expect(await store.headPosition()).toBe(2);
  });

  it('leaves other errors as they are', async () => {
    await store.append('team-1', [newEvent()], { expectedVersion: 0 });
    await expect(store.append('team-1', [newEvent()], { expectedVersion: 0 })).rejects.toMatchObject({ code: 'EVENT_STORE.CONCURRENCY_CONFLICT' });
  });
});
