import { randomBytes, randomUUID } from 'node:crypto';
import pg from 'pg';
import type { PersonalDataVault, SealedValue } from '@leerzone/kernel';
import { erasedError, openWithKey, requireSubject, sealWithKey } from './subject-key-cipher';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

/**
 * The per-person keys in PostgreSQL, for every process that must reach the same keys: the
 * services of a native stack or compose deployment and the operator CLI that erases a person.
 * No key is cached, so an erasure in one process holds in every other at once.
 *
 * Erasing sets the key to NULL and then VACUUMs the table, so the old row version holding the
 * key is reclaimed rather than left as a dead tuple. The key can still be in the WAL and in
 * base backups until they age out: docs/privacy.md, "Where a destroyed key can linger".
 */
export class PostgresPersonalDataVault implements PersonalDataVault {
  private readonly pool: pg.Pool;
  private readonly table: string;
  private ready: Promise<void> | undefined;

  constructor(options: { readonly connectionString: string; readonly schema?: string; readonly connectTimeoutMs?: number }) {
    const schema = options.schema ?? 'public';
    if (!SCHEMA_NAME.test(schema)) throw new Error(`Invalid PostgreSQL schema name for the personal-data vault: ${schema}`);
    this.table = `"${schema}".personal_data_subject_keys`;
    this.pool = new pg.Pool({ connectionString: options.connectionString, max: 4, application_name: 'leerzone-personal-data-vault', connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000 });
  }

  private init(): Promise<void> {
    this.ready ??= (async () => {
      await this.pool.query(`CREATE TABLE IF NOT EXISTS ${this.table} (
        subject    TEXT PRIMARY KEY,
        key_id     TEXT NOT NULL,
        key        BYTEA,
        created_at TIMESTAMPTZ NOT NULL DEFAULT now(),
        erased_at  TIMESTAMPTZ
      )`);
    })().catch((error: unknown) => {
      this.ready = undefined;
      throw error;
    });
    return this.ready;
  }

  private async row(subject: string): Promise<{ key_id: string; key: Buffer | null } | undefined> {
    await this.init();
    const { rows } = await this.pool.query<{ key_id: string; key: Buffer | null }>(`SELECT key_id, key FROM ${this.table} WHERE subject = $1`, [subject]);
    return rows[0];
  }

  async seal(subject: string, value: unknown): Promise<SealedValue> {
    requireSubject(subject);
    let row = await this.row(subject);
    if (!row) {
      // Two processes may create the first key at once: one insert wins, both use its key.
      await this.pool.query(`INSERT INTO ${this.table} (subject, key_id, key) VALUES ($1, $2, $3) ON CONFLICT (subject) DO NOTHING`, [subject, randomUUID(), randomBytes(32)]);
      row = await this.row(subject);
    }
    if (!row?.key) throw erasedError(subject);
    return sealWithKey(subject, row.key_id, row.key, value);
  }

  async open(sealed: SealedValue): Promise<unknown> {
    const { subject } = sealed.$sealed;
    const row = await this.row(subject);
    if (!row || !row.key) return { $erased: { subject } };
    return openWithKey(sealed, { keyId: row.key_id, key: row.key });
  }

  async erase(subject: string): Promise<void> {
    await this.init();
    // Erasing someone never seen still blocks sealing new data about them later (a tombstone).
    await this.pool.query(
      `INSERT INTO ${this.table} (subject, key_id, key, erased_at) VALUES ($1, $2, NULL, now())
       ON CONFLICT (subject) DO UPDATE SET key = NULL, erased_at = COALESCE(${this.table}.erased_at, now())`,
      [subject, randomUUID()],
    );
    await this.pool.query(`VACUUM ${this.table}`);
  }

  async isErased(subject: string): Promise<boolean> {
    const row = await this.row(subject);
    return row !== undefined && row.key === null;
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
