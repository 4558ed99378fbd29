import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { LeasedWorker } from '@leerzone/messaging';
import { describeWithServer } from '@leerzone/test-servers';
import { PostgresCheckpointStore } from './postgres-checkpoint-store';
import { PostgresLeases, leaseLockKey } from './postgres-leases';

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const waitFor = async (condition: () => boolean | Promise<boolean>, timeoutMs = 15_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('Timed out waiting for condition.');
    await sleep(20);
  }
};

describeWithServer('postgres', 'PostgresLeases', (url) => {
  const opened: PostgresLeases[] = [];
  let admin: pg.Pool | undefined;
  let schema: string;
  const adminPool = async () => (admin ??= new pg.Pool({ connectionString: await url(), max: 2 }));
  const leases = async () => {
    const provider = new PostgresLeases({ connectionString: await url(), schema, queryTimeoutMs: 2_000 });
    opened.push(provider);
    return provider;
  };
  // How many sessions the server says hold the lease's lock.
  const holdersOnServer = async (name: string): Promise<number[]> => {
    const key = BigInt(leaseLockKey(schema, name));
    const classid = Number((key >> 32n) & 0xffffffffn);
    const objid = Number(key & 0xffffffffn);
    const { rows } = await (await adminPool()).query<{ pid: number }>(
      `SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND granted AND objsubid = 1 AND classid::bigint = $1 AND objid::bigint = $2`,
      [classid, objid],
    );
    return rows.map((r) => r.pid);
  };

  beforeEach(() => {
    schema = `lease_test_${randomBytes(5).toString('hex')}`;
  });

  afterEach(async () => {
    await Promise.all(opened.splice(0).map((p) => p.close()));
  });

  afterAll(async () => {
    await admin?.end();
  });

  it('gives a lease to one instance at a time; release hands it over', async () => {
    const [a, b] = [await leases(), await leases()];
    expect(await a.lease('relay').tryAcquire()).toBe(true);
    expect(await b.lease('relay').tryAcquire()).toBe(false);
    expect(a.lease('relay').held).toBe(true);
    expect(b.lease('relay').held).toBe(false);
    expect(await holdersOnServer('relay')).toEqual([a.backendPid]);
    // Another name, or the same name over another store, is another lease.
    expect(await b.lease('projections').tryAcquire()).toBe(true);
    const other = new PostgresLeases({ connectionString: await url(), schema: `${schema}_x` });
    opened.push(other);
    expect(await other.lease('relay').tryAcquire()).toBe(true);
    // Taking it again while held is a confirmation, not a second lock.
    expect(await a.lease('relay').tryAcquire()).toBe(true);
    await a.lease('relay').release();
    expect(a.lease('relay').held).toBe(false);
    expect(await b.lease('relay').tryAcquire()).toBe(true);
    expect(await holdersOnServer('relay')).toEqual([b.backendPid]);
  });

  it('is lost when the holder’s connection dies, the holder is told, and another instance takes it over', async () => {
    const [a, b] = [await leases(), await leases()];
    const lease = a.lease('relay');
    expect(await lease.tryAcquire()).toBe(true);
    let told = 0;
    lease.onLost(() => told++);
    expect(await b.lease('relay').tryAcquire()).toBe(false);
    // The server ends the holder's session, as when its process is killed or its machine lost.
    await (await adminPool()).query('SELECT pg_terminate_backend($1)', [a.backendPid]);
    await waitFor(() => !lease.held);
    expect(told).toBe(1);
    expect(await lease.confirm()).toBe(false);
    await waitFor(() => b.lease('relay').tryAcquire());
    expect(await holdersOnServer('relay')).toEqual([b.backendPid]);
    // The old holder reconnects for its next attempt, and stands by.
    expect(await lease.tryAcquire()).toBe(false);
    expect(told).toBe(1);
  });

  it('confirm answers false and reports the loss when the connection is gone before any event says so', async () => {
    const a = await leases();
    const lease = a.lease('projections');
    expect(await lease.tryAcquire()).toBe(true);
    expect(await lease.confirm()).toBe(true);
    const lost = new Promise<void>((resolve) => lease.onLost(resolve));
    await (await adminPool()).query('SELECT pg_terminate_backend($1)', [a.backendPid]);
    await waitFor(async () => !(await lease.confirm()));
    await lost;
  });

  const racingWorkers = (providers: PostgresLeases[], counts: { holding: number; most: number; starts: number }) =>
    providers.map(
      (provider) =>
        new LeasedWorker({
          lease: provider.lease('projections'),
          retryMs: 10,
          confirmMs: 10,
          work: {
            start: async () => {
              counts.holding++;
              counts.starts++;
              counts.most = Math.max(counts.most, counts.holding);
            },
            stop: async () => {
              counts.holding--;
            },
          },
        }),
    );

  it('never has two holders on the server while instances race for it and holders are cut off at random', async () => {
    const providers = await Promise.all(Array.from({ length: 4 }, () => leases()));
    const counts = { holding: 0, most: 0, starts: 0 };
    const workers = racingWorkers(providers, counts);
    await Promise.all(workers.map((w) => w.start()));
    const deadline = Date.now() + 4_000;
    let cuts = 0;
    let samples = 0;
    while (Date.now() < deadline) {
      expect((await holdersOnServer('projections')).length).toBeLessThanOrEqual(1);
      samples++;
      const leader = providers.find((p) => p.lease('projections').held);
      if (leader && cuts < 6 && Math.random() < 0.2) {
        await (await adminPool()).query('SELECT pg_terminate_backend($1)', [leader.backendPid]);
        cuts++;
      }
      await sleep(25);
    }
    // Every cut-off holder stopped its work, and someone took over each time.
    await waitFor(() => counts.holding === 1 && providers.filter((p) => p.lease('projections').held).length === 1);
    await Promise.all(workers.map((w) => w.stop()));
    expect(counts.holding).toBe(0);
    expect(cuts).toBeGreaterThan(0);
    expect(counts.starts).toBeGreaterThan(cuts);
    expect(samples).toBeGreaterThan(20);
  });

  it('hands over on release without the work ever running in two instances', async () => {
    const providers = await Promise.all(Array.from({ length: 3 }, () => leases()));
    const counts = { holding: 0, most: 0, starts: 0 };
    const workers = racingWorkers(providers, counts);
    await Promise.all(workers.map((w) => w.start()));
    for (let round = 0; round < 8; round++) {
      await waitFor(() => workers.some((w) => w.leading));
      const leader = workers.find((w) => w.leading)!;
      await leader.stop();
      await leader.start();
    }
    await waitFor(() => workers.some((w) => w.leading));
    await Promise.all(workers.map((w) => w.stop()));
    expect(counts.most).toBe(1);
    expect(counts.starts).toBeGreaterThanOrEqual(9);
  });

  it('keeps relay checkpoints in the store, shared by every instance and only ever moving forward', async () => {
    const connectionString = await url();
    const [one, two] = [new PostgresCheckpointStore({ connectionString, schema }), new PostgresCheckpointStore({ connectionString, schema })];
    try {
      expect(await one.load('governance->kafka')).toBe(0);
      await one.save('governance->kafka', 120);
      expect(await two.load('governance->kafka')).toBe(120);
      await two.save('governance->kafka', 80);
      expect(await one.load('governance->kafka')).toBe(120);
      await two.save('governance->kafka', 121);
      expect(await one.load('governance->kafka')).toBe(121);
      expect(await one.load('okr->kafka')).toBe(0);
    } finally {
      await one.close();
      await two.close();
      await (await adminPool()).query(`DROP SCHEMA IF EXISTS "${schema}" CASCADE`);
    }
  });
});
