// "Service B" as its own OS process: consumes service A's topic (the Kafka bus opens a
// process span per delivery and hands its traceparent over as Delivery.traceparent) and,
// per event, updates a read model (withProjectionSpan) and records a follow-up event in its
// own store (withCommandSpan), continuing the trace of A's request. Prints one JSON line
// per follow-up event.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { handleCommand, type Decider } from '@leerzone/kernel';
import { SqliteEventStore } from '@leerzone/event-store-sqlite';
import { silentMessagingLogger } from '@leerzone/messaging';
import { KafkaEventBus } from '@leerzone/messaging-kafka';
import { testBusOptions } from '@leerzone/messaging-kafka/testing';
import { instrumentEventStore, startObservability, withCommandSpan, withProjectionSpan } from '@leerzone/observability';

const env = (name: string): string => {
  const value = process.env[name];
  if (!value) throw new Error(`${name} is not set.`);
  return value;
};

const followUp: Decider<{ type: 'NoteTeamSeen'; data: { teamId: string } }, { type: 'TeamSeen'; data: { teamId: string } }, number> = {
  initialState: 0,
  decide: (command) => [{ type: 'TeamSeen', data: command.data }],
  evolve: (seen) => seen + 1,
};

async function main(): Promise<void> {
  const observability = startObservability({ serviceName: 'analytics' });
  const store = instrumentEventStore(new SqliteEventStore({ filename: join(mkdtempSync(join(tmpdir(), 'leerzone-b-')), 'events.db') }));
  const readModel = new Map<string, string>();
  let ids = 0;
  const bus = new KafkaEventBus(testBusOptions(env('KAFKA_BROKERS'), env('TEST_NAMESPACE'), { clientId: `analytics-${process.pid}` }, silentMessagingLogger));
  const subscription = await bus.subscribe({
    group: 'analytics',
    sources: ['governance'],
    handle: async (deliveries) => {
      for (const { event, traceparent: delivered } of deliveries) {
        await withProjectionSpan('analytics.teams', event, () => void readModel.set(event.streamId, (event.data as { name: string }).name), delivered);
        const streamId = `seen-${event.streamId}`;
        const outcome = await withCommandSpan({ commandType: 'NoteTeamSeen', streamId, tenantId: event.tenantId, ...(delivered ? { traceparent: delivered } : {}) }, (traceparent) =>
          handleCommand({ store, newId: () => `${process.pid}-${ids++}` }, followUp, streamId, { type: 'NoteTeamSeen', data: { teamId: event.streamId } }, {
            tenantId: event.tenantId,
            actor: { id: 'analytics', kind: 'service' },
            correlationId: event.correlationId,
            causationId: event.eventId,
            ...(traceparent ? { traceparent } : {}),
            now: new Date(),
          }),
        );
        if (outcome.ok) {
          const [stored] = outcome.events;
          process.stdout.write(`${JSON.stringify({ streamId: stored!.streamId, correlationId: stored!.correlationId, causationId: stored!.causationId, traceparent: stored!.traceparent })}\n`);
        }
      }
    },
  });
  await subscription.ready;
  process.stdout.write('READY\n');
  process.once('SIGTERM', () => void bus.close().then(() => observability.shutdown()).then(() => process.exit(0)));
}

main().catch((error: unknown) => {
  process.stderr.write(`${String((error as Error).stack ?? error)}\n`);
  process.exit(1);
});
