export * from './organisation.commands';
export * from './organisation.events';
export * from './organisation.state';
export * from './organisation.decider';
export * from './organisation.queries';
