import { SpanKind, context } from '@opentelemetry/api';
import { commandDuration, secondsSince } from '../metrics/instruments';
import { hasActiveSpan, withSpanFromTraceparent } from './trace-context';

export interface CommandSpanInfo {
  /** The command's `type` (e.g. `CreateTeam`); low cardinality, used in the span name. */
  readonly commandType: string;
  readonly streamId: string;
  readonly tenantId: string;
  /** The traceparent the command arrived with; the parent when no span is active (e.g. a consumer without an SDK span). */
  readonly traceparent?: string;
}

/** What `fn` returns decides the outcome: `{ ok: false, rejection: { code } }` is a rejection, not an error. */
type MaybeRejected = { readonly ok?: unknown; readonly rejection?: { readonly code?: unknown } };

export const commandTypeOf = (command: unknown): string => {
  const type = (command as { type?: unknown } | null)?.type;
  return typeof type === 'string' && type.length > 0 && type.length <= 100 ? type : 'unknown';
};

/**
 * The command-handling span (`command CreateTeam`) and the command latency histogram.
 * `fn` gets the traceparent to stamp on the events it appends, so consumers continue this
 * trace. A rejection is a normal outcome (status unset, `leerzone.command.outcome=rejected`);
 * only a throw marks the span as failed.
 */
export async function withCommandSpan<T>(info: CommandSpanInfo, fn: (traceparent: string | undefined) => Promise<T>): Promise<T> {
  const start = performance.now();
  let outcome = 'failed';
  let rejection: string | undefined;
  try {
    return await withSpanFromTraceparent(
      hasActiveSpan(context.active()) ? undefined : info.traceparent,
      `command ${info.commandType}`,
      { kind: SpanKind.INTERNAL, attributes: { 'leerzone.command.type': info.commandType, 'leerzone.stream.id': info.streamId, 'leerzone.tenant.id': info.tenantId } },
      async (span, traceparent) => {
        const result = await fn(traceparent ?? info.traceparent);
        const maybe = result as MaybeRejected;
        if (maybe && typeof maybe === 'object' && maybe.ok === false) {
          outcome = 'rejected';
          rejection = typeof maybe.rejection?.code === 'string' ? maybe.rejection.code : undefined;
          if (rejection) span.setAttribute('leerzone.rejection.code', rejection);
        } else {
          outcome = 'accepted';
        }
        span.setAttribute('leerzone.command.outcome', outcome);
        return result;
      },
    );
  } finally {
    commandDuration.record(secondsSince(start), {
      'leerzone.command.type': info.commandType,
      'leerzone.command.outcome': outcome,
      ...(rejection ? { 'leerzone.rejection.code': rejection } : {}),
    });
  }
}
