export * from './historical-event';
export * from './time-travel.queries';
export * from './history.queries';
