import { InMemoryCheckpointStore, InProcessEventBus, silentMessagingLogger } from '@leerzone/messaging';
import { KafkaEventBus } from '@leerzone/messaging-kafka';
import { resolveMessagingSetup } from './messaging-setup';

describe('resolveMessagingSetup', () => {
  it('uses the in-process bus and in-memory checkpoints without KAFKA_BROKERS', async () => {
    const setup = resolveMessagingSetup({ service: 'governance', dataDir: '/tmp/x', env: {} });
    expect(setup).toMatchObject({ transport: 'in-process', relays: [{ service: 'governance', name: 'governance->in-process' }] });
    const bus = setup.openBus(silentMessagingLogger);
    expect(bus).toBeInstanceOf(InProcessEventBus);
    expect(setup.openCheckpoints()).toBeInstanceOf(InMemoryCheckpointStore);
    await bus.close();
  });

  it('uses Kafka when KAFKA_BROKERS is set, with the namespace from KAFKA_NAMESPACE', async () => {
    const setup = resolveMessagingSetup({ service: 'analytics', dataDir: '/tmp/x', env: { KAFKA_BROKERS: '127.0.0.1:19092', KAFKA_NAMESPACE: 'e2e' } });
    expect(setup).toMatchObject({ transport: 'kafka', relays: [{ service: 'analytics', name: 'analytics->kafka' }] });
    const bus = setup.openBus(silentMessagingLogger) as KafkaEventBus;
    expect(bus).toBeInstanceOf(KafkaEventBus);
    expect(bus.topicOf('governance')).toBe('e2e.governance.events');
    await bus.close();
  });

  it('relays another service’s events, several services’ events each under its own name, or none', () => {
    expect(resolveMessagingSetup({ service: 'standalone', publishes: 'governance', dataDir: '.', env: {} })).toMatchObject({ relays: [{ service: 'governance', name: 'governance->in-process' }] });
    const okrOnly = (event: { streamId: string }) => event.streamId.startsWith('okr-');
    const shared = resolveMessagingSetup({ service: 'standalone', publishes: [{ service: 'governance' }, { service: 'okr', filter: okrOnly }], dataDir: '.', env: {} });
    expect(shared.relays.map((r) => r.name)).toEqual(['governance->in-process', 'okr->in-process']);
    expect(shared.relays[1]!.filter).toBe(okrOnly);
    expect(resolveMessagingSetup({ service: 'analytics', publishes: false, dataDir: '.', env: {} })).toMatchObject({ relays: [] });
    expect(() => resolveMessagingSetup({ service: 'standalone', publishes: [{ service: 'okr' }, { service: 'okr' }], dataDir: '.', env: {} })).toThrow(expect.objectContaining({ field: 'publishes' }));
  });

  it('refuses bad names and bad KAFKA_* values, naming the field', () => {
    expect(() => resolveMessagingSetup({ service: 'Bad Name', dataDir: '.', env: {} })).toThrow(expect.objectContaining({ code: 'MESSAGING.INVALID_ARGUMENT', field: 'service' }));
    expect(() => resolveMessagingSetup({ service: 'governance', dataDir: '.', env: { KAFKA_BROKERS: '127.0.0.1:19092', KAFKA_TOPIC_PARTITIONS: 'six' } })).toThrow(
      expect.objectContaining({ code: 'MESSAGING.INVALID_ARGUMENT', field: 'KAFKA_TOPIC_PARTITIONS' }),
    );
  });
});
