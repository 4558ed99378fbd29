import { SpanKind, context, isSpanContextValid, trace, type Context, type Span } from '@opentelemetry/api';
import type { StoredEvent } from '@leerzone/kernel';
import type { Delivery } from '@leerzone/messaging';
import { MESSAGING, contextFromTraceparent, formatTraceparent, leerzoneTracer, markSpanFailed } from '@leerzone/observability';

const SYSTEM = 'kafka';

/** The traceparent a span hands on; with tracing off, the parent's (a non-recording span copies it). */
const traceparentOf = (span: Span, fallback: string | undefined): string | undefined => {
  const spanContext = span.spanContext();
  return isSpanContextValid(spanContext) ? formatTraceparent(spanContext) : fallback;
};

const settle = (spans: readonly Span[], error?: unknown): void => {
  for (const span of spans) {
    if (error !== undefined) markSpanFailed(span, error);
    span.end();
  }
};

/**
 * One `send <topic>` PRODUCER span per event, each a child of the span in the event's
 * envelope (the command that appended it), ended when the broker acknowledged the batch.
 * `send` receives, per event, the traceparent to put in the plain `traceparent` header: the
 * producer span, so the consumer's span hangs below it. The envelope's own traceparent
 * stays in `ce_traceparent`, untouched: it is part of the event (and of its hash).
 */
export async function tracePublish<T>(topic: string, events: readonly StoredEvent[], keyOf: (event: StoredEvent) => string, send: (traceparents: readonly (string | undefined)[]) => Promise<T>): Promise<T> {
  const tracer = leerzoneTracer();
  const spans = events.map((event) =>
    tracer.startSpan(
      `send ${topic}`,
      {
        kind: SpanKind.PRODUCER,
        attributes: {
          [MESSAGING.system]: SYSTEM,
          [MESSAGING.destination]: topic,
          [MESSAGING.operationType]: 'send',
          [MESSAGING.operationName]: 'send',
          [MESSAGING.messageId]: event.eventId,
          [MESSAGING.kafkaKey]: keyOf(event),
        },
      },
      contextFromTraceparent(event.traceparent, context.active()),
    ),
  );
  try {
    const result = await send(spans.map((span, index) => traceparentOf(span, events[index]!.traceparent)));
    settle(spans);
    return result;
  } catch (error) {
    settle(spans, error);
    throw error;
  }
}

/**
 * Runs a batch handler inside one `process <topic>` CONSUMER span per delivery, each a child
 * of the message's `traceparent` header (the producer span; the envelope's traceparent when
 * the header is missing). Each delivery handed to the handler carries its span's
 * traceparent, so per-event work (a projection update) continues the right trace even in a
 * batch; a batch of one runs with its span active.
 */
export async function traceProcess(
  group: string,
  deliveries: readonly Delivery[],
  headerTraceparent: (delivery: Delivery) => string | undefined,
  handle: (deliveries: readonly Delivery[]) => Promise<void> | void,
): Promise<void> {
  const tracer = leerzoneTracer();
  const active = context.active();
  const contexts: Context[] = [];
  const spans = deliveries.map((delivery) => {
    const span = tracer.startSpan(
      `process ${delivery.position.topic}`,
      {
        kind: SpanKind.CONSUMER,
        attributes: {
          [MESSAGING.system]: SYSTEM,
          [MESSAGING.destination]: delivery.position.topic,
          [MESSAGING.consumerGroup]: group,
          [MESSAGING.operationType]: 'process',
          [MESSAGING.operationName]: 'process',
          [MESSAGING.messageId]: delivery.event.eventId,
          [MESSAGING.partition]: String(delivery.position.partition),
          [MESSAGING.kafkaOffset]: Number(delivery.position.offset),
        },
      },
      contextFromTraceparent(headerTraceparent(delivery) ?? delivery.event.traceparent, active),
    );
    contexts.push(trace.setSpan(active, span));
    return span;
  });
  const traced = deliveries.map((delivery, index) => {
    const traceparent = traceparentOf(spans[index]!, headerTraceparent(delivery) ?? delivery.event.traceparent);
    return traceparent === undefined ? delivery : { ...delivery, traceparent };
  });
  try {
    await context.with(traced.length === 1 ? contexts[0]! : active, () => handle(traced));
    settle(spans);
  } catch (error) {
    settle(spans, error);
    throw error;
  }
}
