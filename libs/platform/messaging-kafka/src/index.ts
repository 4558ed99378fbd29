export * from './cloud-events-binding';
export * from './kafka-options';
export * from './kafka-topic-admin';
export * from './kafka-consumer-member';
export * from './kafka-event-bus';
