import type { StoredEvent } from '../envelope/event-envelope';
import { StreamNotFoundError } from './errors';
import type { EventStore, ReadStreamOptions } from './event-store.port';

/**
 * Stream ids of a tenant's aggregates: `<prefix><length of the tenant id>:<tenant id>:<id>`,
 * e.g. `team-4:acme:0193e1c2-…`. The length makes the form unambiguous whatever the tenant
 * id and the aggregate id contain (both may hold `:`, `.`, `-`), so two tenants can never
 * share a stream however they choose their ids; the prefix stays first, so routing by
 * prefix (topics, the audit registry, confidentiality) and KurrentDB's `category-id`
 * convention still work.
 *
 * Stores written before ids were scoped hold legacy global streams, `<prefix><id>`. They are
 * never rewritten (the store is immutable and hash-chained): {@link readTenantStream} reads
 * the scoped stream first and falls back to the legacy one only when its events belong to
 * the caller's tenant, and a legacy stream found that way keeps being appended to under its
 * legacy id, so its history stays one stream.
 */
export const tenantStreamId = (prefix: string, tenantId: string, id: string): string => `${prefix}${tenantId.length}:${tenantId}:${id}`;

/**
 * The stream id of a tenant's aggregate, as every domain's `*StreamId` function builds it:
 * {@link tenantStreamId}. Every read model is keyed by (tenant, id), so two tenants may hold
 * the same aggregate id. Commands and queries go through {@link readTenantStream}, which still
 * finds a tenant's legacy global `<prefix><id>` streams and keeps appending to them under that
 * id, so stores written before the change need no migration (docs/security.md).
 */
export const aggregateStreamId = (prefix: string, tenantId: string, id: string): string => tenantStreamId(prefix, tenantId, id);

export interface ParsedTenantStreamId {
  readonly prefix: string;
  readonly tenantId: string;
  readonly id: string;
}

// The prefixes are words and dashes (`team-`, `failure-learning-report-`): the first digit ends one.
const SCOPED = /^([A-Za-z][A-Za-z-]*-)(\d{1,3}):/;

/** The parts of a stream id made by {@link tenantStreamId}; null for any other stream id. */
export function parseTenantStreamId(streamId: string): ParsedTenantStreamId | null {
  const match = SCOPED.exec(streamId);
  if (!match) return null;
  const [head, prefix, digits] = match as unknown as [string, string, string];
  const length = Number(digits);
  const tenantId = streamId.slice(head.length, head.length + length);
  if (length === 0 || tenantId.length !== length || streamId[head.length + length] !== ':') return null;
  return { prefix, tenantId, id: streamId.slice(head.length + length + 1) };
}

/** The global stream id an aggregate had before ids were scoped by tenant: `<prefix><id>`. */
export function legacyStreamIdOf(streamId: string): string | null {
  const parsed = parseTenantStreamId(streamId);
  return parsed ? `${parsed.prefix}${parsed.id}` : null;
}

export interface TenantStreamRead {
  /** The stream that holds the aggregate for this tenant: the scoped id, or the legacy one it was found under. */
  readonly streamId: string;
  /** Its events; empty when the aggregate does not exist for this tenant (absent, or another tenant's). */
  readonly events: StoredEvent[];
}

async function readOrEmpty(store: Pick<EventStore, 'readStream'>, streamId: string, options?: ReadStreamOptions): Promise<StoredEvent[]> {
  try {
    return await store.readStream(streamId, options);
  } catch (error) {
    if (error instanceof StreamNotFoundError) return [];
    throw error;
  }
}

/**
 * Reads a stream as `tenantId` may see it. For a tenant-scoped id of the caller's own tenant
 * whose stream is empty, the legacy global stream is read instead, and used only when its
 * events are the caller's tenant's. Any stream whose events belong to another tenant reads
 * as absent, exactly like an unknown id.
 */
export async function readTenantStream(store: Pick<EventStore, 'readStream'>, streamId: string, tenantId: string): Promise<TenantStreamRead> {
  const events = await readOrEmpty(store, streamId);
  if (events.length > 0) return { streamId, events: events[0]!.tenantId === tenantId ? events : [] };
  const parsed = parseTenantStreamId(streamId);
  if (!parsed || parsed.tenantId !== tenantId) return { streamId, events: [] };
  // The forms stores were written with before: the global `<prefix><id>`, and
  // `<prefix><tenant>-<id>` (tenant instruments), ambiguous when ids hold `-`.
  for (const legacyStreamId of [`${parsed.prefix}${parsed.id}`, `${parsed.prefix}${parsed.tenantId}-${parsed.id}`]) {
    // The first event says whose it is; another tenant's legacy stream is not read any further.
    const [first] = await readOrEmpty(store, legacyStreamId, { maxCount: 1 });
    if (first === undefined) continue;
    if (first.tenantId !== tenantId) return { streamId, events: [] };
    return { streamId: legacyStreamId, events: await readOrEmpty(store, legacyStreamId) };
  }
  return { streamId, events: [] };
}
