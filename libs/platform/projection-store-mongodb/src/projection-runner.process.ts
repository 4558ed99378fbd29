// Child process of the crash test: runs the roster projection from an SQLite event store
// into a MongoDB database until it is killed. Not part of the library build.
import { SqliteEventStore } from '@leerzone/event-store-sqlite';
import { ProjectionRunner } from '@leerzone/projections';
import { teamRosterProjection } from '@leerzone/projections/testing';
import { MongoProjectionStore } from './mongo-projection-store';

const [filename, url, database, batchSize] = process.argv.slice(2);

(async () => {
  const eventStore = new SqliteEventStore({ filename: filename! });
  const store = await MongoProjectionStore.connect({ url: url!, database: database! });
  const runner = new ProjectionRunner({ eventStore, store, projections: [teamRosterProjection], batchSize: Number(batchSize) });
  process.stdout.write('started\n');
  await runner.start();
  process.stdout.write('caught-up\n');
})().catch((error: unknown) => {
  process.stderr.write(`${String(error)}\n`);
  process.exit(1);
});
