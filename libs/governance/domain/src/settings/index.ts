export * from './settings.events';
export * from './settings.decider';
