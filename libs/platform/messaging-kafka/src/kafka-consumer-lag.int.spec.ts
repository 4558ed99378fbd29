import { StoredEventFactory } from '@leerzone/messaging/testing';
import { describeWithServer } from '@leerzone/test-servers';
import { KafkaEventBus } from './kafka-event-bus';
import { deleteNamespaceTopics, testBusOptions, uniqueNamespace } from './testing';

describeWithServer('kafka', 'Kafka consumer lag', (url) => {
  let bus: KafkaEventBus;
  let namespace: string;

  beforeAll(async () => {
    namespace = uniqueNamespace('lag');
    bus = new KafkaEventBus(testBusOptions(await url(), namespace));
  });
  afterAll(async () => {
    await bus?.close();
    if (namespace) await deleteNamespaceTopics(await url(), namespace);
  });

  const total = async (group: string) => (await bus.consumerLag(group, ['governance'])).reduce((sum, p) => sum + p.lag, 0);

  it('counts what a group has not committed past, per partition: everything before it ever ran, nothing once it caught up, the new tail after', async () => {
    const events = new StoredEventFactory().interleaved(['team-a', 'team-b', 'team-c', 'team-d'], 3);
    await bus.publish('governance', events);
    const lags = await bus.consumerLag('lag.reader', ['governance']);
    expect(lags.map((p) => p.topic)).toEqual(lags.map(() => `${namespace}.governance.events`));
    expect(new Set(lags.map((p) => p.partition)).size).toBe(4);
    expect(await total('lag.reader')).toBe(12);

    let handled = 0;
    const subscription = await bus.subscribe({ group: 'lag.reader', sources: ['governance'], handle: (deliveries) => void (handled += deliveries.length) });
    const deadline = Date.now() + 30_000;
    while ((handled < 12 || (await total('lag.reader')) > 0) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await total('lag.reader')).toBe(0);
    await subscription.stop();

    await bus.publish('governance', new StoredEventFactory().interleaved(['team-e'], 3));
    expect(await total('lag.reader')).toBe(3);
  });

  it('refuses a bad group or source naming the field', async () => {
    await expect(bus.consumerLag('', ['governance'])).rejects.toMatchObject({ code: 'MESSAGING.INVALID_ARGUMENT', field: 'group' });
    await expect(bus.consumerLag('g', ['Not A Service'])).rejects.toMatchObject({ code: 'MESSAGING.INVALID_ARGUMENT', field: 'sources[0]' });
  });
});
