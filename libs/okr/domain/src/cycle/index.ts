export * from './cycle.model';
export * from './cycle.commands';
export * from './cycle.events';
export * from './cycle.state';
export * from './cycle.decider';
export * from './cycle.queries';
export { MAX_RETROSPECTIVE_ANSWER_LENGTH, RETROSPECTIVE_ANSWERS } from './retrospective.rules';
