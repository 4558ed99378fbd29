import { InProcessLeases, InProcessLeaseScope } from './in-process-leases';
import type { Lease } from './lease.port';

/** Two instances of a service over one store: two providers sharing one scope. */
const twoInstances = () => {
  const scope = new InProcessLeaseScope();
  return { scope, a: new InProcessLeases(scope), b: new InProcessLeases(scope) };
};

const losses = (lease: Lease) => {
  const seen: string[] = [];
  lease.onLost(() => seen.push(lease.name));
  return seen;
};

describe('InProcessLeases', () => {
  it('hands out one lease object per name', () => {
    const leases = new InProcessLeases();
    const relay = leases.lease('relay');
    expect(relay.name).toBe('relay');
    expect(leases.lease('relay')).toBe(relay);
    expect(leases.lease('projections')).not.toBe(relay);
  });

  it('is not held before it is acquired, and is held after', async () => {
    const lease = new InProcessLeases().lease('relay');
    expect(lease.held).toBe(false);
    expect(await lease.tryAcquire()).toBe(true);
    expect(lease.held).toBe(true);
    // Acquiring again while holding it keeps it.
    expect(await lease.tryAcquire()).toBe(true);
    expect(lease.held).toBe(true);
  });

  it('leads alone when no other provider shares its scope', async () => {
    const first = new InProcessLeases().lease('relay');
    const second = new InProcessLeases().lease('relay');
    expect(await first.tryAcquire()).toBe(true);
    expect(await second.tryAcquire()).toBe(true);
  });

  it('refuses the lease to another holder of the same scope until the holder releases it', async () => {
    const { a, b } = twoInstances();
    expect(await a.lease('relay').tryAcquire()).toBe(true);
    expect(await b.lease('relay').tryAcquire()).toBe(false);
    expect(b.lease('relay').held).toBe(false);
    // Another name is another lease.
    expect(await b.lease('projections').tryAcquire()).toBe(true);

    await a.lease('relay').release();
    expect(a.lease('relay').held).toBe(false);
    expect(await b.lease('relay').tryAcquire()).toBe(true);
    expect(await a.lease('relay').tryAcquire()).toBe(false);
  });

  it('lets only the holder give the lease back: a release by someone who does not hold it changes nothing', async () => {
    const { scope, a, b } = twoInstances();
    await a.lease('relay').tryAcquire();
    await b.lease('relay').release();
    await b.lease('relay').release();
    expect(a.lease('relay').held).toBe(true);
    expect(await a.lease('relay').confirm()).toBe(true);
    expect(await new InProcessLeases(scope).lease('relay').tryAcquire()).toBe(false);
  });

  it('confirms a held lease without losing it, and reports false for one not held', async () => {
    const { a, b } = twoInstances();
    const lease = a.lease('relay');
    const lost = losses(lease);
    await lease.tryAcquire();
    expect(await lease.confirm()).toBe(true);
    expect(await lease.confirm()).toBe(true);
    expect(lease.held).toBe(true);
    expect(lost).toEqual([]);
    expect(await b.lease('relay').confirm()).toBe(false);
  });

  it('tells the holder once when the lease is revoked, and frees it for another', async () => {
    const { scope, a, b } = twoInstances();
    const lease = a.lease('relay');
    const lost = losses(lease);
    await lease.tryAcquire();

    expect(scope.revoke('relay')).toBe(true);
    expect(lost).toEqual(['relay']);
    expect(lease.held).toBe(false);
    expect(await lease.confirm()).toBe(false);
    expect(scope.revoke('relay')).toBe(false);
    expect(lost).toEqual(['relay']);

    expect(await b.lease('relay').tryAcquire()).toBe(true);
    expect(await lease.tryAcquire()).toBe(false);
  });

  it('revokes nothing when no one holds the lease', async () => {
    const { scope, a } = twoInstances();
    const lost = losses(a.lease('relay'));
    expect(scope.revoke('relay')).toBe(false);
    await a.lease('relay').tryAcquire();
    await a.lease('relay').release();
    expect(scope.revoke('relay')).toBe(false);
    expect(lost).toEqual([]);
  });

  it('does not report a release as a loss, and stops telling a listener that was removed', async () => {
    const { scope, a } = twoInstances();
    const lease = a.lease('relay');
    const kept = losses(lease);
    const removed: string[] = [];
    const remove = lease.onLost(() => removed.push('removed'));

    await lease.tryAcquire();
    await lease.release();
    expect(kept).toEqual([]);

    remove();
    await lease.tryAcquire();
    scope.revoke('relay');
    expect(kept).toEqual(['relay']);
    expect(removed).toEqual([]);
  });

  it('releases every lease it holds on close, so another instance takes over', async () => {
    const { a, b } = twoInstances();
    await a.lease('relay').tryAcquire();
    await a.lease('projections').tryAcquire();
    await a.close();
    expect(a.lease('relay').held).toBe(false);
    expect(a.lease('projections').held).toBe(false);
    expect(await b.lease('relay').tryAcquire()).toBe(true);
    expect(await b.lease('projections').tryAcquire()).toBe(true);
  });

  it('reports through the scope who holds a lease', async () => {
    const { scope, a, b } = twoInstances();
    await a.lease('relay').tryAcquire();
    const holds = (lease: Lease) => scope.holds(lease as Parameters<InProcessLeaseScope['holds']>[0]);
    expect(holds(a.lease('relay'))).toBe(true);
    expect(holds(b.lease('relay'))).toBe(false);
    expect(holds(a.lease('projections'))).toBe(false);
  });
});
