import { SpanKind, context, trace } from '@opentelemetry/api';
import { contextFromTraceparent, leerzoneTracer, markSpanFailed } from '@leerzone/observability';
import type { ApplyInstrument } from '@leerzone/projections';

// BusProjection has no Nest in it and lives in @leerzone/projections; re-exported here,
// where its users have always imported it. The tracing stays here: projections is an
// application library and may not depend on observability (infrastructure).
export { BusProjection, type ApplyInstrument, type BusProjectionOptions } from '@leerzone/projections';

/**
 * Runs each handled event inside `project <name>`, a child of its delivery's `process` span
 * (or of the envelope's trace): synchronous like the handler it wraps, so a throw still
 * reaches the batch writer. The span covers the handler; the batch's bulk write follows.
 */
export const tracedApply: ApplyInstrument = (projection, event, traceparent, apply) => {
  const parent = contextFromTraceparent(traceparent, context.active());
  const span = leerzoneTracer().startSpan(
    `project ${projection}`,
    {
      kind: SpanKind.INTERNAL,
      attributes: {
        'leerzone.projection.name': projection,
        'leerzone.event.id': event.eventId,
        'leerzone.event.type': event.type,
        'leerzone.stream.id': event.streamId,
        'leerzone.event.global_position': event.globalPosition,
      },
    },
    parent,
  );
  try {
    context.with(trace.setSpan(parent, span), apply);
  } catch (error) {
    markSpanFailed(span, error);
    throw error;
  } finally {
    span.end();
  }
};
