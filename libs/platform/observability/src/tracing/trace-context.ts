import {
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  TraceFlags,
  context,
  isSpanContextValid,
  trace,
  type Attributes,
  type Context,
  type Link,
  type Span,
  type SpanContext,
} from '@opentelemetry/api';

export const INSTRUMENTATION_SCOPE = '@leerzone/observability';

/** The tracer every Leerzone span comes from; a no-op until `startObservability` registers an SDK. */
export const leerzoneTracer = () => trace.getTracer(INSTRUMENTATION_SCOPE);

// W3C Trace Context, version 00: all-zero trace or span ids are invalid.
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})$/;
const ZERO_TRACE = '0'.repeat(32);
const ZERO_SPAN = '0'.repeat(16);

/** The span context a `traceparent` names, or undefined when it is absent or malformed. */
export function parseTraceparent(traceparent: string | undefined | null): SpanContext | undefined {
  if (typeof traceparent !== 'string') return undefined;
  const match = TRACEPARENT.exec(traceparent.trim());
  if (!match || match[1] === ZERO_TRACE || match[2] === ZERO_SPAN) return undefined;
  return { traceId: match[1]!, spanId: match[2]!, traceFlags: parseInt(match[3]!, 16) & TraceFlags.SAMPLED, isRemote: true };
}

export function formatTraceparent(spanContext: SpanContext): string {
  return `00-${spanContext.traceId}-${spanContext.spanId}-${spanContext.traceFlags & TraceFlags.SAMPLED ? '01' : '00'}`;
}

/** A context whose parent is the span a `traceparent` names; `base` when there is none. */
export function contextFromTraceparent(traceparent: string | undefined | null, base: Context = ROOT_CONTEXT): Context {
  const spanContext = parseTraceparent(traceparent);
  return spanContext ? trace.setSpanContext(base, spanContext) : base;
}

/** The `traceparent` of the active span: put it in an event envelope or a message header. */
export function currentTraceparent(active: Context = context.active()): string | undefined {
  const spanContext = trace.getSpanContext(active);
  return spanContext && isSpanContextValid(spanContext) ? formatTraceparent(spanContext) : undefined;
}

/** True when a span (local or remote) is active: new spans then join its trace. */
export const hasActiveSpan = (active: Context = context.active()): boolean => {
  const spanContext = trace.getSpanContext(active);
  return spanContext !== undefined && isSpanContextValid(spanContext);
};

export interface LeerzoneSpanOptions {
  readonly kind?: SpanKind;
  readonly attributes?: Attributes;
  readonly links?: Link[];
}

/**
 * Runs `fn` inside a new active span. The span ends when `fn` settles; a throw marks it
 * as an error (with `error.type`) and is rethrown.
 *
 * `fn` receives the traceparent to hand on (envelope, Kafka header). With tracing off the
 * API's span is a non-recording copy of its parent, so the caller's traceparent passes
 * through unchanged and a trace started upstream is not broken by a process without an SDK.
 */
export async function withSpan<T>(
  name: string,
  options: LeerzoneSpanOptions,
  fn: (span: Span, traceparent: string | undefined) => Promise<T> | T,
  parent: Context = context.active(),
): Promise<T> {
  const span = leerzoneTracer().startSpan(name, { kind: options.kind ?? SpanKind.INTERNAL, ...(options.attributes ? { attributes: options.attributes } : {}), ...(options.links ? { links: options.links } : {}) }, parent);
  const spanContext = span.spanContext();
  const traceparent = isSpanContextValid(spanContext) ? formatTraceparent(spanContext) : undefined;
  try {
    return await context.with(trace.setSpan(parent, span), () => fn(span, traceparent));
  } catch (error) {
    markSpanFailed(span, error);
    throw error;
  } finally {
    span.end();
  }
}

/**
 * Continues the trace a `traceparent` names (from an event envelope or a message header):
 * the span is a child of that remote span. Without a traceparent it is a child of the
 * active span, or a new trace. This is what a relay, a consumer or a projection calls
 * per event.
 */
export function withSpanFromTraceparent<T>(
  traceparent: string | undefined | null,
  name: string,
  options: LeerzoneSpanOptions,
  fn: (span: Span, traceparent: string | undefined) => Promise<T> | T,
): Promise<T> {
  return withSpan(name, options, fn, contextFromTraceparent(traceparent, context.active()));
}

export function markSpanFailed(span: Span, error: unknown): void {
  const code = (error as { code?: unknown } | null)?.code;
  const type = typeof code === 'string' ? code : error instanceof Error ? error.name : typeof error;
  span.setAttribute('error.type', type);
  // Only the error's class and code: a message may quote the payload (personal data).
  span.setStatus({ code: SpanStatusCode.ERROR, message: type });
}

type HeaderValue = string | Buffer | Uint8Array | readonly (string | Buffer | Uint8Array)[] | undefined | null;

const headerText = (value: HeaderValue): string | undefined => {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.length > 0 ? headerText(value[0] as HeaderValue) : undefined;
  if (typeof value === 'string') return value;
  return Buffer.from(value as Uint8Array).toString('utf8');
};

/**
 * The traceparent in HTTP or Kafka headers (kafkajs gives Buffers). The CloudEvents Kafka
 * binding carries it as `traceparent`; `ce_traceparent` (the distributed-tracing extension
 * in binary mode) is accepted too. Malformed values count as absent.
 */
export function traceparentFromHeaders(headers: Readonly<Record<string, HeaderValue>> | undefined): string | undefined {
  if (!headers) return undefined;
  for (const name of ['traceparent', 'ce_traceparent']) {
    const value = headerText(headers[name]);
    if (value !== undefined && parseTraceparent(value)) return value.trim();
  }
  return undefined;
}

/** Writes `traceparent` (and `tracestate`) of the active span, or `fallback`, into a header map. */
export function injectTraceHeaders<H extends Record<string, string | Buffer>>(headers: H, fallback?: string): H {
  const spanContext = trace.getSpanContext(context.active());
  const traceparent = spanContext && isSpanContextValid(spanContext) ? formatTraceparent(spanContext) : parseTraceparent(fallback) ? fallback : undefined;
  if (traceparent) (headers as Record<string, string | Buffer>)['traceparent'] = traceparent;
  const traceState = spanContext?.traceState?.serialize();
  if (traceState) (headers as Record<string, string | Buffer>)['tracestate'] = traceState;
  return headers;
}
