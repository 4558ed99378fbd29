import type { StoredEvent } from '@leerzone/kernel';
import { InvalidMessagingArgumentError } from './errors';

// Service names become parts of topic names, so they keep to what every Kafka tool accepts.
const SERVICE_NAME = /^[a-z][a-z0-9-]{0,48}$/;
const NAMESPACE = /^[a-z][a-z0-9-]{0,48}$/;
const GROUP = /^[A-Za-z0-9][A-Za-z0-9._-]{0,199}$/;

export const DEFAULT_NAMESPACE = 'leerzone';

export function assertServiceName(field: string, name: unknown): asserts name is string {
  if (typeof name !== 'string' || !SERVICE_NAME.test(name)) {
    throw new InvalidMessagingArgumentError(field, `A service name is 1-49 lower-case letters, digits and dashes, starting with a letter; got ${JSON.stringify(name)}.`);
  }
}

export function assertNamespace(namespace: unknown): asserts namespace is string {
  if (typeof namespace !== 'string' || !NAMESPACE.test(namespace)) {
    throw new InvalidMessagingArgumentError('namespace', `A namespace is 1-49 lower-case letters, digits and dashes, starting with a letter; got ${JSON.stringify(namespace)}.`);
  }
}

export function assertGroup(group: unknown): asserts group is string {
  if (typeof group !== 'string' || !GROUP.test(group)) {
    throw new InvalidMessagingArgumentError('group', `A consumer group is 1-200 letters, digits and . _ -, starting with a letter or digit; got ${JSON.stringify(group)}.`);
  }
}

export function assertSources(sources: unknown): asserts sources is readonly string[] {
  if (!Array.isArray(sources) || sources.length === 0) {
    throw new InvalidMessagingArgumentError('sources', 'Subscribe to at least one source service.');
  }
  sources.forEach((source, index) => assertServiceName(`sources[${index}]`, source));
  if (new Set(sources).size !== sources.length) throw new InvalidMessagingArgumentError('sources', 'A source appears twice.');
}

/** The public event topic of a service: `leerzone.governance.events`. */
export const eventTopic = (service: string, namespace = DEFAULT_NAMESPACE): string => `${namespace}.${service}.events`;

/** Where the consumers of `topic` put the messages they gave up on. */
export const deadLetterTopic = (topic: string): string => `${topic}.dlq`;

/** The service whose event topic this is, or undefined for a topic of another shape. */
export function serviceOfTopic(topic: string, namespace = DEFAULT_NAMESPACE): string | undefined {
  const prefix = `${namespace}.`;
  const base = topic.endsWith('.dlq') ? topic.slice(0, -4) : topic;
  if (!base.startsWith(prefix) || !base.endsWith('.events')) return undefined;
  const service = base.slice(prefix.length, -'.events'.length);
  return SERVICE_NAME.test(service) ? service : undefined;
}

/**
 * Tenant + stream: every event of one aggregate lands on one partition, so it keeps its
 * order; different aggregates spread over the partitions.
 */
export const partitionKey = (event: Pick<StoredEvent, 'tenantId' | 'streamId'>): string => `${event.tenantId}/${event.streamId}`;
