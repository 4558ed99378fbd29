import { randomBytes } from 'node:crypto';
import type { StoredEvent } from '@leerzone/kernel';
import { eventStoreContract, newEvent } from '@leerzone/kernel/testing';
import { describeWithServer } from '@leerzone/test-servers';
import { KurrentDbEventStore } from './kurrentdb-event-store';

// KurrentDB cannot drop what was written, so every test gets a namespace of its own:
// `$all` reads of a store only see streams under its namespace.
const freshNamespace = () => `t${randomBytes(6).toString('hex')}`;

const waitFor = async (condition: () => boolean, timeoutMs = 15_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('Timed out waiting for condition.');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

describeWithServer('kurrentdb', 'KurrentDbEventStore', (url) => {
  eventStoreContract('kurrentdb', async () => {
    const connectionString = await url();
    const namespace = freshNamespace();
    return {
      open: async () => KurrentDbEventStore.open({ connectionString, namespace, pollIntervalMs: 50 }),
      dispose: async () => undefined,
    };
    // KurrentDB keeps no index of event ids across streams (see docs/event-stores.md).
  }, { eventIdsUniqueAcrossStreams: false });

  describe('kurrentdb specifics', () => {
    const opened: KurrentDbEventStore[] = [];
    afterEach(async () => {
      for (const store of opened.splice(0)) await store.close();
    });
    const open = async (namespace: string, pollIntervalMs = 50) => {
      const store = await KurrentDbEventStore.open({ connectionString: await url(), namespace, pollIntervalMs });
      opened.push(store);
      return store;
    };

    it('keeps namespaces apart: a store reads only its own streams', async () => {
      const a = await open(freshNamespace());
      const b = await open(freshNamespace());
      await a.append('same-id', [newEvent()], { expectedVersion: 0 });
      await b.append('same-id', [newEvent(), newEvent()], { expectedVersion: 0 });
      expect(await a.readAll()).toHaveLength(1);
      expect(await b.readAll()).toHaveLength(2);
      expect(await a.streamVersion('same-id')).toBe(1);
    });

    it('wakes a subscription through the live $all subscription when another client appends', async () => {
      const namespace = freshNamespace();
      const subscriber = await open(namespace, 600_000);
      const writer = await open(namespace);
      const seen: StoredEvent[] = [];
      const subscription = subscriber.subscribe({ onEvents: (batch) => void seen.push(...batch) });
      await subscription.caughtUp;
      // Give the live subscription a moment to be established on the server.
      await new Promise((resolve) => setTimeout(resolve, 500));
      await writer.append('live', [newEvent(), newEvent()], { expectedVersion: 0 });
      await waitFor(() => seen.length === 2);
      await subscription.stop();
    });

    it("re-reads and retries 'any' appends that race, keeping the hash chain intact", async () => {
      const namespace = freshNamespace();
      const stores = await Promise.all([open(namespace), open(namespace), open(namespace)]);
      await Promise.all(stores.map(async (store) => {
        for (let i = 0; i < 10; i++) await store.append('contended', [newEvent()], { expectedVersion: 'any' });
      }));
      const stream = await stores[0]!.readStream('contended');
      expect(stream.map((e) => e.streamPosition)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
      expect(new Set(stream.map((e) => e.hash)).size).toBe(30);
    });
  });
});
