import pg from 'pg';
import { DEFAULT_SCHEMA, assertSchemaName, quoteIdentifier } from './postgres-schema';

export interface PostgresCheckpointStoreOptions {
  readonly connectionString: string;
  /** The event store's schema; the table `relay_checkpoints` is created there. */
  readonly schema?: string;
  /** How long connecting may take. Default 10 000 ms. */
  readonly connectTimeoutMs?: number;
}

/**
 * The relay's checkpoints beside the events they count (the `CheckpointStore` of
 * `@leerzone/messaging`): every instance of a service that shares the store sees the same
 * checkpoint, so the instance that takes the relay's lease over resumes where the last holder's
 * bus acknowledged, and publishes again at most the batch that was in flight.
 * A checkpoint only moves forward (`GREATEST`), whoever saves it.
 */
export class PostgresCheckpointStore {
  private readonly schemaName: string;
  private readonly table: string;
  private readonly pool: pg.Pool;
  private ready: Promise<void> | undefined;

  constructor(private readonly options: PostgresCheckpointStoreOptions) {
    const schema = options.schema ?? DEFAULT_SCHEMA;
    assertSchemaName(schema);
    this.schemaName = schema;
    this.table = `${quoteIdentifier(schema)}.relay_checkpoints`;
    this.pool = new pg.Pool({ connectionString: options.connectionString, max: 2, application_name: 'leerzone-relay-checkpoints', connectionTimeoutMillis: options.connectTimeoutMs ?? 10_000 });
    this.pool.on('error', () => undefined);
  }

  async load(name: string): Promise<number> {
    await this.prepare();
    const { rows } = await this.pool.query<{ position: string }>(`SELECT position FROM ${this.table} WHERE name = $1`, [name]);
    return rows[0] ? Number(rows[0].position) : 0;
  }

  async save(name: string, position: number): Promise<void> {
    await this.prepare();
    await this.pool.query(
      `INSERT INTO ${this.table} (name, position, saved_at) VALUES ($1, $2, now())
       ON CONFLICT (name) DO UPDATE SET position = GREATEST(${this.table}.position, EXCLUDED.position), saved_at = now()`,
      [name, position],
    );
  }

  async close(): Promise<void> {
    await this.pool.end();
  }

  private prepare(): Promise<void> {
    this.ready ??= this.pool
      .query(
        `CREATE SCHEMA IF NOT EXISTS ${quoteIdentifier(this.schemaName)};
         CREATE TABLE IF NOT EXISTS ${this.table} (name text PRIMARY KEY, position bigint NOT NULL, saved_at timestamptz NOT NULL)`,
      )
      .then(
        () => undefined,
        (error: unknown) => {
          this.ready = undefined;
          throw error;
        },
      );
    return this.ready;
  }
}
