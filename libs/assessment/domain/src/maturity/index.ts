export * from './maturity.model';
export * from './maturity.commands';
export * from './maturity.events';
export * from './maturity.state';
export * from './maturity.decider';
export * from './maturity.queries';
