export * from './shared/validation';
export * from './team';
