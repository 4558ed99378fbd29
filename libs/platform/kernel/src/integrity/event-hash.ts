import type { NewEvent } from '../envelope/event-envelope';

/** The hash of "no previous event": the anchor of every stream's chain. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * Deterministic JSON: object keys sorted, no whitespace, `undefined` members dropped.
 * The hash chain is computed over this form, so it does not depend on key order or on
 * how a store happens to serialise JSON.
 */
export function canonicalJson(value: unknown): string {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value)) throw new TypeError('Non-finite numbers are not JSON.');
    return JSON.stringify(value) ?? 'null';
  }
  if (Array.isArray(value)) return `[${value.map((item) => canonicalJson(item === undefined ? null : item)).join(',')}]`;
  const entries = Object.entries(value as Record<string, unknown>)
    .filter(([, member]) => member !== undefined)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${entries.map(([key, member]) => `${JSON.stringify(key)}:${canonicalJson(member)}`).join(',')}}`;
}

/**
 * What a stream's hash chain covers: the previous hash, the stream and position, and
 * every envelope field a person could dispute (who, when, why, what). Global position
 * and recorded-at are left out on purpose: they belong to one store, and a migration to
 * another store must keep the chain verifiable.
 */
export function eventHashInput(previousHash: string, streamId: string, streamPosition: number, event: NewEvent): string {
  return canonicalJson({
    previousHash,
    streamId,
    streamPosition,
    eventId: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    tenantId: event.tenantId,
    occurredAt: event.occurredAt,
    actor: event.actor,
    reason: event.reason,
    correlationId: event.correlationId,
    causationId: event.causationId,
    traceparent: event.traceparent,
    data: event.data,
    metadata: event.metadata,
  });
}
