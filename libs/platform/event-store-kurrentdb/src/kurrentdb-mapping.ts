import { InvalidArgumentError, type Actor, type NewEvent, type StoredEvent } from '@leerzone/kernel';
import { v5 as uuidv5, validate as isUuid } from 'uuid';

/**
 * Pure translations between our envelope and KurrentDB's model. Kept apart from the
 * client calls so they can be tested without a server.
 *
 * Versions and revisions: our stream version N (1-based: the stream holds N events) is
 * KurrentDB revision N-1 (0-based number of the last event); version 0, "no stream",
 * is `no_stream`.
 *
 * Global positions: KurrentDB orders `$all` by log position. Since v20 every appended
 * event has its own record, and reads of `$all` report commit = prepare = the byte offset
 * of that record in the transaction log. We use that offset as our global position: it
 * is unique per event and strictly increasing in `$all` order (what the port promises),
 * but not contiguous and not starting at 1. "after N" is read as "from the record at N,
 * skipping it" — the server's reads from a position are inclusive.
 */

/** The stream names of one store start with `<namespace>:`; a namespace has no `:` of its own. */
const NAMESPACE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
export const DEFAULT_NAMESPACE = 'leerzone';

export function assertNamespace(namespace: string): void {
  if (!NAMESPACE.test(namespace)) {
    throw new InvalidArgumentError('namespace', `A namespace is 1-64 letters, digits and _ . -, starting with a letter or digit; got "${namespace}".`);
  }
}

export const streamPrefix = (namespace: string): string => `${namespace}:`;
export const toStreamName = (namespace: string, streamId: string): string => `${streamPrefix(namespace)}${streamId}`;

export function fromStreamName(namespace: string, streamName: string): string {
  const prefix = streamPrefix(namespace);
  if (!streamName.startsWith(prefix)) throw new Error(`Stream ${streamName} is not in namespace ${namespace}.`);
  return streamName.slice(prefix.length);
}

/** Fixed namespace for name-based (v5) UUIDs of event ids that are not UUIDs themselves. */
const EVENT_ID_NAMESPACE = '5b0a7f0e-4c1d-4d6a-9a57-6c2f1e0f7a11';
const CANONICAL_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * KurrentDB requires a UUID per event. Ours (UUIDv7 in practice) are passed through; any
 * other id maps to a stable v5 UUID, so a retried append carries the same server-side id.
 * The original id always travels in the metadata and is what reads return.
 */
export function toKurrentEventId(eventId: string): string {
  return CANONICAL_UUID.test(eventId) && isUuid(eventId) ? eventId : uuidv5(eventId, EVENT_ID_NAMESPACE);
}

export type KurrentExpectedState = 'no_stream' | bigint;

/** Our version (events in the stream) as the revision KurrentDB must find. */
export const expectedStateFor = (version: number): KurrentExpectedState => (version === 0 ? 'no_stream' : BigInt(version - 1));

/** KurrentDB's actual revision (or `no_stream`) as our version. */
export function versionFromRevision(revision: bigint | 'no_stream' | string | undefined): number {
  if (revision === undefined || revision === 'no_stream') return 0;
  const value = typeof revision === 'bigint' ? revision : BigInt(revision);
  if (value < 0n) return 0;
  return toSafeNumber(value + 1n, 'revision');
}

export function toSafeNumber(value: bigint, what: string): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new Error(`KurrentDB ${what} ${value} exceeds what a JavaScript number holds exactly.`);
  return Number(value);
}

/** Where to start a forward `$all` read to get the events after `after`. */
export const readFromPosition = (after: number): 'start' | { commit: bigint; prepare: bigint } =>
  after === 0 ? 'start' : { commit: BigInt(after), prepare: BigInt(after) };

/** The envelope as KurrentDB event metadata. `$correlationId`/`$causationId` feed KurrentDB's own projections. */
export interface EnvelopeMetadata {
  readonly eventId: string;
  readonly schemaVersion: number;
  readonly tenantId: string;
  readonly occurredAt: string;
  readonly recordedAt: string;
  readonly actor: Actor;
  readonly reason?: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly traceparent?: string;
  readonly streamPosition: number;
  readonly hash: string;
  readonly metadata: Readonly<Record<string, unknown>>;
  readonly $correlationId: string;
  readonly $causationId: string;
}

export function toEnvelopeMetadata(event: NewEvent, streamPosition: number, recordedAt: string, hash: string): EnvelopeMetadata {
  return {
    eventId: event.eventId,
    schemaVersion: event.schemaVersion,
    tenantId: event.tenantId,
    occurredAt: event.occurredAt,
    recordedAt,
    actor: event.actor,
    ...(event.reason !== undefined ? { reason: event.reason } : {}),
    correlationId: event.correlationId,
    causationId: event.causationId,
    ...(event.traceparent !== undefined ? { traceparent: event.traceparent } : {}),
    streamPosition,
    hash,
    metadata: event.metadata ?? {},
    $correlationId: event.correlationId,
    $causationId: event.causationId,
  };
}

/** What we need of a KurrentDB recorded event (a structural subset of the client's type). */
export interface RecordedLike {
  readonly streamId: string;
  readonly id: string;
  readonly revision: bigint;
  readonly type: string;
  readonly data: unknown;
  readonly metadata: unknown;
  readonly isJson: boolean;
  readonly position?: { readonly commit: bigint; readonly prepare: bigint } | undefined;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Reads our envelope back; refuses an event in our namespace that was not written by this adapter. */
export function toStoredEvent(namespace: string, recorded: RecordedLike): StoredEvent {
  const m = recorded.metadata;
  const where = `event ${recorded.id} at ${recorded.streamId}@${recorded.revision}`;
  if (!recorded.isJson || !isRecord(m) || typeof m['eventId'] !== 'string' || typeof m['hash'] !== 'string' || !isRecord(m['actor'])) {
    throw new Error(`KurrentDB ${where} carries no Leerzone envelope in its metadata; was it written by another tool?`);
  }
  if (!recorded.position) throw new Error(`KurrentDB returned ${where} without a log position (server older than 22.6?).`);
  const streamPosition = versionFromRevision(recorded.revision);
  if (m['streamPosition'] !== streamPosition) {
    throw new Error(`KurrentDB ${where} says it is at stream position ${String(m['streamPosition'])}, but its revision makes it ${streamPosition}.`);
  }
  return {
    eventId: m['eventId'],
    type: recorded.type,
    schemaVersion: m['schemaVersion'] as number,
    tenantId: m['tenantId'] as string,
    occurredAt: m['occurredAt'] as string,
    actor: m['actor'] as unknown as Actor,
    ...(typeof m['reason'] === 'string' ? { reason: m['reason'] } : {}),
    correlationId: m['correlationId'] as string,
    causationId: m['causationId'] as string,
    ...(typeof m['traceparent'] === 'string' ? { traceparent: m['traceparent'] } : {}),
    data: recorded.data,
    metadata: isRecord(m['metadata']) ? m['metadata'] : {},
    streamId: fromStreamName(namespace, recorded.streamId),
    streamPosition,
    globalPosition: toSafeNumber(recorded.position.commit, 'log position'),
    recordedAt: m['recordedAt'] as string,
    hash: m['hash'],
  };
}

/** esdb:// is the old name of kurrentdb://; normalising it avoids the client's deprecation warning. */
export function normaliseConnectionString(connectionString: string): string {
  return connectionString.replace(/^esdb(\+discover)?:\/\//i, (_, discover: string | undefined) => `kurrentdb${discover ?? ''}://`);
}
