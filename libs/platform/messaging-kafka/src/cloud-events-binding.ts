import type { Actor, StoredEvent } from '@leerzone/kernel';
import { RejectedMessageError, serviceOfTopic, type BusPosition, type DeadLetter } from '@leerzone/messaging';

/**
 * CloudEvents 1.0, Kafka protocol binding, binary content mode
 * (https://github.com/cloudevents/spec/blob/v1.0.2/cloudevents/bindings/kafka-protocol-binding.md):
 * the message value is the event data as JSON, every context attribute is a header
 * `ce_<name>`, and `content-type` carries `datacontenttype`. Systems that speak
 * CloudEvents read the standard attributes; a Leerzone consumer rebuilds the whole
 * stored envelope from the extensions.
 *
 * Extension names follow the CloudEvents naming rule (lower-case a-z and 0-9 only, at
 * most 20 characters) and reuse the documented extensions where one fits: `sequence`
 * (Sequence extension: the global position, zero-padded so it sorts as text) and
 * `traceparent` (Distributed Tracing extension). W3C `traceparent` is also written as a
 * plain header, where OpenTelemetry's Kafka instrumentation looks for it.
 */
export const CE_HEADERS = {
  specversion: 'ce_specversion',
  id: 'ce_id',
  source: 'ce_source',
  type: 'ce_type',
  time: 'ce_time',
  subject: 'ce_subject',
  contentType: 'content-type',
  // Extensions.
  schemaVersion: 'ce_schemaversion',
  tenantId: 'ce_tenantid',
  actorId: 'ce_actorid',
  actorKind: 'ce_actorkind',
  reason: 'ce_reason',
  correlationId: 'ce_correlationid',
  causationId: 'ce_causationid',
  traceparent: 'ce_traceparent',
  streamPosition: 'ce_streamposition',
  sequence: 'ce_sequence',
  recordedTime: 'ce_recordedtime',
  eventHash: 'ce_eventhash',
  metadata: 'ce_metadata',
} as const;

/** The W3C trace context header, as tracing libraries expect it. */
export const TRACEPARENT_HEADER = 'traceparent';

/** Why a message is on a dead-letter topic. Not CloudEvents attributes: they describe the delivery, not the event. */
export const DLQ_HEADERS = {
  originTopic: 'leerzone-dlq-origin-topic',
  originPartition: 'leerzone-dlq-origin-partition',
  originOffset: 'leerzone-dlq-origin-offset',
  group: 'leerzone-dlq-group',
  errorCode: 'leerzone-dlq-error-code',
  errorMessage: 'leerzone-dlq-error-message',
  attempts: 'leerzone-dlq-attempts',
  at: 'leerzone-dlq-at',
} as const;

export const SPEC_VERSION = '1.0';
export const CONTENT_TYPE = 'application/json';
const SEQUENCE_DIGITS = 16; // Number.MAX_SAFE_INTEGER has 16 digits.

export type KafkaHeaderValue = Buffer | string | (Buffer | string)[] | undefined;
export type KafkaHeaders = Record<string, KafkaHeaderValue>;

export interface KafkaRecord {
  readonly key: string;
  readonly value: string;
  readonly headers: Record<string, string>;
}

/** The CloudEvents `source` of a Leerzone service. */
export const cloudEventSource = (service: string): string => `/leerzone/${service}`;

export function toKafkaRecord(service: string, key: string, event: StoredEvent): KafkaRecord {
  const headers: Record<string, string> = {
    [CE_HEADERS.specversion]: SPEC_VERSION,
    [CE_HEADERS.id]: event.eventId,
    [CE_HEADERS.source]: cloudEventSource(service),
    [CE_HEADERS.type]: event.type,
    [CE_HEADERS.time]: event.occurredAt,
    [CE_HEADERS.subject]: event.streamId,
    [CE_HEADERS.contentType]: CONTENT_TYPE,
    [CE_HEADERS.schemaVersion]: String(event.schemaVersion),
    [CE_HEADERS.tenantId]: event.tenantId,
    [CE_HEADERS.actorId]: event.actor.id,
    [CE_HEADERS.actorKind]: event.actor.kind,
    [CE_HEADERS.correlationId]: event.correlationId,
    [CE_HEADERS.causationId]: event.causationId,
    [CE_HEADERS.streamPosition]: String(event.streamPosition),
    [CE_HEADERS.sequence]: String(event.globalPosition).padStart(SEQUENCE_DIGITS, '0'),
    [CE_HEADERS.recordedTime]: event.recordedAt,
    [CE_HEADERS.eventHash]: event.hash,
  };
  if (event.reason !== undefined) headers[CE_HEADERS.reason] = event.reason;
  if (event.traceparent !== undefined) {
    headers[CE_HEADERS.traceparent] = event.traceparent;
    headers[TRACEPARENT_HEADER] = event.traceparent;
  }
  if (event.metadata && Object.keys(event.metadata).length > 0) headers[CE_HEADERS.metadata] = JSON.stringify(event.metadata);
  return { key, value: JSON.stringify(event.data), headers };
}

