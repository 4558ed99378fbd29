// A service's relay as its own OS process, for tests that kill -9 it mid-stream. Prints
// READY once running and a JSON line with the checkpoint whenever it moves.
import { SqliteEventStore } from '@leerzone/event-store-sqlite';
import { EventRelay, silentMessagingLogger } from '@leerzone/messaging';
import { KafkaEventBus } from '../../kafka-event-bus';
import { SqliteCheckpointStore } from '@leerzone/messaging-sqlite';
import { testBusOptions } from '../kafka-test-bus';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set.`);
  return value;
};

async function main(): Promise<void> {
  const source = env('TEST_SOURCE');
  const store = new SqliteEventStore({ filename: env('TEST_STORE_FILE'), pollIntervalMs: 20 });
  const checkpoints = new SqliteCheckpointStore({ filename: env('TEST_CHECKPOINT_FILE') });
  const bus = new KafkaEventBus(testBusOptions(env('KAFKA_BROKERS'), env('TEST_NAMESPACE'), { clientId: `relay-${process.pid}` }, silentMessagingLogger));
  const relay = new EventRelay({ name: `${source}->kafka`, source, store, bus, checkpoints, batchSize: Number(process.env['TEST_BATCH_SIZE'] ?? 50), logger: silentMessagingLogger });
  await relay.start();
  process.stdout.write('READY\n');
  let reported = -1;
  setInterval(() => {
    const { checkpoint } = relay.status();
    if (checkpoint !== reported) process.stdout.write(`${JSON.stringify({ checkpoint: (reported = checkpoint) })}\n`);
  }, 20);
}

main().catch((error: unknown) => {
  process.stderr.write(`${String((error as Error).stack ?? error)}\n`);
  process.exit(1);
});
