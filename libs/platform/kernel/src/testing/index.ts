export * from './decider-specification';
export * from './event-store-contract';
export * from './in-memory-event-store';
export * from './event-catalogue';
