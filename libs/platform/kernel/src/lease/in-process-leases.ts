import type { Lease, LeaseProvider } from './lease.port';

/**
 * Who holds which lease, inside one process. Providers made over the same scope exclude
 * each other (tests stand several instances up in one process that way); `revoke` takes a
 * lease from its holder as a dead connection would.
 */
export class InProcessLeaseScope {
  private readonly holders = new Map<string, InProcessLease>();

  /** @internal */
  take(lease: InProcessLease): boolean {
    const holder = this.holders.get(lease.name);
    if (holder && holder !== lease) return false;
    this.holders.set(lease.name, lease);
    return true;
  }

  /** @internal */
  give(lease: InProcessLease): void {
    if (this.holders.get(lease.name) === lease) this.holders.delete(lease.name);
  }

  holds(lease: InProcessLease): boolean {
    return this.holders.get(lease.name) === lease;
  }

  /** The holder loses the lease (as if its connection had died); true when someone held it. */
  revoke(name: string): boolean {
    const holder = this.holders.get(name);
    if (!holder) return false;
    this.holders.delete(name);
    holder.lost();
    return true;
  }
}

class InProcessLease implements Lease {
  private readonly listeners = new Set<() => void>();
  private holding = false;

  constructor(
    readonly name: string,
    private readonly scope: InProcessLeaseScope,
  ) {}

  get held(): boolean {
    return this.holding;
  }

  async tryAcquire(): Promise<boolean> {
    this.holding = this.scope.take(this);
    return this.holding;
  }

  async confirm(): Promise<boolean> {
    if (this.holding && !this.scope.holds(this)) this.lost();
    return this.holding;
  }

  onLost(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  async release(): Promise<void> {
    this.holding = false;
    this.scope.give(this);
  }

  /** @internal */
  lost(): void {
    if (!this.holding) return;
    this.holding = false;
    for (const listener of [...this.listeners]) listener();
  }
}

/**
 * Leases for a store only one process opens (the SQLite store, standalone mode, the
 * in-memory test store): every lease is free unless another provider of the same scope
 * holds it, so a single instance always leads. It does not coordinate processes — a
 * KurrentDB or PostgreSQL store shared by several instances needs the server's lease.
 */
export class InProcessLeases implements LeaseProvider {
  private readonly leases = new Map<string, InProcessLease>();

  constructor(private readonly scope: InProcessLeaseScope = new InProcessLeaseScope()) {}

  lease(name: string): Lease {
    let lease = this.leases.get(name);
    if (!lease) {
      lease = new InProcessLease(name, this.scope);
      this.leases.set(name, lease);
    }
    return lease;
  }

  async close(): Promise<void> {
    await Promise.all([...this.leases.values()].map((lease) => lease.release()));
  }
}
