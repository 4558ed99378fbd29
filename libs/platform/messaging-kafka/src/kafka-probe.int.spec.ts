import { describeWithServer } from '@leerzone/test-servers';
import { KafkaEventBus } from './kafka-event-bus';
import { TcpProxy, testBusOptions, uniqueNamespace } from './testing';

// The broker probe behind /health/ready: this bus reaches the real broker only through a
// proxy the test cuts, so the shared broker stays up for everyone else.
describeWithServer('kafka', 'Kafka broker probe', (url) => {
  let proxy: TcpProxy;
  let bus: KafkaEventBus;

  beforeAll(async () => {
    const brokers = await url();
    proxy = await TcpProxy.forBroker(brokers.split(',')[0]!).start();
    bus = new KafkaEventBus(testBusOptions(brokers, uniqueNamespace('probe'), { kafka: { socketFactory: proxy.socketFactory() } }));
  });
  afterAll(async () => {
    await proxy?.restore();
    await bus?.close();
    await proxy?.close();
  });

  const fresh = () => bus.probe(1_500, 0);

  it('reaches the broker, loses it while it is cut, and reaches it again once it is back', async () => {
    expect(await fresh()).toMatchObject({ reachable: true });
    await proxy.cut();
    const down = await fresh();
    expect(down.reachable).toBe(false);
    expect(down.error).toBeTruthy();
    await proxy.restore();
    expect(await fresh()).toMatchObject({ reachable: true });
  });

  it('answers from its last probe within the cache window, and runs one probe at a time', async () => {
    const first = await bus.probe(1_500, 60_000);
    await proxy.cut();
    try {
      expect(await bus.probe(1_500, 60_000)).toBe(first);
      const [a, b] = await Promise.all([fresh(), fresh()]);
      expect(a).toBe(b);
      expect(a.reachable).toBe(false);
    } finally {
      await proxy.restore();
    }
  });
});
