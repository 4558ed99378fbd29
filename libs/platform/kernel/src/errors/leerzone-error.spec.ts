import { ConcurrencyConflictError, EventStoreError, StreamNotFoundError } from '../event-store/errors';
import { InvalidArgumentError, LeerzoneError } from './leerzone-error';

describe('LeerzoneError', () => {
  it('carries a stable code, the offending field and details, and is named after its class', () => {
    const error = new LeerzoneError('X.FAILED', 'It failed.', 'name', { limit: 3 });
    expect(error).toBeInstanceOf(Error);
    expect(error).toMatchObject({ code: 'X.FAILED', message: 'It failed.', field: 'name', details: { limit: 3 }, name: 'LeerzoneError' });
    expect(new StreamNotFoundError('s').name).toBe('StreamNotFoundError');
  });

  it('has one InvalidArgumentError whose code names the library that refused the argument', () => {
    expect(new InvalidArgumentError('limit', 'Too many.')).toMatchObject({ code: 'EVENT_STORE.INVALID_ARGUMENT', field: 'limit' });
    expect(new InvalidArgumentError('limit', 'Too many.', 'PROJECTION_STORE.INVALID_ARGUMENT').code).toBe('PROJECTION_STORE.INVALID_ARGUMENT');
  });

  it('counts an invalid argument with its prefix as a member of the family, and keeps subclass checks exact', () => {
    expect(new InvalidArgumentError('limit', 'Too many.')).toBeInstanceOf(EventStoreError);
    expect(new InvalidArgumentError('limit', 'Too many.', 'PROJECTION_STORE.INVALID_ARGUMENT')).not.toBeInstanceOf(EventStoreError);
    expect(new StreamNotFoundError('s')).toBeInstanceOf(EventStoreError);
    expect(new StreamNotFoundError('s')).not.toBeInstanceOf(ConcurrencyConflictError);
    expect(new InvalidArgumentError('limit', 'Too many.')).not.toBeInstanceOf(ConcurrencyConflictError);
    expect(new LeerzoneError('EVENT_STORE.OTHER', 'x')).not.toBeInstanceOf(EventStoreError);
  });
});
