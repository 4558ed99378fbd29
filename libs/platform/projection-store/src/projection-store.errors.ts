import { belongsToFamily, InvalidArgumentError, LeerzoneError } from '@leerzone/kernel';
import type { BulkWriteResult } from './projection-store.port';

/** The kernel's one `InvalidArgumentError`, re-exported where its callers have always imported it. */
export { InvalidArgumentError } from '@leerzone/kernel';

/** Base class of every error a projection store reports. `code` is stable across adapters. */
export class ProjectionStoreError extends LeerzoneError {
  static override [Symbol.hasInstance](value: unknown): boolean {
    return belongsToFamily(ProjectionStoreError, this, 'PROJECTION_STORE.', value);
  }
}

/** A projection store refused an argument (`PROJECTION_STORE.INVALID_ARGUMENT` on `field`). */
export const invalidArgument = (field: string, message: string): InvalidArgumentError =>
  new InvalidArgumentError(field, message, 'PROJECTION_STORE.INVALID_ARGUMENT');

/** An insert or upsert collided with an existing `_id` or a unique index key. */
export class DuplicateKeyError extends ProjectionStoreError {
  constructor(
    readonly collection: string,
    /** The index that rejected the write, e.g. `_id_` or `tenantId_1_name_1`, when the server says. */
    readonly index: string | undefined,
    message: string,
  ) {
    super('PROJECTION_STORE.DUPLICATE_KEY', message, index);
  }
}

/**
 * The ordered bulk write stopped at the failing operation: everything before it was
 * applied, nothing after it ran. `index` names that operation when the server reports it
 * reliably; FerretDB 1.24 does not for update commands, so there it is undefined (and
 * `result` counts only what is known).
 */
export class BulkWriteError extends ProjectionStoreError {
  constructor(
    readonly index: number | undefined,
    override readonly cause: ProjectionStoreError,
    readonly result: BulkWriteResult,
  ) {
    super('PROJECTION_STORE.BULK_WRITE_FAILED', `Operation ${index ?? '(unknown)'} of the bulk write failed: ${cause.message}`, cause.field);
  }
}

export class ProjectionStoreClosedError extends ProjectionStoreError {
  constructor() {
    super('PROJECTION_STORE.CLOSED', 'The projection store has been closed.');
  }
}

/** A query built from user input asked for something it may not: an unknown field, an operator, a wrong type. */
export class InvalidQueryError extends LeerzoneError {
  declare readonly field: string;
  constructor(field: string, message: string) {
    super('PROJECTION.INVALID_QUERY', message, field);
  }
}
