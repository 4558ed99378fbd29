import { eventBusContract } from './testing';
import { InProcessBroker, InProcessEventBus } from './in-process-event-bus';
import { eventTopic } from './topic-naming';
import { silentMessagingLogger } from './messaging-logger';

eventBusContract('in-process', async () => {
  const broker = new InProcessBroker({ partitions: 4 });
  return {
    open: async () => new InProcessEventBus({ broker, logger: silentMessagingLogger }),
    topicOf: (source) => eventTopic(source),
    dispose: async () => undefined,
  };
});
