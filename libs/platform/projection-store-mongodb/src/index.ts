export * from './mongo-projection-store';
export * from './mongo-test-database';
