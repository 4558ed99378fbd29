import { createHash, randomBytes } from 'node:crypto';
import pg from 'pg';
import { GENESIS_HASH, eventHashInput, type StoredEvent } from '@leerzone/kernel';
import { eventStoreContract, newEvent } from '@leerzone/kernel/testing';
import { describeWithServer } from '@leerzone/test-servers';
import { PostgresEventStore, type PostgresEventStoreOptions } from './postgres-event-store';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const waitFor = async (condition: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('Timed out waiting for condition.');
    await sleep(20);
  }
};

describeWithServer('postgres', 'PostgresEventStore', (url) => {
  const schemas = new Set<string>();
  let admin: pg.Pool | undefined;
  const adminPool = async () => (admin ??= new pg.Pool({ connectionString: await url(), max: 2 }));

  const freshSchema = () => {
    const schema = `es_test_${randomBytes(6).toString('hex')}`;
    schemas.add(schema);
    return schema;
  };
  const dropSchema = async (schema: string) => {
    await (await adminPool()).query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    schemas.delete(schema);
  };

  afterAll(async () => {
    for (const schema of [...schemas]) await dropSchema(schema);
    await admin?.end();
  });

  eventStoreContract('postgres', async () => {
    const connectionString = await url();
    const schema = freshSchema();
    return {
      open: async () => PostgresEventStore.open({ connectionString, schema, pollIntervalMs: 50 }),
      dispose: () => dropSchema(schema),
    };
  });

  describe('postgres specifics', () => {
    const opened: PostgresEventStore[] = [];
    let schema: string;
    const open = async (options: Partial<PostgresEventStoreOptions> = {}) => {
      const store = await PostgresEventStore.open({ connectionString: await url(), schema, ...options });
      opened.push(store);
      return store;
    };

    beforeEach(() => {
      schema = freshSchema();
    });

    afterEach(async () => {
      for (const store of opened.splice(0)) await store.close();
      await dropSchema(schema);
    });

    it('creates its schema idempotently, also when several processes open at once', async () => {
      const stores = await Promise.all([open(), open(), open()]);
      await stores[0]!.append('s', [newEvent()], { expectedVersion: 0 });
      const again = await open();
      expect(await again.streamVersion('s')).toBe(1);
    });

    it('writes the appends of one tick in one call, each checked on its own (group commit)', async () => {
      const store = await open();
      // Heads this store wrote itself are cached, so the next appends go straight to the write.
      const streams = Array.from({ length: 40 }, (_, i) => `group-${i}`);
      for (const streamId of streams) await store.append(streamId, [newEvent()], { expectedVersion: 0 });
      const before = await store.headPosition();
      const listener = new pg.Client({ connectionString: await url() });
      await listener.connect();
      const notices: string[] = [];
      listener.on('notification', (n) => notices.push(n.payload ?? ''));
      const { rows } = await listener.query<{ channel: string }>(`SELECT 'leerzone_events_' || left(encode(sha256($1::bytea), 'hex'), 16) AS channel`, [schema]);
      await listener.query(`LISTEN ${rows[0]!.channel}`);
      try {
        const results = await Promise.allSettled([
          ...streams.map((streamId) => store.append(streamId, [newEvent(), newEvent()], { expectedVersion: 1 })),
          // Same stream, same expected version as the first of the group: it comes second and loses.
          store.append('group-0', [newEvent()], { expectedVersion: 1 }),
        ]);
        const written = results.slice(0, 40).map((r) => (r.status === 'fulfilled' ? r.value : undefined));
        expect(written.every((r) => r?.written === true && r.nextExpectedVersion === 3)).toBe(true);
        expect(results[40]).toMatchObject({ status: 'rejected', reason: { code: 'EVENT_STORE.CONCURRENCY_CONFLICT' } });
        // One call, numbered in call order without gaps, one notification for all of them.
        expect(written.map((r) => r!.events[0]!.globalPosition)).toEqual(streams.map((_, i) => before + 1 + 2 * i));
        // Notifications arrive in commit order: once a marker sent after the appends is in, any
        // second notification of the group would be too.
        await (await adminPool()).query(`NOTIFY ${rows[0]!.channel}, 'marker'`);
        await waitFor(() => notices.includes('marker'));
        expect(notices).toEqual([String(before + 80), 'marker']);
        const stored = await store.readStream('group-7');
        expect(stored.map((e) => e.eventId)).toEqual([stored[0]!.eventId, ...written[7]!.events.map((e) => e.eventId)]);
        expect(stored.slice(1)).toEqual(written[7]!.events);
      } finally {
        await listener.end();
      }
    });

    it('falls back to one call per append when an id in the group exists, and keeps the others', async () => {
      const store = await open();
      const first = [newEvent(), newEvent()];
      await store.append('dup-a', first, { expectedVersion: 0 });
      await store.append('dup-b', [newEvent()], { expectedVersion: 0 });
      await store.append('dup-c', [newEvent()], { expectedVersion: 0 });
      const [retry, other, reused] = await Promise.allSettled([
        store.append('dup-a', first, { expectedVersion: 0 }),
        store.append('dup-b', [newEvent()], { expectedVersion: 1 }),
        store.append('dup-c', [newEvent(), first[1]!], { expectedVersion: 1 }),
      ]);
      expect(retry).toMatchObject({ status: 'fulfilled', value: { written: false, nextExpectedVersion: 2 } });
      expect(other).toMatchObject({ status: 'fulfilled', value: { written: true, nextExpectedVersion: 2 } });
      expect(reused).toMatchObject({ status: 'rejected', reason: { code: 'EVENT_STORE.DUPLICATE_EVENT_ID' } });
      expect(await store.streamVersion('dup-c')).toBe(1);
      expect((await store.readAll()).map((e) => e.globalPosition)).toEqual([1, 2, 3, 4, 5]);
    });

    it('sends and settles appends still queued when close is called', async () => {
      const store = await open();
      const pending = Array.from({ length: 10 }, (_, i) => store.append(`closing-${i}`, [newEvent()], { expectedVersion: 0 }));
      await store.close();
      await expect(Promise.all(pending)).resolves.toHaveLength(10);
      const reopened = await open();
      expect(await reopened.headPosition()).toBe(10);
    });

    it('never lets a catch-up reader skip an event while slower appends are still committing', async () => {
      // The production append path (group commit through append_many / append_events, no test
      // seam): a trigger on the events table makes every append transaction hold its inserted
      // rows for a random while before it commits, so appends that got later positions would
      // commit first if nothing kept them in order.
      const writers = await Promise.all(Array.from({ length: 4 }, () => open()));
      await (await adminPool()).query(`
        CREATE TABLE "${schema}".slowed (at timestamptz NOT NULL DEFAULT clock_timestamp());
        CREATE FUNCTION "${schema}".slow_commit() RETURNS trigger LANGUAGE plpgsql AS $$
          BEGIN INSERT INTO "${schema}".slowed DEFAULT VALUES; PERFORM pg_sleep(random() * 0.015); RETURN NULL; END $$;
        CREATE TRIGGER slow_commit AFTER INSERT ON "${schema}".events FOR EACH STATEMENT EXECUTE FUNCTION "${schema}".slow_commit();
      `);
      const reader = await open();
      const seen: number[] = [];
      let writing = true;
      const reading = (async () => {
        let after = 0;
        while (writing || after < (await reader.headPosition())) {
          const batch = await reader.readAll({ after, limit: 50 });
          for (const event of batch) seen.push(event.globalPosition);
          if (batch.length > 0) after = batch[batch.length - 1]!.globalPosition;
        }
      })();
      await Promise.all(
        writers.map(async (writer, w) => {
          for (let n = 0; n < 40; n++) {
            await writer.append(`writer-${w}-${n % 5}`, Array.from({ length: 1 + (n % 3) }, () => newEvent()), { expectedVersion: 'any' });
          }
        }),
      );
      writing = false;
      await reading;
      const head = await reader.headPosition();
      expect(head).toBe(4 * (14 * 1 + 13 * 2 + 13 * 3));
      expect(seen).toEqual(Array.from({ length: head }, (_, i) => i + 1));
      // Every append went through the slowed transaction (one statement per write or per group).
      const { rows } = await (await adminPool()).query<{ n: string }>(`SELECT count(*) AS n FROM "${schema}".slowed`);
      expect(Number(rows[0]!.n)).toBeGreaterThan(0);
    });

    it("re-reads and retries 'any' appends that race on one stream, keeping positions and the hash chain whole", async () => {
      const stores = await Promise.all([open(), open(), open()]);
      await Promise.all(
        stores.map(async (store) => {
          for (let i = 0; i < 15; i++) await store.append('contended', [newEvent(), newEvent()], { expectedVersion: 'any' });
        }),
      );
      const stream = await stores[0]!.readStream('contended');
      expect(stream.map((e) => e.streamPosition)).toEqual(Array.from({ length: 90 }, (_, i) => i + 1));
      let previous = GENESIS_HASH;
      for (const event of stream) {
        const { streamId, streamPosition, globalPosition: _g, recordedAt: _r, hash, ...appended } = event;
        expect(hash).toBe(createHash('sha256').update(eventHashInput(previous, streamId, streamPosition, appended)).digest('hex'));
        previous = hash;
      }
    });

    it('does not trust the stream head it remembers from its own append once another process moved the stream', async () => {
      const a = await open();
      const b = await open();
      await a.append('shared', [newEvent()], { expectedVersion: 0 });
      await b.append('shared', [newEvent()], { expectedVersion: 1 });
      await expect(a.append('shared', [newEvent()], { expectedVersion: 1 })).rejects.toMatchObject({ code: 'EVENT_STORE.CONCURRENCY_CONFLICT', actualVersion: 2 });
      const result = await a.append('shared', [newEvent()], { expectedVersion: 'any' });
      expect(result.nextExpectedVersion).toBe(3);
      const stream = await b.readStream('shared');
      expect(stream.map((e) => e.streamPosition)).toEqual([1, 2, 3]);
      expect(result.events[0]!.hash).toBe(
        createHash('sha256').update(eventHashInput(stream[1]!.hash, 'shared', 3, (({ streamId: _s, streamPosition: _p, globalPosition: _g, recordedAt: _r, hash: _h, ...e }) => e)(stream[2]!))).digest('hex'),
      );
    });

    it('wakes a subscription through LISTEN/NOTIFY when another process appends', async () => {
      const subscriber = await open({ pollIntervalMs: 600_000 });
      const writer = await open();
      const seen: StoredEvent[] = [];
      const subscription = subscriber.subscribe({ onEvents: (batch) => void seen.push(...batch) });
      await subscription.caughtUp;
      await waitFor(() => subscriber.isListening());
      await writer.append('live', [newEvent(), newEvent()], { expectedVersion: 0 });
      // The poll interval is ten minutes: only the notification can deliver this in time.
      await waitFor(() => seen.length === 2);
      await subscription.stop();
    });

    it('reconnects its listener after the connection is killed, and delivers what was appended meanwhile', async () => {
      const subscriber = await open({ pollIntervalMs: 600_000 });
      const writer = await open();
      const seen: StoredEvent[] = [];
      const subscription = subscriber.subscribe({ onEvents: (batch) => void seen.push(...batch) });
      await waitFor(() => subscriber.isListening());
      await (await adminPool()).query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [
        `leerzone-event-store-listener:${schema}`,
      ]);
      await waitFor(() => !subscriber.isListening());
      await writer.append('while-down', [newEvent()], { expectedVersion: 0 });
      await waitFor(() => subscriber.isListening());
      await waitFor(() => seen.length === 1);
      await writer.append('after-reconnect', [newEvent()], { expectedVersion: 0 });
      await waitFor(() => seen.length === 2);
      expect(seen.map((e) => e.streamId)).toEqual(['while-down', 'after-reconnect']);
      await subscription.stop();
    });

    it('keeps data and metadata byte for byte, including key order and escapes', async () => {
      const store = await open();
      const data = { z: 1, a: 'nul \u0000 and emoji 🎉', big: 1234567890123456, float: 0.1, list: [3, 1, 2] };
      await store.append('bytes', [newEvent({ data, metadata: { b: 2, a: 1 } })], { expectedVersion: 0 });
      const { rows } = await (await adminPool()).query(`SELECT data::text AS data, metadata::text AS metadata FROM "${schema}".events`);
      expect(rows[0]).toEqual({ data: JSON.stringify(data), metadata: '{"b":2,"a":1}' });
    });
  });
});
