import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { InvalidMessagingArgumentError, type CheckpointStore } from '@leerzone/messaging';

/**
 * Relay checkpoints in SQLite (WAL, synchronous=FULL: a saved checkpoint survives a
 * power cut, so a restart never resends more than the last unacknowledged batch).
 * Keyed by relay name; a checkpoint only moves forward.
 */
export class SqliteCheckpointStore implements CheckpointStore {
  private readonly db: Database.Database;
  private readonly loadStatement;
  private readonly saveStatement;

  constructor(options: { filename: string }) {
    if (options.filename !== ':memory:') mkdirSync(dirname(options.filename), { recursive: true });
    this.db = new Database(options.filename);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('busy_timeout = 10000');
    this.db.exec(`CREATE TABLE IF NOT EXISTS relay_checkpoints (
      name       TEXT    PRIMARY KEY,
      position   INTEGER NOT NULL,
      updated_at TEXT    NOT NULL
    ) WITHOUT ROWID`);
    this.loadStatement = this.db.prepare<[string], { position: number }>('SELECT position FROM relay_checkpoints WHERE name = ?');
    this.saveStatement = this.db.prepare<[string, number, string]>(
      `INSERT INTO relay_checkpoints (name, position, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (name) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at
       WHERE excluded.position > relay_checkpoints.position`,
    );
  }

  async load(name: string): Promise<number> {
    this.assertName(name);
    return this.loadStatement.get(name)?.position ?? 0;
  }

  async save(name: string, position: number): Promise<void> {
    this.assertName(name);
    if (!Number.isSafeInteger(position) || position < 0) {
      throw new InvalidMessagingArgumentError('position', `A checkpoint is a non-negative integer, got ${String(position)}.`);
    }
    this.saveStatement.run(name, position, new Date().toISOString());
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  private assertName(name: string): void {
    if (typeof name !== 'string' || name.length === 0 || name.length > 200) {
      throw new InvalidMessagingArgumentError('name', 'A checkpoint name is 1-200 characters.');
    }
  }
}
