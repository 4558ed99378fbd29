import { SpanKind } from '@opentelemetry/api';
import type { StoredEvent } from '@leerzone/kernel';
import type { Span } from '@opentelemetry/api';
import { hasActiveSpan, withSpan, withSpanFromTraceparent, type LeerzoneSpanOptions } from './trace-context';

// Messaging semantic conventions are still "development" upstream; the names are copied
// here (as the semantic-conventions package recommends) so an upstream rename cannot
// silently change what we emit.
export const MESSAGING = {
  system: 'messaging.system',
  destination: 'messaging.destination.name',
  partition: 'messaging.destination.partition.id',
  consumerGroup: 'messaging.consumer.group.name',
  operationType: 'messaging.operation.type',
  operationName: 'messaging.operation.name',
  messageId: 'messaging.message.id',
  batchCount: 'messaging.batch.message_count',
  kafkaKey: 'messaging.kafka.message.key',
  kafkaOffset: 'messaging.kafka.offset',
} as const;

export interface PublishSpanInfo {
  /** `kafka`, or `leerzone_in_process` for the in-process bus. */
  readonly system: string;
  readonly destination: string;
  readonly messageId: string;
  readonly key?: string;
}

export interface ProcessSpanInfo extends PublishSpanInfo {
  readonly consumerGroup: string;
  readonly partition?: number | string;
  readonly offset?: number | string;
}

type SpanFn<T> = (span: Span, traceparent: string | undefined) => Promise<T> | T;

/**
 * The relay's span for one event: `send leerzone.governance.events`, a PRODUCER child of
 * the span in the event's envelope. Put the `traceparent` it passes to `fn` into the
 * message headers (with tracing off it is the envelope's own traceparent, unchanged).
 */
export function withPublishSpan<T>(info: PublishSpanInfo, envelopeTraceparent: string | undefined, fn: SpanFn<T>): Promise<T> {
  return withSpanFromTraceparent(envelopeTraceparent, `send ${info.destination}`, {
    kind: SpanKind.PRODUCER,
    attributes: {
      [MESSAGING.system]: info.system,
      [MESSAGING.destination]: info.destination,
      [MESSAGING.operationType]: 'send',
      [MESSAGING.operationName]: 'send',
      [MESSAGING.messageId]: info.messageId,
      ...(info.key !== undefined ? { [MESSAGING.kafkaKey]: info.key } : {}),
    },
  }, fn);
}

/**
 * A consumer's span for one message: `process leerzone.governance.events`, a CONSUMER
 * child of the message's `traceparent` header (`traceparentFromHeaders`). Commands the
 * handler runs inside `fn` become its children, and their events carry its trace on.
 */
export function withProcessSpan<T>(info: ProcessSpanInfo, headerTraceparent: string | undefined, fn: SpanFn<T>): Promise<T> {
  return withSpanFromTraceparent(headerTraceparent, `process ${info.destination}`, {
    kind: SpanKind.CONSUMER,
    attributes: {
      [MESSAGING.system]: info.system,
      [MESSAGING.destination]: info.destination,
      [MESSAGING.consumerGroup]: info.consumerGroup,
      [MESSAGING.operationType]: 'process',
      [MESSAGING.operationName]: 'process',
      [MESSAGING.messageId]: info.messageId,
      ...(info.partition !== undefined ? { [MESSAGING.partition]: String(info.partition) } : {}),
      ...(info.offset !== undefined ? { [MESSAGING.kafkaOffset]: Number(info.offset) } : {}),
    },
  }, fn);
}

/**
 * A projection applying one event: `project governance.teams`. Its parent, in order: the
 * `traceparent` given (a bus delivery's, `Delivery.traceparent`, which the Kafka consumer
 * sets to its process span), else the active span, else the trace in the event's envelope
 * (a runner reading the store directly).
 */
export function withProjectionSpan<T>(
  projection: string,
  event: Pick<StoredEvent, 'eventId' | 'type' | 'streamId' | 'globalPosition' | 'traceparent'>,
  fn: SpanFn<T>,
  traceparent?: string,
): Promise<T> {
  const options: LeerzoneSpanOptions = {
    kind: SpanKind.INTERNAL,
    attributes: {
      'leerzone.projection.name': projection,
      'leerzone.event.id': event.eventId,
      'leerzone.event.type': event.type,
      'leerzone.stream.id': event.streamId,
      'leerzone.event.global_position': event.globalPosition,
    },
  };
  if (traceparent !== undefined) return withSpanFromTraceparent(traceparent, `project ${projection}`, options, fn);
  return hasActiveSpan() ? withSpan(`project ${projection}`, options, fn) : withSpanFromTraceparent(event.traceparent, `project ${projection}`, options, fn);
}
