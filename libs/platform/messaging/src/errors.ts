import { LeerzoneError } from '@leerzone/kernel';
/** Base class of every error the messaging library reports. `code` is stable across adapters. */
export class MessagingError extends LeerzoneError {}

export class InvalidMessagingArgumentError extends MessagingError {
  constructor(field: string, message: string) {
    super('MESSAGING.INVALID_ARGUMENT', message, field);
  }
}

export class MessagingClosedError extends MessagingError {
  constructor() {
    super('MESSAGING.CLOSED', 'The event bus has been closed.');
  }
}

/**
 * Why a message was refused before any handler ran. These are never retried: the same
 * bytes fail the same way, so they go straight to the dead-letter topic.
 */
export type RejectionCode =
  | 'MESSAGING.MALFORMED_MESSAGE'
  | 'MESSAGING.UNKNOWN_EVENT_TYPE'
  | 'MESSAGING.UNSUPPORTED_SCHEMA_VERSION'
  | 'MESSAGING.INVALID_EVENT';

export class RejectedMessageError extends MessagingError {
  constructor(code: RejectionCode, message: string, field?: string) {
    super(code, message, field);
  }
}

/** The code a dead letter carries when the handler kept failing. */
export const HANDLER_FAILED = 'MESSAGING.HANDLER_FAILED';

export const errorCode = (error: unknown): string => (error instanceof MessagingError ? error.code : HANDLER_FAILED);

export const errorMessage = (error: unknown): string => (error instanceof Error ? error.message : String(error));
