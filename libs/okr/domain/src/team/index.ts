export * from './team.model';
export * from './team.commands';
export * from './team.events';
export * from './team.state';
export * from './team.decider';
export * from './team.queries';
