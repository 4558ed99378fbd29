import { InProcessLeaseScope, InProcessLeases } from '@leerzone/kernel';
import { LeasedWorker } from './leased-worker';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));
const waitFor = async (condition: () => boolean, timeoutMs = 5_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('Timed out waiting for condition.');
    await sleep(5);
  }
};

describe('InProcessLeases', () => {
  it('gives a name to one holder of a scope; release hands it over; revoke takes it and tells the holder', async () => {
    const scope = new InProcessLeaseScope();
    const [a, b] = [new InProcessLeases(scope), new InProcessLeases(scope)];
    expect(a.lease('relay')).toBe(a.lease('relay'));
    expect(await a.lease('relay').tryAcquire()).toBe(true);
    expect(await b.lease('relay').tryAcquire()).toBe(false);
    expect(await b.lease('projections').tryAcquire()).toBe(true);
    await a.lease('relay').release();
    expect(await b.lease('relay').tryAcquire()).toBe(true);
    let lost = 0;
    b.lease('relay').onLost(() => lost++);
    expect(scope.revoke('relay')).toBe(true);
    expect(lost).toBe(1);
    expect(b.lease('relay').held).toBe(false);
    expect(await b.lease('relay').confirm()).toBe(false);
    expect(await a.lease('relay').tryAcquire()).toBe(true);
    // Release is not a loss.
    await a.lease('relay').release();
    expect(lost).toBe(1);
  });

  it('a provider of its own always leads (a store one process opens)', async () => {
    const leases = new InProcessLeases();
    expect(await leases.lease('projections').tryAcquire()).toBe(true);
    expect(await leases.lease('projections').confirm()).toBe(true);
    await leases.close();
    expect(leases.lease('projections').held).toBe(false);
  });
});

describe('LeasedWorker', () => {
  const counting = () => {
    const log: string[] = [];
    return { log, work: (id: string) => ({ start: async () => void log.push(`start ${id}`), stop: async () => void log.push(`stop ${id}`) }) };
  };

  it('runs the work in the holder only, hands it over when the holder is lost, and stops before releasing', async () => {
    const scope = new InProcessLeaseScope();
    const { log, work } = counting();
    const changes: string[] = [];
    const a = new LeasedWorker({ lease: new InProcessLeases(scope).lease('relay'), work: work('a'), retryMs: 5, confirmMs: 5, onChange: (l) => changes.push(`a ${l}`) });
    const b = new LeasedWorker({ lease: new InProcessLeases(scope).lease('relay'), work: work('b'), retryMs: 5, confirmMs: 5 });
    await a.start();
    await b.start();
    expect([a.state, b.state]).toEqual(['leading', 'standby']);
    expect(log).toEqual(['start a']);
    scope.revoke('relay');
    await waitFor(() => b.leading);
    expect(a.state).toBe('standby');
    expect(log).toEqual(['start a', 'stop a', 'start b']);
    expect(changes).toEqual(['a true', 'a false']);
    await b.stop();
    await waitFor(() => a.leading);
    expect(log).toEqual(['start a', 'stop a', 'start b', 'stop b', 'start a']);
    await a.stop();
    expect(a.state).toBe('stopped');
    expect(log.at(-1)).toBe('stop a');
  });

  it('notices a loss no event reported at its next confirmation', async () => {
    const scope = new InProcessLeaseScope();
    const leases = new InProcessLeases(scope);
    const { log, work } = counting();
    const worker = new LeasedWorker({ lease: leases.lease('projections'), work: work('a'), retryMs: 5, confirmMs: 5 });
    await worker.start();
    // Taken behind its back: only a confirmation finds out.
    (scope as unknown as { holders: Map<string, unknown> }).holders.set('projections', {});
    await waitFor(() => worker.state === 'standby');
    expect(log).toEqual(['start a', 'stop a']);
    await worker.stop();
  });

  it('gives the lease back when the work cannot start, and tries again', async () => {
    const scope = new InProcessLeaseScope();
    let attempts = 0;
    const errors: unknown[] = [];
    const worker = new LeasedWorker({
      lease: new InProcessLeases(scope).lease('relay'),
      retryMs: 5,
      work: {
        start: async () => {
          if (++attempts < 3) throw new Error('store not reachable');
        },
        stop: async () => undefined,
      },
      onError: (error) => errors.push(error),
    });
    await worker.start();
    expect(worker.state).toBe('standby');
    expect(await new InProcessLeases(scope).lease('relay').confirm()).toBe(false);
    await waitFor(() => worker.leading);
    expect(attempts).toBe(3);
    expect(errors).toHaveLength(2);
    await worker.stop();
  });

  it('never runs the work twice at once across racing instances', async () => {
    const scope = new InProcessLeaseScope();
    let running = 0;
    let most = 0;
    const workers = Array.from(
      { length: 5 },
      () =>
        new LeasedWorker({
          lease: new InProcessLeases(scope).lease('projections'),
          retryMs: 1,
          confirmMs: 1,
          work: {
            start: async () => {
              most = Math.max(most, ++running);
              await sleep(1);
            },
            stop: async () => {
              await sleep(1);
              running--;
            },
          },
        }),
    );
    await Promise.all(workers.map((w) => w.start()));
    for (let i = 0; i < 30; i++) {
      const leader = workers.find((w) => w.leading);
      if (leader && i % 2 === 0) {
        await leader.stop();
        void leader.start();
      }
      await sleep(3);
    }
    await Promise.all(workers.map((w) => w.stop()));
    expect(most).toBe(1);
    expect(running).toBe(0);
  });
});
