export * from './round.model';
export * from './answer-sheet';
export * from './round.commands';
export * from './round.events';
export * from './round.state';
export * from './round.decider';
export * from './round.queries';
