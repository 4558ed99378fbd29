export * from './projection';
export * from './projection.errors';
export * from './projection-catalog';
export * from './project-batch';
export * from './rebuild-projection';
export * from './projection-runner';
export * from './read-models';
export * from './read-model-checksum';
