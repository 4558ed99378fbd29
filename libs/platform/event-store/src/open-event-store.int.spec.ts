import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { newEvent } from '@leerzone/kernel/testing';
import { describeWithServer } from '@leerzone/test-servers';
import { EventStoreUnreachableError, EventStoreUrlError, openEventStore } from './index';

const openError = async (url: string) => {
  const error = await openEventStore(url, { connectTimeoutMs: 20_000 }).then(
    async (store) => {
      await store.close();
      throw new Error(`${url} opened`);
    },
    (e: unknown) => e,
  );
  return error as Error & { code: string };
};

describe('openEventStore with a store that cannot be reached', () => {
  it('reports a PostgreSQL server that does not answer, without the password', async () => {
    const error = await openError('postgres://leerzone:s3cret-pw@127.0.0.1:1/leerzone');
    expect(error).toBeInstanceOf(EventStoreUnreachableError);
    expect(error.code).toBe('EVENT_STORE.UNREACHABLE');
    expect(error.message).toContain('postgres://leerzone:***@127.0.0.1:1/leerzone');
    expect(error.message).toContain('ECONNREFUSED');
    expect(error.message).not.toContain('s3cret-pw');
  });

  it('reports a KurrentDB server that does not answer', async () => {
    const error = await openError('esdb://admin:changeit@127.0.0.1:1?tls=false');
    expect(error).toBeInstanceOf(EventStoreUnreachableError);
    expect(error.message).toContain('esdb://admin:***@127.0.0.1:1?tls=false');
    expect(error.message).toContain('unavailable');
    expect(error.message).not.toContain('changeit');
  });

  it('reports a SQLite file that cannot be created or is not a database', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'leerzone-open-'));
    try {
      writeFileSync(join(dir, 'a-file'), '');
      const notADirectory = await openError(`sqlite:${join(dir, 'a-file', 'events.db')}`);
      expect(notADirectory).toBeInstanceOf(EventStoreUnreachableError);
      expect(notADirectory.message).toMatch(/mkdir .*a-file/);
      writeFileSync(join(dir, 'garbage.db'), 'this is not a SQLite database, just text long enough to have a header');
      const error = await openError(`sqlite:${join(dir, 'garbage.db')}`);
      expect(error).toBeInstanceOf(EventStoreUnreachableError);
      expect(error.message).toMatch(/not a database/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a malformed URL before trying to connect', async () => {
    expect(await openError('postgres://u:pw@/db')).toBeInstanceOf(EventStoreUrlError);
  });
});

describeWithServer('postgres', 'openEventStore with a PostgreSQL server', (url) => {
  it('opens a store by URL, in the schema the URL names', async () => {
    const base = await url();
    const store = await openEventStore(`${base}${base.includes('?') ? '&' : '?'}schema=es_open_test`);
    try {
      const result = await store.append('opened', [newEvent()], { expectedVersion: 'any' });
      expect(result.written).toBe(true);
    } finally {
      await store.close();
      const admin = new pg.Client({ connectionString: base });
      await admin.connect();
      await admin.query('DROP SCHEMA IF EXISTS es_open_test CASCADE');
      await admin.end();
    }
  });

  it('reports wrong credentials as unreachable, without the password', async () => {
    const wrong = new URL(await url());
    wrong.password = 'definitely-wrong-pw';
    const error = await openError(wrong.toString());
    expect(error).toBeInstanceOf(EventStoreUnreachableError);
    expect(error.message).toMatch(/password authentication failed|authentication/i);
    expect(error.message).not.toContain('definitely-wrong-pw');
  });
});
