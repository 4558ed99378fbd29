import { randomBytes, randomUUID } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import type { PersonalDataVault, SealedValue } from '@leerzone/kernel';
import { erasedError, openWithKey, requireSubject, sealWithKey } from './subject-key-cipher';

/**
 * Keys live apart from the event store — a separate file that a backup policy can treat
 * differently — because erasure must reach every copy of the key and no copy of the events.
 * Erasing overwrites the key with NULL and vacuums nothing away silently: `erased_at`
 * records when, for the audit trail.
 */
export class SqlitePersonalDataVault implements PersonalDataVault {
  private readonly db: Database.Database;
  private readonly statements;

  constructor(options: { readonly filename: string; readonly clock?: () => Date }) {
    if (options.filename !== ':memory:') mkdirSync(dirname(options.filename), { recursive: true });
    this.db = new Database(options.filename);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    // secure_delete overwrites freed pages, so a destroyed key does not linger in the file.
    this.db.pragma('secure_delete = ON');
    this.db.exec(`CREATE TABLE IF NOT EXISTS subject_keys (
      subject   TEXT PRIMARY KEY,
      key_id    TEXT NOT NULL,
      key       BLOB,
      created_at TEXT NOT NULL,
      erased_at  TEXT
    )`);
    const clock = options.clock ?? (() => new Date());
    this.statements = {
      get: this.db.prepare<[string], { key_id: string; key: Buffer | null }>('SELECT key_id, key FROM subject_keys WHERE subject = ?'),
      insert: this.db.prepare('INSERT OR IGNORE INTO subject_keys (subject, key_id, key, created_at) VALUES (?, ?, ?, ?)'),
      erase: this.db.prepare('UPDATE subject_keys SET key = NULL, erased_at = COALESCE(erased_at, ?) WHERE subject = ?'),
      tombstone: this.db.prepare('INSERT OR IGNORE INTO subject_keys (subject, key_id, key, created_at, erased_at) VALUES (?, ?, NULL, ?, ?)'),
      now: () => clock().toISOString(),
    };
  }

  private keyFor(subject: string): { keyId: string; key: Buffer } {
    const existing = this.statements.get.get(subject);
    if (existing) {
      if (!existing.key) throw erasedError(subject);
      return { keyId: existing.key_id, key: existing.key };
    }
    this.statements.insert.run(subject, randomUUID(), randomBytes(32), this.statements.now());
    const created = this.statements.get.get(subject)!;
    return { keyId: created.key_id, key: created.key! };
  }

  async seal(subject: string, value: unknown): Promise<SealedValue> {
    requireSubject(subject);
    const { keyId, key } = this.keyFor(subject);
    return sealWithKey(subject, keyId, key, value);
  }

  async open(sealed: SealedValue): Promise<unknown> {
    const { subject } = sealed.$sealed;
    const row = this.statements.get.get(subject);
    if (!row || !row.key) return { $erased: { subject } };
    return openWithKey(sealed, { keyId: row.key_id, key: row.key });
  }

  async erase(subject: string): Promise<void> {
    const now = this.statements.now();
    this.db.transaction(() => {
      this.statements.erase.run(now, subject);
      // Erasing someone never seen still blocks sealing new data about them later.
      this.statements.tombstone.run(subject, randomUUID(), now, now);
    })();
  }

  async isErased(subject: string): Promise<boolean> {
    const row = this.statements.get.get(subject);
    return row !== undefined && row.key === null;
  }

  close(): void {
    this.db.close();
  }
}
