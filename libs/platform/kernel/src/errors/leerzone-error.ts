/**
 * Base class of every error the platform libraries report. `code` is stable and dotted
 * (`EVENT_STORE.CONCURRENCY_CONFLICT`); `field` names the offending input where one is at
 * fault; `details` carries what a caller may need beyond the message.
 */
export class LeerzoneError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly field?: string,
    readonly details?: Readonly<Record<string, unknown>>,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/**
 * An argument a caller passed is not acceptable. One class for every library: the code
 * names the library that refused it (`EVENT_STORE.INVALID_ARGUMENT` — the kernel's own
 * port, hence the default — `PROJECTION_STORE.INVALID_ARGUMENT`, …), and that library's
 * error family answers `instanceof` for it (see `belongsToFamily`).
 */
export class InvalidArgumentError extends LeerzoneError {
  constructor(field: string, message: string, code: `${string}.INVALID_ARGUMENT` = 'EVENT_STORE.INVALID_ARGUMENT') {
    super(code, message, field);
  }
}

/**
 * `instanceof` for an error family base class (`EventStoreError`, `ProjectionStoreError`):
 * its own subclasses, and the shared `InvalidArgumentError` when its code carries the
 * family's prefix — so `error instanceof ProjectionStoreError` holds for a projection
 * store's invalid argument, as it did when each library had its own copy of the class.
 * Subclasses of the family keep the ordinary prototype check.
 */
export function belongsToFamily(family: abstract new (...args: never[]) => LeerzoneError, klass: unknown, prefix: string, value: unknown): boolean {
  if (Function.prototype[Symbol.hasInstance].call(klass, value)) return true;
  return klass === family && value instanceof InvalidArgumentError && value.code.startsWith(prefix);
}
