import { projectionStoreContract } from './testing';
import { InMemoryProjectionStore } from './in-memory-projection-store';
import { ProjectionStoreClosedError } from './projection-store.errors';

projectionStoreContract('memory', async () => ({ store: new InMemoryProjectionStore(), dispose: async () => undefined }));

describe('InMemoryProjectionStore', () => {
  it('refuses work after close', async () => {
    const store = new InMemoryProjectionStore();
    await store.collection('a').insertOne({ _id: 'x' });
    await store.close();
    await expect(store.collection('a').findOne({ _id: 'x' })).rejects.toBeInstanceOf(ProjectionStoreClosedError);
  });
});
