export * from './postgres-event-store';
export { DEFAULT_SCHEMA } from './postgres-schema';
