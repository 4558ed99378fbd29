export * from './service-test-app';
export * from './child-service';
export * from './problems';
export * from './service-stack';
export * from './team-fixtures';
