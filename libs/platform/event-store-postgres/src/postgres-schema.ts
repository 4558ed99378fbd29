import { createHash } from 'node:crypto';
import { InvalidArgumentError } from '@leerzone/kernel';

/** Where the store keeps its table: a PostgreSQL schema of its own. */
export const DEFAULT_SCHEMA = 'event_store';

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;

export function assertSchemaName(schema: string): void {
  if (!SCHEMA_NAME.test(schema)) {
    throw new InvalidArgumentError('schema', `A schema name is 1-63 characters of lower-case letters, digits and _, not starting with a digit; got "${schema}".`);
  }
}

export const quoteIdentifier = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/**
 * The advisory-lock key that serialises appends to one schema's events table. Derived
 * from the schema name (64 bits of its SHA-256) so that stores in different schemas of
 * one database do not wait on each other, and so the key cannot collide in practice
 * with keys other applications pick.
 */
export function appendLockKey(schema: string): string {
  return createHash('sha256').update(`leerzone:event-store:${schema}`).digest().readBigInt64BE(0).toString();
}

/** The LISTEN/NOTIFY channel announcing appends to one schema (an identifier, at most 63 bytes). */
export function notifyChannel(schema: string): string {
  return `leerzone_events_${createHash('sha256').update(schema).digest('hex').slice(0, 16)}`;
}

/**
 * Idempotent: every statement is IF NOT EXISTS, and `open` runs it under the append lock
 * so two processes starting at once do not race on the catalogue.
 *
 * `data` and `metadata` are `json`, not `jsonb`: `json` keeps the text exactly as written
 * (key order, number spelling, `\u0000`), so the stored payload is byte for byte what the
 * application appended; the hash chain is computed over canonical JSON and does not
 * depend on it either way.
 */
export function schemaDdl(schema: string): string {
  const s = quoteIdentifier(schema);
  return `
    CREATE SCHEMA IF NOT EXISTS ${s};
    CREATE TABLE IF NOT EXISTS ${s}.events (
      global_position BIGINT  PRIMARY KEY,
      event_id        TEXT    NOT NULL,
      stream_id       TEXT    NOT NULL,
      stream_position BIGINT  NOT NULL,
      type            TEXT    NOT NULL,
      schema_version  INTEGER NOT NULL,
      tenant_id       TEXT    NOT NULL,
      occurred_at     TEXT    NOT NULL,
      recorded_at     TEXT    NOT NULL,
      actor           JSONB   NOT NULL,
      reason          TEXT,
      correlation_id  TEXT    NOT NULL,
      causation_id    TEXT    NOT NULL,
      traceparent     TEXT,
      data            JSON    NOT NULL,
      metadata        JSON    NOT NULL,
      hash            TEXT    NOT NULL,
      CONSTRAINT events_event_id_key UNIQUE (event_id),
      CONSTRAINT events_stream_position_key UNIQUE (stream_id, stream_position),
      CONSTRAINT events_positions_positive CHECK (global_position > 0 AND stream_position > 0)
    );
    CREATE INDEX IF NOT EXISTS events_by_correlation ON ${s}.events (correlation_id);
    CREATE INDEX IF NOT EXISTS events_by_tenant_actor ON ${s}.events (tenant_id, (actor ->> 'id'), occurred_at);
  `;
}
