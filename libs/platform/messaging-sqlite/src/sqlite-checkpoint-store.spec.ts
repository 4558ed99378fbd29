import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteCheckpointStore } from './sqlite-checkpoint-store';

describe('SqliteCheckpointStore', () => {
  let dir: string;
  beforeEach(() => (dir = mkdtempSync(join(tmpdir(), 'leerzone-checkpoints-'))));
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps checkpoints per relay across reopen, and only moves them forward', async () => {
    const filename = join(dir, 'nested', 'checkpoints.db');
    const first = new SqliteCheckpointStore({ filename });
    expect(await first.load('governance->kafka')).toBe(0);
    await first.save('governance->kafka', 120);
    await first.save('governance->kafka', 80);
    await first.save('okr->kafka', 7);
    await first.close();
    const reopened = new SqliteCheckpointStore({ filename });
    expect(await reopened.load('governance->kafka')).toBe(120);
    expect(await reopened.load('okr->kafka')).toBe(7);
    await reopened.close();
  });

  it('refuses a bad name or position', async () => {
    const store = new SqliteCheckpointStore({ filename: ':memory:' });
    await expect(store.save('', 1)).rejects.toMatchObject({ code: 'MESSAGING.INVALID_ARGUMENT', field: 'name' });
    await expect(store.save('r', -1)).rejects.toMatchObject({ code: 'MESSAGING.INVALID_ARGUMENT', field: 'position' });
    await expect(store.save('r', 1.5)).rejects.toMatchObject({ code: 'MESSAGING.INVALID_ARGUMENT', field: 'position' });
    expect(await store.load('r')).toBe(0);
    await store.close();
  });
});
