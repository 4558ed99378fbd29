/**
 * Run once across instances. Several instances of a writing service share one event store;
 * each takes commands, but work that reads the whole store and must happen once (the relay
 * to the bus, the projection runners) runs only in the instance that holds its lease.
 *
 * The port lives in the kernel, next to the event-store port, because the lease belongs to
 * the store: the instances that share a store are the ones that must agree, and each store
 * adapter offers the lease its server can give (PostgreSQL: a session-level advisory lock on
 * a dedicated connection, `@leerzone/event-store-postgres`). A store that only one process
 * can open (SQLite) needs no more than `InProcessLeases`.
 *
 * The contract:
 * - at most one holder per name and store at any time, as far as the server knows;
 * - a holder that loses the lease (its connection died, the server ended its session) is
 *   told (`onLost`) and `held` turns false; `confirm` asks the server and is what a holder
 *   calls before each piece of work it must not do twice;
 * - a lease whose holder died is free again at once when the server notices the dead
 *   connection (a killed process: immediately; a lost machine: the server's TCP keepalive).
 */
export interface Lease {
  /** What the lease guards, e.g. `projections` or `relay:governance->kafka`. */
  readonly name: string;
  /** True from a successful `tryAcquire` until `release` or a loss. */
  readonly held: boolean;
  /** Takes the lease if no one holds it; never waits. True when this instance holds it now. */
  tryAcquire(): Promise<boolean>;
  /**
   * One round trip to the server: true while this instance still holds the lease. False (and
   * the loss reported to `onLost` listeners) when it no longer does or the server is unreachable.
   */
  confirm(): Promise<boolean>;
  /** Called once per loss (not on `release`). Returns a function that removes the listener. */
  onLost(listener: () => void): () => void;
  /** Gives the lease up (another instance may take it at once). Idempotent. */
  release(): Promise<void>;
}

/** The leases of one instance over one store. */
export interface LeaseProvider {
  /** The same object for the same name. */
  lease(name: string): Lease;
  /** Releases every lease and closes the connection. */
  close(): Promise<void>;
}
