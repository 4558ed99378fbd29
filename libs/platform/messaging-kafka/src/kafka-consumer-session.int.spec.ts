import type { Delivery } from '@leerzone/messaging';
import { StoredEventFactory } from '@leerzone/messaging/testing';
import { describeWithServer } from '@leerzone/test-servers';
import { KafkaEventBus } from './kafka-event-bus';
import { deleteNamespaceTopics, testBusOptions, uniqueNamespace } from './testing';

const SESSION_TIMEOUT_MS = 6_000; // the broker's smallest (group.min.session.timeout.ms)

describeWithServer('kafka', 'Kafka consumer membership during a long run', (url) => {
  let bus: KafkaEventBus;
  let namespace: string;

  beforeAll(async () => {
    namespace = uniqueNamespace('session');
    bus = new KafkaEventBus(testBusOptions(await url(), namespace, { consumer: { sessionTimeoutMs: SESSION_TIMEOUT_MS, heartbeatIntervalMs: 500, maxWaitTimeMs: 100 } }));
  });
  afterAll(async () => {
    await bus?.close();
    if (namespace) await deleteNamespaceTopics(await url(), namespace);
  });

  const lag = async (group: string) => (await bus.consumerLag(group, ['okr'])).reduce((sum, p) => sum + p.lag, 0);

  // The fault suite's broker restarts left a backlog that a loaded machine took longer than
  // the session to project: the member was evicted mid-run, its commit refused, and the run
  // redelivered — every time — so the group never committed although its read model was whole.
  it('keeps its partitions while a run takes longer than the session timeout: the run is committed once, never redelivered', async () => {
    const events = new StoredEventFactory().interleaved(['objective-1'], 20);
    await bus.publish('okr', events);

    const handled: Delivery[] = [];
    let calls = 0;
    const subscription = await bus.subscribe({
      group: 'slow.projector',
      sources: ['okr'],
      handle: async (deliveries) => {
        // The injected fault: the first run is handled for 1.5 sessions without returning.
        if (calls++ === 0) await new Promise((resolve) => setTimeout(resolve, SESSION_TIMEOUT_MS * 1.5));
        handled.push(...deliveries);
      },
    });
    try {
      const deadline = Date.now() + 60_000;
      while ((handled.length < events.length || (await lag('slow.projector')) > 0) && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await lag('slow.projector')).toBe(0);
      expect(handled.map((d) => d.event.eventId)).toEqual(events.map((e) => e.eventId));
      expect(calls).toBe(1);
    } finally {
      await subscription.stop();
    }
  });
});
