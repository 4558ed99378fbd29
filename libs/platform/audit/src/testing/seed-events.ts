import type { EventStore, NewEvent } from '@leerzone/kernel';

let sequence = 0;
export const seedEvent = (overrides: Partial<NewEvent> = {}): NewEvent => {
  const n = sequence++;
  return {
    eventId: `seed-${process.pid}-${Date.now().toString(36)}-${n}`,
    type: 'TeamRenamed',
    schemaVersion: 1,
    tenantId: 'acme',
    occurredAt: '2026-03-01T10:00:00.000Z',
    actor: { id: 'ada', kind: 'user' },
    correlationId: `corr-${n}`,
    causationId: `cause-${n}`,
    data: { name: `Team Noord ${n}` },
    metadata: {},
    ...overrides,
  };
};

/** Three streams in two tenants, interleaved in global order, 4 events each. */
export async function seedStore(store: EventStore): Promise<void> {
  for (let round = 0; round < 4; round++) {
    await store.append('team-noord', [seedEvent({ data: { name: `Team Noord ${round}` } })], { expectedVersion: round });
    await store.append('team-zuid', [seedEvent({ data: { name: `Team Zuid ${round}` } })], { expectedVersion: round });
    await store.append('team-oost', [seedEvent({ tenantId: 'globex', actor: { id: 'bob', kind: 'user' }, data: { name: `Team Oost ${round}` } })], { expectedVersion: round });
  }
}
