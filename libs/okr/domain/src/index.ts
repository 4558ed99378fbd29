export * from './shared';
export * from './cycle';
export * from './objective';
export * from './team';
export * from './signals';
