// A consumer-group member as its own OS process, for tests that kill -9 it. Prints one
// JSON line per delivery and READY once it has joined its group.
import { silentMessagingLogger } from '@leerzone/messaging';
import { KafkaEventBus } from '../../kafka-event-bus';
import { testBusOptions } from '../kafka-test-bus';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set.`);
  return value;
};

async function main(): Promise<void> {
  const bus = new KafkaEventBus(testBusOptions(env('KAFKA_BROKERS'), env('TEST_NAMESPACE'), { clientId: `consumer-${process.pid}` }, silentMessagingLogger));
  const subscription = await bus.subscribe({
    group: env('TEST_GROUP'),
    sources: [env('TEST_SOURCE')],
    handle: (deliveries) => {
      for (const { event, position } of deliveries) {
        process.stdout.write(`${JSON.stringify({ eventId: event.eventId, streamId: event.streamId, streamPosition: event.streamPosition, partition: position.partition, offset: position.offset })}\n`);
      }
    },
  });
  await subscription.ready;
  process.stdout.write('READY\n');
  process.once('SIGTERM', () => void bus.close().then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  process.stderr.write(`${String((error as Error).stack ?? error)}\n`);
  process.exit(1);
});
