export * from './settings.commands';
export * from './settings.events';
export * from './settings.state';
export * from './settings.decider';
