import { projectionStoreContract } from '@leerzone/projection-store/testing';
import { describeWithServer } from '@leerzone/test-servers';
import { openTestDatabase } from './mongo-test-database';

describeWithServer('mongo', 'MongoProjectionStore', (url) => {
  projectionStoreContract('mongodb', async () => {
    const { store, dispose } = await openTestDatabase(await url());
    return { store, dispose, reportsBulkErrorIndex: !store.ferretDb };
  });
});
