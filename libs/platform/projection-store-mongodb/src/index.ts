export * from './mongo-projection-store';
export * from './mongo-test-database';
export * from './open-projection-store';
export * from './bson-instants';
export * from './read-model-directory';
