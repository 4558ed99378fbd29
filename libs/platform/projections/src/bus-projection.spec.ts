import type { NewEvent, StoredEvent } from '@leerzone/kernel';
import type { Delivery } from '@leerzone/messaging';
import { InMemoryProjectionStore } from '@leerzone/projection-store';
import { BusProjection, type BusProjectionOptions } from './bus-projection';
import { defineProjection } from './projection';
import { InMemoryEventStore } from './testing/in-memory-event-store';

/** One document per stream (the rule for projections fed over the bus). */
const streamActivity = defineProjection({
  name: 'test.stream-activity',
  version: 1,
  collections: { streams: {} },
  handles: ['TeamCreated'],
  apply(event, write) {
    write.collection('streams').upsert(event.streamId, { $inc: { events: 1 } });
  },
});

const deletingProjection = defineProjection({
  name: 'test.deleting',
  version: 1,
  collections: { streams: {} },
  handles: ['TeamCreated', 'TeamArchived'],
  apply(event, write) {
    if (event.type === 'TeamArchived') write.collection('streams').delete(event.streamId);
    else write.collection('streams').put(event.streamId, { name: 'x' });
  },
});

const newEvent = (type: string, n: number): NewEvent => ({
  eventId: `00000000-0000-7000-8000-${String(n).padStart(12, '0')}`,
  type,
  schemaVersion: 1,
  tenantId: 'acme',
  occurredAt: new Date(Date.UTC(2026, 2, 1, 10, 0, n)).toISOString(),
  actor: { id: 'ada', kind: 'user' },
  correlationId: `corr-${n}`,
  causationId: `cause-${n}`,
  data: {},
  metadata: {},
});

const busProjection = (store: InMemoryProjectionStore, options: Partial<BusProjectionOptions> = {}) =>
  new BusProjection({ projection: streamActivity, group: 'test.group', sources: ['governance'], store, ...options });

async function prepared(options: Partial<BusProjectionOptions> = {}) {
  const store = new InMemoryProjectionStore();
  const projection = busProjection(store, options);
  await projection.prepare();
  return { store, projection };
}

const delivered = async (events: NewEvent[], traceparent?: string): Promise<Delivery[]> => {
  const store = new InMemoryEventStore();
  const stored: StoredEvent[] = [];
  for (const event of events) stored.push(...(await store.append('team-1', [event], { expectedVersion: 'any' })).events);
  return stored.map((event, i) => ({ event, source: 'governance', position: { topic: 't', partition: 0, offset: String(i) }, ...(traceparent ? { traceparent } : {}) }));
};

describe('BusProjection', () => {
  it('joins a group of its generation: a store that kept the generation resumes, a new generation reads the topics from the start', async () => {
    const { projection, store } = await prepared();
    expect(projection.group).toMatch(/^test\.group\.v1_\d+$/);
    const sameStore = busProjection(store);
    await sameStore.prepare();
    expect(sameStore.group).toBe(projection.group);
    // An empty store (memory: after a restart) gets a generation, and so a group, of its own.
    const emptyStore = busProjection(new InMemoryProjectionStore());
    await new Promise((resolve) => setTimeout(resolve, 2));
    await emptyStore.prepare();
    expect(emptyStore.group).not.toBe(projection.group);
  });

  it('refuses deletes with a stable code: a resent older event could bring the document back', async () => {
    const { projection } = await prepared({ projection: deletingProjection });
    const deliveries = await delivered([newEvent('TeamCreated', 1), newEvent('TeamArchived', 2)]);
    await expect(projection.handle(deliveries)).rejects.toMatchObject({ code: 'PROJECTION.HANDLER_FAILED', cause: { code: 'PROJECTION.DELETE_OVER_BUS', field: 'id' } });
  });

  it('a second instance of the same version joins the existing generation; an older version refuses to write a newer one', async () => {
    const { store } = await prepared();
    await busProjection(store).prepare();
    await busProjection(store, { projection: { ...streamActivity, version: 2 } }).prepare();
    await expect(busProjection(store).prepare()).rejects.toMatchObject({ code: 'PROJECTION.NEWER_VERSION_RUNNING' });
  });

  it('runs each handler inside the instrument it was given, with the delivery’s trace, and passes a throw on', async () => {
    const seen: string[] = [];
    const instrument: BusProjectionOptions['instrument'] = (name, event, traceparent, apply) => {
      seen.push(`${name} ${event.type} ${traceparent}`);
      apply();
    };
    const traceparent = '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01';
    const { projection } = await prepared({ instrument });
    await projection.handle(await delivered([newEvent('TeamCreated', 1)], traceparent));
    expect(seen).toEqual([`test.stream-activity TeamCreated ${traceparent}`]);

    const deleting = await prepared({ projection: deletingProjection, instrument });
    await expect(deleting.projection.handle(await delivered([newEvent('TeamArchived', 2)]))).rejects.toMatchObject({ cause: { code: 'PROJECTION.DELETE_OVER_BUS' } });
  });
});
