import type { Type } from '@nestjs/common';
import type { StoredEvent } from '@leerzone/kernel';

/**
 * What a Leerzone service is, in one value: its name (and so its topic,
 * `leerzone.<name>.events`), the stream prefixes its aggregates write, its Nest module, and
 * how it presents itself. The process module, the start function, standalone and the test
 * kit are all built from it.
 */
export interface ServiceDefinition {
  /** `governance`, `okr`, …: the Kafka client id, the topic and the default data dir. */
  readonly name: string;
  /** Stream-id prefixes of the aggregates this service writes (`team-`, `okr-`): its events in a shared store. */
  readonly streamPrefixes: readonly string[];
  /** The service's HTTP surface and read models; needs the PlatformModule and MessagingModule of the host. */
  readonly module: Type<unknown>;
  /** Its port when it runs as its own process (governance 3001, analytics 3002, …). */
  readonly defaultPort: number;
  readonly title: string;
  readonly description: string;
  /** Events that stay inside the service (confidential ones): stored and audited, never published. */
  readonly isPrivate?: (event: StoredEvent) => boolean;
}

/** True for an event of one of the service's streams that it may publish. */
export const publishedBy =
  (service: Pick<ServiceDefinition, 'streamPrefixes' | 'isPrivate'>) =>
  (event: StoredEvent): boolean =>
    service.streamPrefixes.some((prefix) => event.streamId.startsWith(prefix)) && !(service.isPrivate?.(event) ?? false);
