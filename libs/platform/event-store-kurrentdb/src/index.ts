export * from './kurrentdb-event-store';
export { DEFAULT_NAMESPACE, normaliseConnectionString } from './kurrentdb-mapping';