export const headerText = (value: KafkaHeaderValue): string | undefined => {
  const first = Array.isArray(value) ? value[0] : value;
  if (first === undefined || first === null) return undefined;
  return typeof first === 'string' ? first : first.toString('utf8');
};

const malformed = (field: string, message: string) => new RejectedMessageError('MESSAGING.MALFORMED_MESSAGE', message, field);

const required = (headers: KafkaHeaders, name: string): string => {
  const value = headerText(headers[name]);
  if (value === undefined || value.length === 0) throw malformed(name, `The message has no ${name} header.`);
  return value;
};

const positiveInteger = (headers: KafkaHeaders, name: string): number => {
  const text = required(headers, name);
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value) || value < 1) throw malformed(name, `${name} must be a positive integer, got ${JSON.stringify(text)}.`);
  return value;
};

const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?Z$/;
const instant = (headers: KafkaHeaders, name: string): string => {
  const text = required(headers, name);
  if (!ISO_INSTANT.test(text)) throw malformed(name, `${name} must be an ISO-8601 instant in UTC, got ${JSON.stringify(text)}.`);
  return text;
};

/**
 * Rebuilds the stored event from a message, or throws `RejectedMessageError`
 * (`MESSAGING.MALFORMED_MESSAGE`, naming the header or `value`) for anything else:
 * a foreign producer, a tombstone, truncated JSON.
 */
export function fromKafkaMessage(message: { value: Buffer | string | null; headers?: KafkaHeaders }): StoredEvent {
  const headers = message.headers ?? {};
  const specversion = required(headers, CE_HEADERS.specversion);
  if (specversion !== SPEC_VERSION) throw malformed(CE_HEADERS.specversion, `Only CloudEvents ${SPEC_VERSION} is understood, got ${JSON.stringify(specversion)}.`);
  const contentType = headerText(headers[CE_HEADERS.contentType]);
  if (contentType !== undefined && contentType.split(';')[0]!.trim().toLowerCase() !== CONTENT_TYPE) {
    throw malformed(CE_HEADERS.contentType, `The event data must be ${CONTENT_TYPE}, got ${JSON.stringify(contentType)}.`);
  }
  const actorKind = required(headers, CE_HEADERS.actorKind);
  if (actorKind !== 'user' && actorKind !== 'service') throw malformed(CE_HEADERS.actorKind, `${CE_HEADERS.actorKind} must be user or service, got ${JSON.stringify(actorKind)}.`);
  const actor: Actor = { id: required(headers, CE_HEADERS.actorId), kind: actorKind };

  if (message.value === null || message.value === undefined) throw malformed('value', 'The message has no value (a tombstone is not an event).');
  const text = typeof message.value === 'string' ? message.value : message.value.toString('utf8');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    throw malformed('value', `The message value is not JSON: ${(error as Error).message}`);
  }
  let metadata: Record<string, unknown> = {};
  const metadataText = headerText(headers[CE_HEADERS.metadata]);
  if (metadataText !== undefined) {
    try {
      metadata = JSON.parse(metadataText) as Record<string, unknown>;
    } catch {
      throw malformed(CE_HEADERS.metadata, `${CE_HEADERS.metadata} is not JSON.`);
    }
    if (metadata === null || typeof metadata !== 'object' || Array.isArray(metadata)) throw malformed(CE_HEADERS.metadata, `${CE_HEADERS.metadata} must be a JSON object.`);
  }
  const reason = headerText(headers[CE_HEADERS.reason]);
  const traceparent = headerText(headers[CE_HEADERS.traceparent]) ?? headerText(headers[TRACEPARENT_HEADER]);
  return {
    eventId: required(headers, CE_HEADERS.id),
    type: required(headers, CE_HEADERS.type),
    schemaVersion: positiveInteger(headers, CE_HEADERS.schemaVersion),
    tenantId: required(headers, CE_HEADERS.tenantId),
    occurredAt: instant(headers, CE_HEADERS.time),
    actor,
    ...(reason !== undefined ? { reason } : {}),
    correlationId: required(headers, CE_HEADERS.correlationId),
    causationId: required(headers, CE_HEADERS.causationId),
    ...(traceparent !== undefined ? { traceparent } : {}),
    data,
    metadata,
    streamId: required(headers, CE_HEADERS.subject),
    streamPosition: positiveInteger(headers, CE_HEADERS.streamPosition),
    globalPosition: positiveInteger(headers, CE_HEADERS.sequence),
    recordedAt: instant(headers, CE_HEADERS.recordedTime),
    hash: required(headers, CE_HEADERS.eventHash),
  };
}

