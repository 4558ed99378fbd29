export * from './event-fixtures';
export * from './event-bus-contract';
