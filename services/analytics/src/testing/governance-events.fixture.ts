import type { StoredEvent } from '@leerzone/kernel';
import { StoredEventFactory } from '@leerzone/messaging/testing';

/** Builds governance team events with the envelope a store gives them (stream and global positions), as its relay publishes them. */
export class GovernanceEvents {
  private readonly factory = new StoredEventFactory({ tenantId: 'acme' });
  private clock = Date.UTC(2026, 2, 2, 9, 0, 0);

  event(teamId: string, type: string, data: Record<string, unknown>, overrides: Partial<StoredEvent> = {}): StoredEvent {
    const occurredAt = new Date((this.clock += 60_000)).toISOString();
    return this.factory.next(`team-${teamId}`, { type, occurredAt, data: { teamId, ...data }, ...overrides });
  }
}
