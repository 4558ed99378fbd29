export * from './event-store-url';
export * from './open-event-store';
export * from './migration/migrate-events';
export * from './migration/store-digest';
export * from './migration/verify-stores';
