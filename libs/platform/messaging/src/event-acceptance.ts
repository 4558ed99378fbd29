import type { StoredEvent } from '@leerzone/kernel';
import { RejectedMessageError, errorMessage } from './errors';
import type { BusSubscribeOptions } from './event-bus.port';

/**
 * What a subscriber is prepared to receive: its known types, the schema versions its
 * registry can upcast, and an optional data check. Returns the event as the handler sees
 * it (upcast) or throws `RejectedMessageError`, which dead-letters without retries.
 */
export type EventAcceptance = (event: StoredEvent) => StoredEvent;

export function eventAcceptance(options: Pick<BusSubscribeOptions, 'knownTypes' | 'schemas' | 'validate'>): EventAcceptance {
  const known = options.knownTypes ? new Set(options.knownTypes) : undefined;
  return (event) => {
    if (known && !known.has(event.type)) {
      throw new RejectedMessageError('MESSAGING.UNKNOWN_EVENT_TYPE', `This subscriber does not know events of type ${event.type}.`, 'type');
    }
    let accepted = event;
    if (options.schemas) {
      const current = options.schemas.currentVersion(event.type);
      if (event.schemaVersion > current) {
        throw new RejectedMessageError(
          'MESSAGING.UNSUPPORTED_SCHEMA_VERSION',
          `${event.type} has schema version ${event.schemaVersion}; this subscriber knows up to version ${current}.`,
          'schemaVersion',
        );
      }
      try {
        accepted = options.schemas.upcast(event);
      } catch (error) {
        throw new RejectedMessageError('MESSAGING.UNSUPPORTED_SCHEMA_VERSION', errorMessage(error), 'schemaVersion');
      }
    }
    if (options.validate) {
      try {
        options.validate(accepted);
      } catch (error) {
        throw new RejectedMessageError('MESSAGING.INVALID_EVENT', `${event.type} ${event.eventId} is invalid: ${errorMessage(error)}`, 'data');
      }
    }
    return accepted;
  };
}
