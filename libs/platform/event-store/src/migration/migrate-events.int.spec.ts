import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { EventStore } from '@leerzone/kernel';
import { newEvent } from '@leerzone/kernel/testing';
import { describeWithServer } from '@leerzone/test-servers';
import { openEventStore } from '../open-event-store';
import { MigrationError, ReplayClock, migrateEvents } from './migrate-events';
import { seedSqliteStore } from './migration-fixture';
import { verifyStores } from './verify-stores';

const readEverything = async (store: EventStore) => store.readAll({ limit: 10_000 });

describe('store migration between SQLite files', () => {
  let dir: string;
  const opened: EventStore[] = [];
  const open = async (url: string, clock?: ReplayClock) => {
    const store = await openEventStore(url, clock ? { clock: clock.now } : {});
    opened.push(store);
    return store;
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'leerzone-migrate-'));
  });
  afterEach(async () => {
    for (const store of opened.splice(0)) await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('copies everything with recorded-at, positions and hashes intact, and a second run copies nothing', async () => {
    await seedSqliteStore(join(dir, 'source.db'), 400);
    const source = await open(`sqlite:${join(dir, 'source.db')}`);
    const clock = new ReplayClock();
    const target = await open(`sqlite:${join(dir, 'target.db')}`, clock);
    expect(await migrateEvents(source, target, { clock, batchSize: 64 })).toEqual({ alreadyPresent: 0, copied: 400, complete: true });
    expect(await readEverything(target)).toEqual(await readEverything(source));
    expect(await migrateEvents(source, target, { clock, batchSize: 64 })).toEqual({ alreadyPresent: 400, copied: 0, complete: true });
    const verification = await verifyStores(source, target, { batchSize: 50 });
    expect(verification).toMatchObject({ identical: true, source: { events: 400, streams: 17, brokenLinks: 0 }, target: { events: 400, brokenLinks: 0 } });
    expect(verification.target.checksum).toBe(verification.source.checksum);
  });

  it('reports re-stamped recorded-at when the target was not opened with the replay clock', async () => {
    await seedSqliteStore(join(dir, 'source.db'), 20);
    const source = await open(`sqlite:${join(dir, 'source.db')}`);
    const target = await open(`sqlite:${join(dir, 'target.db')}`);
    await migrateEvents(source, target);
    const verification = await verifyStores(source, target);
    expect(verification.identical).toBe(false);
    expect(verification.target.brokenLinks).toBe(0);
    expect(verification.firstDifference?.description).toMatch(/^event #1 differs in recordedAt/);
  });

  it('refuses to merge into a target that holds other events, and writes nothing', async () => {
    await seedSqliteStore(join(dir, 'source.db'), 10);
    const source = await open(`sqlite:${join(dir, 'source.db')}`);
    const target = await open(`sqlite:${join(dir, 'target.db')}`);
    await target.append('unrelated', [newEvent()], { expectedVersion: 0 });
    await expect(migrateEvents(source, target)).rejects.toThrow(MigrationError);
    await expect(migrateEvents(source, target)).rejects.toThrow(/not a copy of the source's first events/);
    expect(await target.headPosition()).toBe(1);
  });
});

describeWithServer('postgres', 'store migration from SQLite into PostgreSQL', (url) => {
  let dir: string;
  let schema: string;
  let targetUrl: string;
  const opened: EventStore[] = [];
  const open = async (storeUrl: string, clock?: ReplayClock) => {
    const store = await openEventStore(storeUrl, clock ? { clock: clock.now } : {});
    opened.push(store);
    return store;
  };
  const closeAll = async () => {
    for (const store of opened.splice(0)) await store.close();
  };

  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'leerzone-migrate-pg-'));
    schema = `es_migrate_${randomBytes(6).toString('hex')}`;
    const base = await url();
    targetUrl = `${base}${base.includes('?') ? '&' : '?'}schema=${schema}`;
  });
  afterEach(async () => {
    await closeAll();
    const admin = new pg.Client({ connectionString: await url() });
    await admin.connect();
    await admin.query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    await admin.end();
    rmSync(dir, { recursive: true, force: true });
  });

  it('survives an interruption midway: the rerun continues where it stopped, then verification finds the stores identical', async () => {
    const sourceUrl = `sqlite:${join(dir, 'pilot.db')}`;
    await seedSqliteStore(join(dir, 'pilot.db'), 3000);

    const source = await open(sourceUrl);
    const firstClock = new ReplayClock();
    const firstTarget = await open(targetUrl, firstClock);
    const interrupt = new AbortController();
    const first = await migrateEvents(source, firstTarget, {
      clock: firstClock,
      batchSize: 250,
      signal: interrupt.signal,
      onProgress: (p) => {
        if (p.copied >= 1200) interrupt.abort();
      },
    });
    expect(first.complete).toBe(false);
    expect(first.copied).toBeGreaterThanOrEqual(1200);
    expect(first.copied).toBeLessThan(3000);
    const midway = await verifyStores(source, firstTarget);
    expect(midway).toMatchObject({ identical: false, source: { events: 3000 }, target: { events: first.copied, brokenLinks: 0 } });
    expect(midway.firstDifference?.description).toMatch(/is missing in the target/);
    await closeAll();

    // A new run, as after a crash: new connections, nothing carried over but the stores.
    const resumedSource = await open(sourceUrl);
    const clock = new ReplayClock();
    const target = await open(targetUrl, clock);
    const second = await migrateEvents(resumedSource, target, { clock, batchSize: 250 });
    expect(second).toEqual({ alreadyPresent: first.copied, copied: 3000 - first.copied, complete: true });

    const verification = await verifyStores(resumedSource, target);
    expect(verification).toMatchObject({ identical: true, source: { events: 3000, streams: 17, brokenLinks: 0 }, target: { events: 3000, streams: 17, brokenLinks: 0 } });
    expect(verification.firstDifference).toBeUndefined();
    // PostgreSQL numbers events without gaps, like SQLite: even the global positions match.
    expect(await readEverything(target)).toEqual(await readEverything(resumedSource));
  });

  it('finds an event changed in the copy after the migration', async () => {
    await seedSqliteStore(join(dir, 'pilot.db'), 50);
    const source = await open(`sqlite:${join(dir, 'pilot.db')}`);
    const clock = new ReplayClock();
    const target = await open(targetUrl, clock);
    await migrateEvents(source, target, { clock });
    const admin = new pg.Client({ connectionString: await url() });
    await admin.connect();
    await admin.query(`UPDATE "${schema}".events SET data = '{"team":"forged"}' WHERE global_position = 17`);
    await admin.end();
    const verification = await verifyStores(source, target);
    expect(verification.identical).toBe(false);
    expect(verification.target.brokenLinks).toBe(1);
    expect(verification.firstDifference).toMatchObject({ index: 16, description: expect.stringContaining('differs in data') });
  });
});
