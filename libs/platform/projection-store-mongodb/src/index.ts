export * from './mongo-projection-store';
export * from './mongo-test-database';
export * from './open-projection-store';
