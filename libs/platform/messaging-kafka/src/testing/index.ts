export * from './tcp-proxy';
export * from './child-process';
export * from './kafka-test-bus';
