import { belongsToFamily, LeerzoneError } from '../errors/leerzone-error';

export { InvalidArgumentError } from '../errors/leerzone-error';

/** Base class of every error an event store reports. `code` is stable across adapters. */
export class EventStoreError extends LeerzoneError {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return belongsToFamily(EventStoreError, this, 'EVENT_STORE.', value);
  }
}

export class ConcurrencyConflictError extends EventStoreError {
  constructor(
    readonly streamId: string,
    readonly expectedVersion: number,
    readonly actualVersion: number,
  ) {
    super(
      'EVENT_STORE.CONCURRENCY_CONFLICT',
      `Stream ${streamId} is at version ${actualVersion}, but version ${expectedVersion} was expected.`,
    );
  }
}

export class StreamNotFoundError extends EventStoreError {
  constructor(readonly streamId: string) {
    super('EVENT_STORE.STREAM_NOT_FOUND', `Stream ${streamId} does not exist.`, 'streamId');
  }
}

/** Some ids of a batch were stored before, but not as exactly this batch on this stream. */
export class DuplicateEventIdError extends EventStoreError {
  constructor(readonly eventId: string) {
    super(
      'EVENT_STORE.DUPLICATE_EVENT_ID',
      `Event ${eventId} was already appended as part of a different batch or stream.`,
      'events',
    );
  }
}

export class EventStoreClosedError extends EventStoreError {
  constructor() {
    super('EVENT_STORE.CLOSED', 'The event store has been closed.');
  }
}
