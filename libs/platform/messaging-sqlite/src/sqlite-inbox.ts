import type { StoredEvent } from '@leerzone/kernel';
import { freshEvents, InvalidMessagingArgumentError } from '@leerzone/messaging';
import type Database from 'better-sqlite3';

/**
 * Idempotent effects for a read model kept in SQLite: the last applied stream position
 * per (consumer, stream) is written in the same transaction as the effect, so either
 * both happen or neither, and a redelivered or resent event changes nothing (see
 * `Inbox` in @leerzone/messaging for why positions and not event ids).
 *
 * The effect runs inside a better-sqlite3 transaction and must be synchronous and use
 * the same connection.
 */
export class SqliteInbox {
  private readonly readPosition;
  private readonly writePosition;

  constructor(
    private readonly db: Database.Database,
    table = 'inbox_positions',
  ) {
    if (!/^[A-Za-z_][A-Za-z0-9_]{0,62}$/.test(table)) throw new InvalidMessagingArgumentError('table', 'The inbox table name must be a plain SQL identifier.');
    db.exec(`CREATE TABLE IF NOT EXISTS ${table} (
      consumer  TEXT    NOT NULL,
      stream_id TEXT    NOT NULL,
      position  INTEGER NOT NULL,
      PRIMARY KEY (consumer, stream_id)
    ) WITHOUT ROWID`);
    this.readPosition = db.prepare<[string, string], { position: number }>(`SELECT position FROM ${table} WHERE consumer = ? AND stream_id = ?`);
    this.writePosition = db.prepare<[string, string, number]>(
      `INSERT INTO ${table} (consumer, stream_id, position) VALUES (?, ?, ?)
       ON CONFLICT (consumer, stream_id) DO UPDATE SET position = excluded.position`,
    );
  }

  /** Applies `effect` to the events not applied before and records them, atomically. Returns those events. */
  handle(consumer: string, events: readonly StoredEvent[], effect: (fresh: readonly StoredEvent[]) => void): StoredEvent[] {
    return this.db.transaction(() => {
      const { fresh, positions } = freshEvents(events, (streamId) => this.position(consumer, streamId));
      if (fresh.length > 0) effect(fresh);
      positions.forEach((position, streamId) => this.writePosition.run(consumer, streamId, position));
      return fresh;
    }).immediate();
  }

  /** The last stream position this consumer applied; 0 when none. */
  position(consumer: string, streamId: string): number {
    return this.readPosition.get(consumer, streamId)?.position ?? 0;
  }
}
