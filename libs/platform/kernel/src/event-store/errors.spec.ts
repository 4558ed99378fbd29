import { ConcurrencyConflictError, DuplicateEventIdError, EventStoreClosedError, EventStoreError, StreamNotFoundError } from './errors';

// Callers (the command handler, the HTTP layer, every adapter's contract suite) branch on these
// codes and fields; the messages are for people, so they are only required to say something.
describe('event-store errors', () => {
  it('report a concurrency conflict with the stream and both versions', () => {
    const error = new ConcurrencyConflictError('team-1', 2, 3);
    expect(error).toMatchObject({ code: 'EVENT_STORE.CONCURRENCY_CONFLICT', streamId: 'team-1', expectedVersion: 2, actualVersion: 3, name: 'ConcurrencyConflictError' });
    expect(error.message).toMatch(/\S/);
  });

  it('report a missing stream on the streamId field', () => {
    const error = new StreamNotFoundError('team-1');
    expect(error).toMatchObject({ code: 'EVENT_STORE.STREAM_NOT_FOUND', field: 'streamId', streamId: 'team-1' });
    expect(error.message).toMatch(/\S/);
  });

  it('report an event id stored before in another batch on the events field', () => {
    const error = new DuplicateEventIdError('e-1');
    expect(error).toMatchObject({ code: 'EVENT_STORE.DUPLICATE_EVENT_ID', field: 'events', eventId: 'e-1' });
    expect(error.message).toMatch(/\S/);
  });

  it('report a closed store', () => {
    const error = new EventStoreClosedError();
    expect(error).toMatchObject({ code: 'EVENT_STORE.CLOSED' });
    expect(error.message).toMatch(/\S/);
  });

  it('all belong to the event-store family', () => {
    for (const error of [new ConcurrencyConflictError('s', 0, 1), new StreamNotFoundError('s'), new DuplicateEventIdError('e'), new EventStoreClosedError()]) {
      expect(error).toBeInstanceOf(EventStoreError);
      expect(error).toBeInstanceOf(Error);
    }
  });
});
