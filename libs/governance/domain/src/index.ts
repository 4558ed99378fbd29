export * from './shared/validation';
export * from './shared/money';
export * from './shared/calendar';
export * from './shared/boundary.model';
export * from './shared/delegation.model';
export * from './team';
