// "Service A" as its own OS process: the platform's HTTP app (createHttpApp: OpenTelemetry
// from the OTEL_* variables, server and command spans) on SQLite, and its relay to Kafka.
// Prints `READY <url> <dev token>` once both run.
import 'reflect-metadata';
import { EventRelay, silentMessagingLogger } from '@leerzone/messaging';
import { KafkaEventBus } from '@leerzone/messaging-kafka';
import { SqliteCheckpointStore } from '@leerzone/messaging-sqlite';
import { testBusOptions } from '@leerzone/messaging-kafka/testing';
import { startAuditTestApp } from '../audit-test-app';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set.`);
  return value;
};

async function main(): Promise<void> {
  const app = await startAuditTestApp();
  const bus = new KafkaEventBus(testBusOptions(env('KAFKA_BROKERS'), env('TEST_NAMESPACE'), { clientId: `governance-${process.pid}` }, silentMessagingLogger));
  const relay = new EventRelay({
    name: 'governance->kafka',
    source: 'governance',
    store: app.store,
    bus,
    checkpoints: new SqliteCheckpointStore({ filename: env('TEST_CHECKPOINT_FILE') }),
    logger: silentMessagingLogger,
  });
  await relay.start();
  const token = await app.token('acme', 'ada', ['coach']);
  process.stdout.write(`READY ${app.url} ${token}\n`);
  process.once('SIGTERM', () => void relay.stop().then(() => bus.close()).then(() => app.close()).then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  process.stderr.write(`${String((error as Error).stack ?? error)}\n`);
  process.exit(1);
});
