import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventStoreContract } from '@leerzone/kernel/testing';
import { SqliteEventStore } from './sqlite-event-store';

eventStoreContract('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'leerzone-sqlite-'));
  const filename = join(dir, 'events.db');
  return {
    open: async () => new SqliteEventStore({ filename, pollIntervalMs: 20 }),
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
});
