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

    -- The write half of an append, in one call (one round trip, plans cached by PL/pgSQL).
    -- VOLATILE: every statement below takes a fresh snapshot, so the ones after the lock see
    -- every append committed before it was granted. Returns the first global position, or
    -- NULL (inserting nothing) when the stream is no longer at p_version; raises unique_violation
    -- on events_event_id_key (inserting nothing) when an id exists.
    CREATE OR REPLACE FUNCTION ${s}.append_events(
      p_lock_key bigint, p_channel text, p_stream_id text, p_version bigint, p_tenant_id text, p_recorded_at text,
      p_event_ids text[], p_types text[], p_schema_versions int[], p_occurred_at text[], p_actors text[], p_reasons text[],
      p_correlation_ids text[], p_causation_ids text[], p_traceparents text[], p_data text[], p_metadata text[], p_hashes text[]
    ) RETURNS bigint LANGUAGE plpgsql VOLATILE AS $append$
    DECLARE
      head bigint;
    BEGIN
      IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'append_events needs READ COMMITTED, the transaction is %', current_setting('transaction_isolation');
      END IF;
      PERFORM pg_advisory_xact_lock(p_lock_key);
      IF (SELECT COALESCE(MAX(stream_position), 0) FROM ${s}.events WHERE stream_id = p_stream_id) <> p_version THEN
        RETURN NULL;
      END IF;
      -- Ids are not looked up first: an id that exists fails the INSERT on events_event_id_key
      -- (the whole call is rolled back, nothing inserted), and the caller looks the ids up then.
      -- On the common path they are new, and the look-up cost as much as the insert.
      SELECT COALESCE(MAX(global_position), 0) INTO head FROM ${s}.events;
      INSERT INTO ${s}.events (global_position, event_id, stream_id, stream_position, type, schema_version, tenant_id, occurred_at,
                               recorded_at, actor, reason, correlation_id, causation_id, traceparent, data, metadata, hash)
      SELECT head + u.n, u.event_id, p_stream_id, p_version + u.n, u.type, u.schema_version, p_tenant_id, u.occurred_at,
             p_recorded_at, u.actor::jsonb, u.reason, u.correlation_id, u.causation_id, u.traceparent, u.data::json, u.metadata::json, u.hash
        FROM unnest(p_event_ids, p_types, p_schema_versions, p_occurred_at, p_actors, p_reasons, p_correlation_ids, p_causation_ids,
                    p_traceparents, p_data, p_metadata, p_hashes) WITH ORDINALITY
          AS u(event_id, type, schema_version, occurred_at, actor, reason, correlation_id, causation_id, traceparent, data, metadata, hash, n);
      PERFORM pg_notify(p_channel, (head + cardinality(p_event_ids))::text);
      RETURN head + 1;
    END
    $append$;

    -- Group commit: the writes of several appends (one process's commands in flight) in one call,
    -- one lock, one transaction, one NOTIFY. Each write is checked like append_events, in order
    -- (a later write to the same stream sees the earlier ones); one whose stream is no longer at
    -- its version inserts nothing and gets NULL, the others their first global position. An id
    -- that exists fails the whole call on events_event_id_key; the caller then sends the writes
    -- one by one.
    CREATE OR REPLACE FUNCTION ${s}.append_many(
      p_lock_key bigint, p_channel text,
      p_stream_ids text[], p_versions bigint[], p_tenant_ids text[], p_recorded_at text[], p_counts int[],
      p_event_ids text[], p_types text[], p_schema_versions int[], p_occurred_at text[], p_actors text[], p_reasons text[],
      p_correlation_ids text[], p_causation_ids text[], p_traceparents text[], p_data text[], p_metadata text[], p_hashes text[]
    ) RETURNS bigint[] LANGUAGE plpgsql VOLATILE AS $many$
    DECLARE
      head bigint;
      start bigint;
      firsts bigint[] := '{}';
      off int := 0;
      cnt int;
    BEGIN
      IF current_setting('transaction_isolation') <> 'read committed' THEN
        RAISE EXCEPTION 'append_many needs READ COMMITTED, the transaction is %', current_setting('transaction_isolation');
      END IF;
      PERFORM pg_advisory_xact_lock(p_lock_key);
      SELECT COALESCE(MAX(global_position), 0) INTO head FROM ${s}.events;
      start := head;
      FOR w IN 1 .. cardinality(p_stream_ids) LOOP
        cnt := p_counts[w];
        IF (SELECT COALESCE(MAX(stream_position), 0) FROM ${s}.events WHERE stream_id = p_stream_ids[w]) = p_versions[w] THEN
          INSERT INTO ${s}.events (global_position, event_id, stream_id, stream_position, type, schema_version, tenant_id, occurred_at,
                                   recorded_at, actor, reason, correlation_id, causation_id, traceparent, data, metadata, hash)
          SELECT head + u.n, u.event_id, p_stream_ids[w], p_versions[w] + u.n, u.type, u.schema_version, p_tenant_ids[w], u.occurred_at,
                 p_recorded_at[w], u.actor::jsonb, u.reason, u.correlation_id, u.causation_id, u.traceparent, u.data::json, u.metadata::json, u.hash
            FROM unnest(p_event_ids[off + 1 : off + cnt], p_types[off + 1 : off + cnt], p_schema_versions[off + 1 : off + cnt],
                        p_occurred_at[off + 1 : off + cnt], p_actors[off + 1 : off + cnt], p_reasons[off + 1 : off + cnt],
                        p_correlation_ids[off + 1 : off + cnt], p_causation_ids[off + 1 : off + cnt], p_traceparents[off + 1 : off + cnt],
                        p_data[off + 1 : off + cnt], p_metadata[off + 1 : off + cnt], p_hashes[off + 1 : off + cnt]) WITH ORDINALITY
              AS u(event_id, type, schema_version, occurred_at, actor, reason, correlation_id, causation_id, traceparent, data, metadata, hash, n);
          firsts := array_append(firsts, head + 1);
          head := head + cnt;
        ELSE
          firsts := array_append(firsts, NULL::bigint);
        END IF;
        off := off + cnt;
      END LOOP;
      IF head > start THEN
        PERFORM pg_notify(p_channel, head::text);
      END IF;
      RETURN firsts;
    END
    $many$;
  `;
}
