export * from './rollout-plan.commands';
export * from './rollout-plan.events';
export * from './rollout-plan.state';
export * from './rollout-plan.decider';
export * from './rollout-plan.queries';
