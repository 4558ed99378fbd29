export * from './postgres-event-store';
export { DEFAULT_SCHEMA } from './postgres-schema';
export * from './postgres-leases';
export * from './postgres-checkpoint-store';
