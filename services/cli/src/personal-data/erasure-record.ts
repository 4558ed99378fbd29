import { randomUUID } from 'node:crypto';
import { tenantStreamId, type EventStore, type StoredEvent } from '@leerzone/kernel';

/**
 * The auditable record of an erasure: `PersonalDataErased`, appended by `erase person` to a
 * stream of the tenant in the (first) event store it read — who erased which vault subjects
 * of which person, when and why, never the erased data. The event store rather than the
 * vault's own log, because there it is hash-chained with the rest of the tenant's trail
 * (`audit verify` covers it), readable through the audit API like any stream of the tenant,
 * and found by `subject-access`; the vault is the one place whose copies are meant to be
 * destroyed, so a record kept next to the keys would share their short retention
 * (docs/privacy.md). No service's stream prefix matches, so no relay publishes it.
 */
export const ERASURE_STREAM_PREFIX = 'personal-data-erasures-';
export const PERSONAL_DATA_ERASED = 'PersonalDataErased';

/** One stream per tenant: `personal-data-erasures-<n>:<tenant>:log`. */
export const erasureStreamId = (tenantId: string): string => tenantStreamId(ERASURE_STREAM_PREFIX, tenantId, 'log');

export interface PersonalDataErased {
  readonly personId: string;
  /** Every vault subject erased by this request, in the order found (already erased ones included). */
  readonly subjects: readonly string[];
  /** Of those, the ones that had been erased before (erasing is idempotent). */
  readonly alreadyErased: readonly string[];
  /** Where the subjects were looked for: the event stores (credentials redacted) and the vault. */
  readonly storesRead: readonly string[];
  readonly vault: string;
  readonly eventsRead: number;
  readonly erasedBy: string;
  readonly erasedAt: string;
}

export async function recordErasure(store: EventStore, tenantId: string, record: PersonalDataErased, reason: string): Promise<StoredEvent> {
  const id = randomUUID();
  const appended = await store.append(
    erasureStreamId(tenantId),
    [
      {
        eventId: id,
        type: PERSONAL_DATA_ERASED,
        schemaVersion: 1,
        tenantId,
        occurredAt: record.erasedAt,
        actor: { id: record.erasedBy, kind: 'user' },
        reason,
        correlationId: id,
        causationId: id,
        data: record,
        metadata: { source: 'leerzone-cli' },
      },
    ],
    { expectedVersion: 'any' },
  );
  return appended.events[0]!;
}
