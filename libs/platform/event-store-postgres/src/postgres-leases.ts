import { createHash } from 'node:crypto';
import pg from 'pg';
import type { Lease, LeaseProvider } from '@leerzone/kernel';
import { DEFAULT_SCHEMA, assertSchemaName } from './postgres-schema';

export interface PostgresLeasesOptions {
  /** The event store's server (`postgres://…`, without our `schema` parameter). */
  readonly connectionString: string;
  /** The event store's schema: leases are per store, so two stores on one server never contend. */
  readonly schema?: string;
  /** How long one lease query may take before the connection counts as lost. Default 5000 ms. */
  readonly queryTimeoutMs?: number;
  /** How long connecting may take. Default 5000 ms. */
  readonly connectTimeoutMs?: number;
}

/** The advisory-lock key of a lease: 64 bits of sha256, apart from the store's append lock (`leerzone:event-store:<schema>`). */
export function leaseLockKey(schema: string, name: string): string {
  return createHash('sha256').update(`leerzone:lease:${schema}:${name}`).digest().readBigInt64BE(0).toString();
}

class PostgresLease implements Lease {
  private readonly listeners = new Set<() => void>();
  private holding = false;

  constructor(
    readonly name: string,
    readonly key: string,
    private readonly owner: PostgresLeases,
  ) {}

  get held(): boolean {
    return this.holding;
  }

  async tryAcquire(): Promise<boolean> {
    if (this.holding) return this.confirm();
    this.holding = await this.owner.lock(this);
    return this.holding;
  }

  async confirm(): Promise<boolean> {
    if (!this.holding) return false;
    if (!(await this.owner.alive())) this.lost();
    return this.holding;
  }

  onLost(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async release(): Promise<void> {
    if (!this.holding) return;
    this.holding = false;
    await this.owner.unlock(this);
  }

  /** @internal */
  lost(): void {
    if (!this.holding) return;
    this.holding = false;
    for (const listener of [...this.listeners]) listener();
  }
}

/**
 * Leases as PostgreSQL session-level advisory locks (`pg_try_advisory_lock`), all held on one
 * dedicated connection of this instance. The server releases a session's locks when the
 * session ends, so the lease is handed over when its holder's connection dies: at once for a
 * killed process (the kernel closes its socket), after the server's TCP keepalive for a lost
 * machine (`tcp_keepalives_idle`/`_interval`/`_count`, and the client side's keepalive that this
 * connection turns on).
 *
 * The holder learns of a loss from the connection's `error`/`end` events and from `confirm`
 * (`SELECT 1` on that connection, bounded by `queryTimeoutMs`): while the session lives the
 * lock is its own, because nothing but this code unlocks it. A connection that errs or times
 * out is closed, and every lease held on it counts as lost, so the holder stops before another
 * instance can have taken the lock. A standby instance reconnects at its next `tryAcquire`.
 *
 * Needs a real session: connect directly or through a pooler in session mode. Behind
 * PgBouncer in transaction or statement pooling the lock would belong to whichever server
 * connection ran the statement, and the lease would mean nothing.
 */
export class PostgresLeases implements LeaseProvider {
  private readonly schema: string;
  private readonly leases = new Map<string, PostgresLease>();
  private client: pg.Client | undefined;
  private connecting: Promise<pg.Client> | undefined;
  private pid: number | undefined;
  private closed = false;

  constructor(private readonly options: PostgresLeasesOptions) {
    this.schema = options.schema ?? DEFAULT_SCHEMA;
    assertSchemaName(this.schema);
  }

  lease(name: string): Lease {
    let lease = this.leases.get(name);
    if (!lease) {
      lease = new PostgresLease(name, leaseLockKey(this.schema, name), this);
      this.leases.set(name, lease);
    }
    return lease;
  }

  /** The server process of the lease connection (diagnostics: `pg_stat_activity`, `pg_locks`); undefined while not connected. */
  get backendPid(): number | undefined {
    return this.pid;
  }

  async close(): Promise<void> {
    this.closed = true;
    const client = this.client;
    this.detach();
    for (const lease of this.leases.values()) lease.lost();
    // Ending the session releases every lock it holds.
    await client?.end().catch(() => undefined);
  }

  /** @internal */
  async lock(lease: PostgresLease): Promise<boolean> {
    if (this.closed) return false;
    const client = await this.connection();
    const result = await this.query<{ locked: boolean }>(client, 'SELECT pg_try_advisory_lock($1::bigint) AS locked', [lease.key]);
    return result.rows[0]?.locked === true;
  }

  /** @internal */
  async unlock(lease: PostgresLease): Promise<void> {
    const client = this.client;
    if (!client) return;
    await this.query(client, 'SELECT pg_advisory_unlock($1::bigint)', [lease.key]).catch(() => undefined);
  }

  /** @internal True while the lease connection answers. */
  async alive(): Promise<boolean> {
    const client = this.client;
    if (!client) return false;
    try {
      await this.query(client, 'SELECT 1');
      return this.client === client;
    } catch {
      return false;
    }
  }

  private async query<R extends pg.QueryResultRow>(client: pg.Client, text: string, values: unknown[] = []): Promise<pg.QueryResult<R>> {
    try {
      return await client.query<R>({ text, values, query_timeout: this.options.queryTimeoutMs ?? 5_000 } as pg.QueryConfig);
    } catch (error) {
      // A query that failed on the connection (not a refused statement) means the session is gone or unreachable.
      if (!(error instanceof pg.DatabaseError)) this.dropped(client);
      throw error;
    }
  }

  private connection(): Promise<pg.Client> {
    if (this.client) return Promise.resolve(this.client);
    this.connecting ??= (async () => {
      const client = new pg.Client({
        connectionString: this.options.connectionString,
        connectionTimeoutMillis: this.options.connectTimeoutMs ?? 5_000,
        application_name: 'leerzone-lease',
        keepAlive: true,
        keepAliveInitialDelayMillis: 10_000,
      });
      client.on('error', () => this.dropped(client));
      client.on('end', () => this.dropped(client));
      try {
        await client.connect();
        const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
        this.pid = rows[0]?.pid;
      } catch (error) {
        await client.end().catch(() => undefined);
        throw error;
      }
      this.client = client;
      return client;
    })().finally(() => {
      this.connecting = undefined;
    });
    return this.connecting;
  }

  private detach(): void {
    this.client = undefined;
    this.pid = undefined;
  }

  // The session is gone (or cannot be trusted): every lease on it is lost.
  private dropped(client: pg.Client): void {
    if (this.client !== client) return;
    this.detach();
    void client.end().catch(() => undefined);
    for (const lease of this.leases.values()) lease.lost();
  }
}
