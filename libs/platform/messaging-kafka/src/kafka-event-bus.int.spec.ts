import { eventBusContract } from '@leerzone/messaging/testing';
import { describeWithServer } from '@leerzone/test-servers';
import { KafkaEventBus } from './kafka-event-bus';
import { deleteNamespaceTopics, testBusOptions, uniqueNamespace } from './testing';

describeWithServer('kafka', 'Kafka event bus', (url) => {
  eventBusContract('kafka', async () => {
    const brokers = await url();
    const namespace = uniqueNamespace();
    return {
      open: async () => new KafkaEventBus(testBusOptions(brokers, namespace)),
      topicOf: (source) => `${namespace}.${source}.events`,
      dispose: () => deleteNamespaceTopics(brokers, namespace),
    };
  });
});
