import { randomUUID } from 'node:crypto';
import { MongoProjectionStore } from './mongo-projection-store';

/** A store on a database of its own (`lz_test_<random>`), dropped by `dispose`. For tests and benchmarks. */
export async function openTestDatabase(url: string, prefix = 'lz_test'): Promise<{ store: MongoProjectionStore; dispose: () => Promise<void> }> {
  const store = await MongoProjectionStore.connect({ url, database: `${prefix}_${randomUUID().replace(/-/g, '').slice(0, 16)}` });
  return {
    store,
    dispose: async () => {
      await store.dropDatabase().catch(() => undefined);
      await store.close();
    },
  };
}
