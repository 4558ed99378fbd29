import { createHash } from 'node:crypto';
import { ConcurrencyConflictError, DuplicateEventIdError, GENESIS_HASH, InvalidArgumentError, StreamNotFoundError, eventHashInput, type StoredEvent } from '@leerzone/kernel';
import { newEvent } from '@leerzone/kernel/testing';
import { KurrentDbEventStore } from './kurrentdb-event-store';
import { FakeKurrentDbClient } from './testing/fake-kurrentdb-client';

// The adapter's own logic against an in-memory stand-in for the server (see the fake's
// comment). The contract suite against a real KurrentDB is in the *.int.spec.ts file.

const open = async (fake = new FakeKurrentDbClient(), namespace = 'leerzone') => ({
  fake,
  store: await KurrentDbEventStore.open({ connectionString: 'kurrentdb://unused:2113', client: fake.asClient(), namespace, pollIntervalMs: 20 }),
});

const hashOf = (previous: string, e: StoredEvent) => {
  const { streamId, streamPosition, globalPosition: _g, recordedAt: _r, hash: _h, ...appended } = e;
  return createHash('sha256').update(eventHashInput(previous, streamId, streamPosition, appended)).digest('hex');
};

describe('KurrentDbEventStore (against an in-memory stand-in)', () => {
  it('writes revision N-1 for version N, the envelope into metadata, and reads it all back', async () => {
    const { fake, store } = await open();
    const event = newEvent({ reason: 'why', metadata: { source: 'unit' } });
    const result = await store.append('team-1', [event, newEvent()], { expectedVersion: 0 });
    expect(fake.records().map((r) => [r.streamId, r.revision])).toEqual([['leerzone:team-1', 0n], ['leerzone:team-1', 1n]]);
    expect(JSON.parse(fake.records()[0]!.metadata)).toMatchObject({ eventId: event.eventId, tenantId: 'tenant-a', reason: 'why', streamPosition: 1, $correlationId: 'corr-1' });
    const [stored] = await store.readStream('team-1');
    expect(stored).toMatchObject({ ...event, streamId: 'team-1', streamPosition: 1, globalPosition: Number(fake.records()[0]!.position.commit) });
    expect(result.events[0]).toEqual(stored);
    expect(stored!.hash).toBe(hashOf(GENESIS_HASH, stored!));
    expect(result).toMatchObject({ nextExpectedVersion: 2, written: true, lastGlobalPosition: Number(fake.records()[1]!.position.commit) });
  });

  it('reads $all after a position (the server reads inclusively) in batches, only within its namespace', async () => {
    const fake = new FakeKurrentDbClient();
    const { store } = await open(fake);
    const { store: other } = await open(fake, 'other');
    await other.append('x', [newEvent()], { expectedVersion: 0 });
    await store.append('a', [newEvent(), newEvent(), newEvent()], { expectedVersion: 0 });
    await store.append('b', [newEvent(), newEvent()], { expectedVersion: 0 });
    const all = await store.readAll();
    expect(all.map((e) => `${e.streamId}@${e.streamPosition}`)).toEqual(['a@1', 'a@2', 'a@3', 'b@1', 'b@2']);
    const first = await store.readAll({ limit: 2 });
    const rest = await store.readAll({ after: first[1]!.globalPosition, limit: 10 });
    expect([...first, ...rest]).toEqual(all);
    expect(await store.readAll({ after: all[4]!.globalPosition })).toEqual([]);
    expect(await store.headPosition()).toBe(all[4]!.globalPosition);
    expect(await other.headPosition()).toBeLessThan(all[0]!.globalPosition);
  });

  it('reports a wrong expected version as a conflict with our version numbers', async () => {
    const { store } = await open();
    await store.append('c', [newEvent(), newEvent()], { expectedVersion: 0 });
    await expect(store.append('c', [newEvent()], { expectedVersion: 1 })).rejects.toMatchObject({ code: 'EVENT_STORE.CONCURRENCY_CONFLICT', expectedVersion: 1, actualVersion: 2 });
    await expect(store.append('new', [newEvent()], { expectedVersion: 3 })).rejects.toBeInstanceOf(ConcurrencyConflictError);
    await expect(store.readStream('new')).rejects.toBeInstanceOf(StreamNotFoundError);
    expect(await store.streamVersion('c')).toBe(2);
  });

  it('turns a write that lost the race into a conflict for a numbered version, and a retry for any', async () => {
    const fake = new FakeKurrentDbClient();
    const { store } = await open(fake);
    const { store: racer } = await open(fake);
    await store.append('r', [newEvent()], { expectedVersion: 0 });
    fake.interleave = async () => void (await racer.append('r', [newEvent()], { expectedVersion: 1 }));
    await expect(store.append('r', [newEvent()], { expectedVersion: 1 })).rejects.toMatchObject({ code: 'EVENT_STORE.CONCURRENCY_CONFLICT', actualVersion: 2 });
    fake.interleave = async () => void (await racer.append('r', [newEvent()], { expectedVersion: 'any' }));
    const result = await store.append('r', [newEvent()], { expectedVersion: 'any' });
    expect(result.nextExpectedVersion).toBe(4);
    const stream = await store.readStream('r');
    expect(stream.map((e) => e.streamPosition)).toEqual([1, 2, 3, 4]);
    stream.forEach((e, i) => expect(e.hash).toBe(hashOf(i === 0 ? GENESIS_HASH : stream[i - 1]!.hash, e)));
  });

  it('treats the same batch again as done, at its expected version or at the tail for any, and refuses a partial overlap', async () => {
    const { fake, store } = await open();
    const batch = [newEvent(), newEvent()];
    const first = await store.append('i', batch, { expectedVersion: 0 });
    await store.append('i', [newEvent()], { expectedVersion: 2 });
    const again = await store.append('i', batch, { expectedVersion: 0 });
    expect(again).toEqual({ ...first, written: false, nextExpectedVersion: 3 });
    const tail = [newEvent()];
    await store.append('i', tail, { expectedVersion: 'any' });
    expect(await store.append('i', tail, { expectedVersion: 'any' })).toMatchObject({ written: false, nextExpectedVersion: 4 });
    await expect(store.append('i', [tail[0]!, newEvent()], { expectedVersion: 'any' })).rejects.toBeInstanceOf(DuplicateEventIdError);
    expect(fake.records()).toHaveLength(4);
  });

  it('refuses another tenant on an existing stream and non-namespaced or foreign events on read', async () => {
    const { fake, store } = await open();
    await store.append('t', [newEvent({ tenantId: 'tenant-a' })], { expectedVersion: 0 });
    await expect(store.append('t', [newEvent({ tenantId: 'tenant-b' })], { expectedVersion: 'any' })).rejects.toBeInstanceOf(InvalidArgumentError);
    await fake.appendToStream('leerzone:foreign', { id: '0190f0c4-6c1b-7000-8000-000000000009', type: 'X', data: {}, metadata: { written: 'by another tool' } });
    await expect(store.readAll()).rejects.toThrow(/no Leerzone envelope/);
  });

  it('wakes subscriptions through the live $all subscription when another client appends, and disposes the client on close', async () => {
    const fake = new FakeKurrentDbClient();
    // Polling every ten minutes: only the live subscription can deliver in time.
    const store = await KurrentDbEventStore.open({ connectionString: 'kurrentdb://unused:2113', client: fake.asClient(), pollIntervalMs: 600_000 });
    const { store: writer } = await open(fake);
    const seen: StoredEvent[] = [];
    const subscription = store.subscribe({ onEvents: (batch) => void seen.push(...batch) });
    await subscription.caughtUp;
    await writer.append('s', [newEvent()], { expectedVersion: 0 });
    const deadline = Date.now() + 5_000;
    while (seen.length < 1 && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 10));
    expect(seen.map((e) => e.streamId)).toEqual(['s']);
    await store.close();
    expect(fake.disposed).toBe(true);
    await expect(store.append('s', [newEvent()], { expectedVersion: 1 })).rejects.toMatchObject({ code: 'EVENT_STORE.CLOSED' });
  });
});
