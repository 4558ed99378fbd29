import { createHash } from 'node:crypto';
import type { EventStore, NewEvent } from '@leerzone/kernel';

export const AUDIT_RECORD_READ = 'AuditRecordRead';

/** `AuditRecordRead` v1: someone read confidential audit records. */
export interface AuditRecordRead {
  readonly readBy: string;
  readonly readAt: string;
  /** Which audit query: history, state, diff, actor, correlation. */
  readonly query: string;
  /** The confidential streams whose events or state were returned. */
  readonly streamIds: readonly string[];
  /** The query's parameters (ids, timestamps); never the returned data. */
  readonly parameters: Readonly<Record<string, string | number>>;
}

export interface ReadContext {
  readonly tenantId: string;
  readonly userId: string;
  readonly correlationId: string;
  readonly causationId: string;
  readonly reason?: string;
  readonly traceparent?: string;
}

const SAFE = /^[A-Za-z0-9._:-]{1,120}$/;

/** One stream per tenant: `audit-reads-acme` (a hashed name for tenant ids that are no valid stream id). */
export const readStreamIdOf = (tenantId: string): string =>
  `audit-reads-${SAFE.test(tenantId) ? tenantId : createHash('sha256').update(tenantId).digest('hex').slice(0, 32)}`;

/**
 * Records reads of confidential records in the event store, under the reader's tenant:
 * the reads become part of the same tamper-evident trail, and the audit API shows them
 * like any other event (history of `audit-reads-<tenant>`, or by actor).
 */
export class ReadRecorder {
  constructor(
    private readonly store: EventStore,
    private readonly newId: () => string,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async record(context: ReadContext, query: string, streamIds: readonly string[], parameters: AuditRecordRead['parameters']): Promise<void> {
    if (streamIds.length === 0) return;
    const now = this.clock().toISOString();
    const data: AuditRecordRead = { readBy: context.userId, readAt: now, query, streamIds: [...new Set(streamIds)].sort(), parameters };
    const event: NewEvent<typeof AUDIT_RECORD_READ, AuditRecordRead> = {
      eventId: this.newId(),
      type: AUDIT_RECORD_READ,
      schemaVersion: 1,
      tenantId: context.tenantId,
      occurredAt: now,
      actor: { id: context.userId, kind: 'user' },
      ...(context.reason ? { reason: context.reason } : {}),
      correlationId: context.correlationId,
      causationId: context.causationId,
      ...(context.traceparent ? { traceparent: context.traceparent } : {}),
      data,
      metadata: {},
    };
    await this.store.append(readStreamIdOf(context.tenantId), [event], { expectedVersion: 'any' });
  }
}
