import { InMemoryCheckpointStore, InProcessEventBus, silentMessagingLogger } from '@leerzone/messaging';
import { KafkaEventBus } from '@leerzone/messaging-kafka';
import { resolveMessagingSetup } from './messaging-setup';

describe('resolveMessagingSetup', () => {
  it('uses the in-process bus and in-memory checkpoints without KAFKA_BROKERS', async () => {
    const setup = resolveMessagingSetup({ service: 'governance', dataDir: '/tmp/x', env: {} });
    expect(setup).toMatchObject({ transport: 'in-process', publishes: 'governance', relayName: 'governance->in-process' });
    const bus = setup.openBus(silentMessagingLogger);
    expect(bus).toBeInstanceOf(InProcessEventBus);
    expect(setup.openCheckpoints()).toBeInstanceOf(InMemoryCheckpointStore);
    await bus.close();
  });

  it('uses Kafka when KAFKA_BROKERS is set, with the namespace from KAFKA_NAMESPACE', async () => {
    const setup = resolveMessagingSetup({ service: 'analytics', dataDir: '/tmp/x', env: { KAFKA_BROKERS: '127.0.0.1:19092', KAFKA_NAMESPACE: 'e2e' } });
    expect(setup).toMatchObject({ transport: 'kafka', publishes: 'analytics', relayName: 'analytics->kafka' });
    const bus = setup.openBus(silentMessagingLogger) as KafkaEventBus;
    expect(bus).toBeInstanceOf(KafkaEventBus);
    expect(bus.topicOf('governance')).toBe('e2e.governance.events');
    await bus.close();
  });

  it('relays another service’s events, or none', () => {
    expect(resolveMessagingSetup({ service: 'standalone', publishes: 'governance', dataDir: '.', env: {} })).toMatchObject({ publishes: 'governance', relayName: 'governance->in-process' });
    expect(resolveMessagingSetup({ service: 'analytics', publishes: false, dataDir: '.', env: {} })).toMatchObject({ publishes: undefined, relayName: undefined });
  });

  it('refuses bad names and bad KAFKA_* values, naming the field', () => {
    expect(() => resolveMessagingSetup({ service: 'Bad Name', dataDir: '.', env: {} })).toThrow(expect.objectContaining({ code: 'MESSAGING.INVALID_ARGUMENT', field: 'service' }));
    expect(() => resolveMessagingSetup({ service: 'governance', dataDir: '.', env: { KAFKA_BROKERS: '127.0.0.1:19092', KAFKA_TOPIC_PARTITIONS: 'six' } })).toThrow(
      expect.objectContaining({ code: 'MESSAGING.INVALID_ARGUMENT', field: 'KAFKA_TOPIC_PARTITIONS' }),
    );
  });
});
