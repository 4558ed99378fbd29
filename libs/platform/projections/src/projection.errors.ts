import { LeerzoneError } from '@leerzone/kernel';
/** Errors of the projection runner and the read-model side. `code` is stable. */
export class ProjectionError extends LeerzoneError {}

/** A handler threw: the batch was not written, the checkpoint did not move. */
export class ProjectionHandlerError extends ProjectionError {
  constructor(
    readonly projection: string,
    readonly globalPosition: number,
    readonly eventType: string,
    override readonly cause: unknown,
  ) {
    super(
      'PROJECTION.HANDLER_FAILED',
      `Projection ${projection} failed on event ${globalPosition} (${eventType}): ${cause instanceof Error ? cause.message : String(cause)}`,
    );
  }
}