export interface DeadLetterFacts {
  readonly origin: BusPosition;
  readonly group: string;
  readonly error: { readonly code: string; readonly message: string };
  readonly attempts: number;
  readonly at: string;
}

// Kafka headers are bytes; keep an error message to a size every tool displays.
const MAX_ERROR_MESSAGE = 2_000;

/** The original headers plus why and where from; the original value and key are kept as they were. */
export function deadLetterHeaders(original: KafkaHeaders, facts: DeadLetterFacts): Record<string, Buffer | string> {
  const headers: Record<string, Buffer | string> = {};
  for (const [name, value] of Object.entries(original)) {
    if (name.startsWith('leerzone-dlq-') || value === undefined) continue;
    headers[name] = Array.isArray(value) ? value[0]! : value;
  }
  headers[DLQ_HEADERS.originTopic] = facts.origin.topic;
  headers[DLQ_HEADERS.originPartition] = String(facts.origin.partition);
  headers[DLQ_HEADERS.originOffset] = facts.origin.offset;
  headers[DLQ_HEADERS.group] = facts.group;
  headers[DLQ_HEADERS.errorCode] = facts.error.code;
  headers[DLQ_HEADERS.errorMessage] = facts.error.message.slice(0, MAX_ERROR_MESSAGE);
  headers[DLQ_HEADERS.attempts] = String(facts.attempts);
  headers[DLQ_HEADERS.at] = facts.at;
  return headers;
}

/**
 * Reads a message from a dead-letter topic. Lenient on purpose: whatever landed there is
 * shown to the operator, with placeholders where a header is missing.
 */
export function readDeadLetter(message: { value: Buffer | string | null; headers?: KafkaHeaders }, position: BusPosition, namespace: string): DeadLetter {
  const headers = message.headers ?? {};
  const text = (name: string) => headerText(headers[name]);
  const originTopic = text(DLQ_HEADERS.originTopic) ?? position.topic.replace(/\.dlq$/, '');
  let event: StoredEvent | undefined;
  try {
    event = fromKafkaMessage(message);
  } catch {
    event = undefined;
  }
  const value = message.value;
  return {
    origin: { topic: originTopic, partition: Number(text(DLQ_HEADERS.originPartition) ?? -1), offset: text(DLQ_HEADERS.originOffset) ?? '' },
    source: serviceOfTopic(originTopic, namespace) ?? originTopic,
    group: text(DLQ_HEADERS.group) ?? '',
    error: { code: text(DLQ_HEADERS.errorCode) ?? 'MESSAGING.UNKNOWN', message: text(DLQ_HEADERS.errorMessage) ?? '' },
    attempts: Number(text(DLQ_HEADERS.attempts) ?? 0),
    deadLetteredAt: text(DLQ_HEADERS.at) ?? '',
    ...(event ? { event } : {}),
    payload: value === null || value === undefined ? '' : typeof value === 'string' ? value : value.toString('utf8'),
    position,
  };
}
