export * from './service-test-app';
export * from './child-service';
export * from './problems';
