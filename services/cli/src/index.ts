/**
 * The CLI's library surface, for suites that drive a stack the way the CLI does (the fault
 * suite in services/faults): the topology, the stack runner and the dead-letter reader.
 * The operator command itself is `dist/main.js`.
 */
export { DEPLOYED_SERVICES, deployedService, environmentFor, platformTopics, type DeployedService, type Infrastructure } from './deploy/topology';
export { consumerLag, health, planInstances, spawnInstance, stopProcess, tail, waitReady, type Health, type InstancePlan } from './stack/stack-runner';
export { isAlive, type StackProcess } from './stack/stack-state';
export { repositoryRoot, readEnvFile } from './stack/local-infrastructure';
export { listDeadLetters, type DeadLetterView } from './kafka/dead-letters';
export { readToEnd, type ReadMessage } from './kafka/kafka-access';
export { kafkaTarget, type KafkaTarget } from './kafka/kafka-access';
