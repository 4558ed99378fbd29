import type { NewEvent } from '../envelope/event-envelope';

/** The hash of "no previous event": the anchor of every stream's chain. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * Deterministic JSON: object keys sorted, no whitespace, `undefined` members dropped.
 * The hash chain is computed over this form, so it does not depend on key order or on
 * how a store happens to serialise JSON.
 */
// Quoted keys, remembered: events of one type repeat the same few keys millions of times,
// and quoting was a quarter of canonicalJson's time. Bounded, since keys can be data too.
const quotedKeys = new Map<string, string>();
const QUOTED_KEYS_KEPT = 10_000;
const quoteKey = (key: string): string => {
  let quoted = quotedKeys.get(key);
  if (quoted === undefined) {
    quoted = JSON.stringify(key);
    if (quotedKeys.size < QUOTED_KEYS_KEPT) quotedKeys.set(key, quoted);
  }
  return quoted;
};

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
  // Loops and string concatenation rather than entries/filter/map/join: every append hashes
  // every event over this, so it is on the write path of each store (docs/performance.md).
  if (Array.isArray(value)) {
    let out = '[';
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ',';
      const item: unknown = value[i];
      out += item === undefined ? 'null' : canonicalJson(item);
    }
    return `${out}]`;
  }
  const object = value as Record<string, unknown>;
  const keys = Object.keys(object);
  // Insertion sort: objects in events have a handful of keys, where it beats Array#sort.
  // `>` compares UTF-16 code units, the order Array#sort's default gives strings.
  for (let i = 1; i < keys.length; i++) {
    const key = keys[i]!;
    let j = i - 1;
    for (; j >= 0 && keys[j]! > key; j--) keys[j + 1] = keys[j]!;
    keys[j + 1] = key;
  }
  let out = '{';
  for (const key of keys) {
    const member = object[key];
    if (member === undefined) continue;
    if (out.length > 1) out += ',';
    out += `${quoteKey(key)}:${canonicalJson(member)}`;
  }
  return `${out}}`;
}

/**
 * What a stream's hash chain covers: the previous hash, the stream and position, and
 * every envelope field a person could dispute (who, when, why, what). Global position
 * and recorded-at are left out on purpose: they belong to one store, and a migration to
 * another store must keep the chain verifiable.
 */
export function eventHashInput(previousHash: string, streamId: string, streamPosition: number, event: NewEvent): string {
  // canonicalJson of { previousHash, streamId, streamPosition, eventId, type, schemaVersion, tenantId,
  // occurredAt, actor, reason, correlationId, causationId, traceparent, data, metadata }, written out
  // with the keys already in canonical order (no object to build and sort per event); the spec
  // checks it against that definition.
  let out = '{';
  const member = (key: string, value: unknown): void => {
    if (value === undefined) return;
    if (out.length > 1) out += ',';
    out += `"${key}":${canonicalJson(value)}`;
  };
  member('actor', event.actor);
  member('causationId', event.causationId);
  member('correlationId', event.correlationId);
  member('data', event.data);
  member('eventId', event.eventId);
  member('metadata', event.metadata);
  member('occurredAt', event.occurredAt);
  member('previousHash', previousHash);
  member('reason', event.reason);
  member('schemaVersion', event.schemaVersion);
  member('streamId', streamId);
  member('streamPosition', streamPosition);
  member('tenantId', event.tenantId);
  member('traceparent', event.traceparent);
  member('type', event.type);
  return `${out}}`;
}
