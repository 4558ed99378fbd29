import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import type { NewEvent, StoredEvent } from '../envelope/event-envelope';
import {
  ConcurrencyConflictError,
  DuplicateEventIdError,
  EventStoreError,
  InvalidArgumentError,
  StreamNotFoundError,
} from '../event-store/errors';
import type { EventStore } from '../event-store/event-store.port';

/** Opens stores over one shared storage; `open` may be called again after `close` (reopen). */
export interface EventStoreHarness {
  open(): Promise<EventStore>;
  dispose(): Promise<void>;
}

let sequence = 0;
/** A unique, sortable id; the contract does not depend on a UUID library. */
const uniqueId = (): string => `${Date.now().toString(36)}-${(sequence++).toString(36).padStart(6, '0')}-${Math.random().toString(36).slice(2, 10)}`;

export const newEvent = (overrides: Partial<NewEvent> = {}): NewEvent => ({
  eventId: uniqueId(),
  type: 'ThingHappened',
  schemaVersion: 1,
  tenantId: 'tenant-a',
  occurredAt: '2026-03-01T10:00:00.000Z',
  actor: { id: 'user-1', kind: 'user' },
  correlationId: 'corr-1',
  causationId: 'cause-1',
  data: { n: 0 },
  metadata: {},
  ...overrides,
});

const events = (count: number, overrides: Partial<NewEvent> = {}): NewEvent[] =>
  Array.from({ length: count }, (_, n) => newEvent({ data: { n }, ...overrides }));

const expectStoreError = async (promise: Promise<unknown>, type: new (...args: never[]) => EventStoreError, field?: string) => {
  const error = await promise.then(
    () => {
      throw new Error(`Expected ${type.name}, but the call succeeded.`);
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(type);
  if (field !== undefined) expect((error as EventStoreError).field).toBe(field);
  return error as EventStoreError;
};

const waitFor = async (condition: () => boolean, timeoutMs = 20_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('Timed out waiting for condition.');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

/** Where a store legitimately differs from the rest; each difference is named and justified. */
export interface EventStoreCapabilities {
  /**
   * False for stores without an index of event ids across streams (KurrentDB): they detect
   * a re-used id only where the batch would land, not on another stream.
   */
  readonly eventIdsUniqueAcrossStreams?: boolean;
}

/**
 * The behaviour every event-store adapter must have. Call from an adapter's test file:
 *
 *   eventStoreContract('sqlite', async () => sqliteHarness());
 */
export function eventStoreContract(name: string, createHarness: () => Promise<EventStoreHarness>, capabilities: EventStoreCapabilities = {}): void {
  const idsUniqueAcrossStreams = capabilities.eventIdsUniqueAcrossStreams ?? true;
  describe(`event store contract: ${name}`, () => {
    let harness: EventStoreHarness;
    let store: EventStore;
    const opened: EventStore[] = [];
    const open = async () => {
      const s = await harness.open();
      opened.push(s);
      return s;
    };

    beforeEach(async () => {
      harness = await createHarness();
      store = await open();
    });

    afterEach(async () => {
      for (const s of opened.splice(0)) await s.close().catch(() => undefined);
      await harness.dispose();
    });

    describe('append and read', () => {
      it('stores the whole envelope and assigns positions, recorded-at and a hash', async () => {
        const event = newEvent({
          reason: 'because the team asked',
          traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01',
          data: { name: 'Team Noord', nested: { list: [1, 'two', null], flag: true } },
          metadata: { source: 'contract' },
        });
        const result = await store.append('team-1', [event], { expectedVersion: 0 });
        expect(result).toMatchObject({ nextExpectedVersion: 1, written: true });
        const [stored] = await store.readStream('team-1');
        expect(stored).toMatchObject({ ...event, streamId: 'team-1', streamPosition: 1, globalPosition: result.lastGlobalPosition });
        expect(new Date(stored!.recordedAt).toISOString()).toBe(stored!.recordedAt);
        expect(stored!.hash).toMatch(/^[0-9a-f]{64}$/);
        expect(result.events).toEqual([stored]);
      });

      it('keeps stream order and a strictly increasing global order across streams', async () => {
        await store.append('a', events(3), { expectedVersion: 0 });
        await store.append('b', events(2), { expectedVersion: 0 });
        await store.append('a', events(2), { expectedVersion: 3 });
        const a = await store.readStream('a');
        expect(a.map((e) => e.streamPosition)).toEqual([1, 2, 3, 4, 5]);
        expect(a.map((e) => (e.data as { n: number }).n)).toEqual([0, 1, 2, 0, 1]);
        const all = await store.readAll();
        expect(all.map((e) => e.streamId)).toEqual(['a', 'a', 'a', 'b', 'b', 'a', 'a']);
        all.slice(1).forEach((e, i) => expect(e.globalPosition).toBeGreaterThan(all[i]!.globalPosition));
        expect(await store.headPosition()).toBe(all[all.length - 1]!.globalPosition);
        expect(await store.streamVersion('a')).toBe(5);
        expect(await store.streamVersion('nope')).toBe(0);
      });

      it('reads a stream from a position with a maximum count, and everything in batches', async () => {
        await store.append('s', events(10), { expectedVersion: 0 });
        const slice = await store.readStream('s', { fromPosition: 4, maxCount: 3 });
        expect(slice.map((e) => e.streamPosition)).toEqual([4, 5, 6]);
        expect(await store.readStream('s', { fromPosition: 11 })).toEqual([]);
        const first = await store.readAll({ limit: 4 });
        const second = await store.readAll({ after: first[3]!.globalPosition, limit: 4 });
        const third = await store.readAll({ after: second[3]!.globalPosition, limit: 4 });
        expect([...first, ...second, ...third].map((e) => (e.data as { n: number }).n)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
      });

      it('chains each event to the previous event of its stream', async () => {
        await store.append('chain', events(3), { expectedVersion: 0 });
        await store.append('other', events(1), { expectedVersion: 0 });
        const [a, b, c] = await store.readStream('chain');
        expect(new Set([a!.hash, b!.hash, c!.hash]).size).toBe(3);
        // Identical payloads on another stream still hash differently: the chain covers stream and position.
        expect((await store.readStream('other'))[0]!.hash).not.toBe(a!.hash);
      });
    });

    describe('optimistic concurrency', () => {
      it('rejects a wrong expected version and writes nothing', async () => {
        await store.append('c', events(2), { expectedVersion: 0 });
        const error = await expectStoreError(store.append('c', events(1), { expectedVersion: 1 }), ConcurrencyConflictError);
        expect(error).toMatchObject({ code: 'EVENT_STORE.CONCURRENCY_CONFLICT', expectedVersion: 1, actualVersion: 2 });
        await expectStoreError(store.append('c', events(1), { expectedVersion: 0 }), ConcurrencyConflictError);
        await expectStoreError(store.append('new', events(1), { expectedVersion: 3 }), ConcurrencyConflictError);
        expect(await store.streamVersion('c')).toBe(2);
        expect(await store.streamVersion('new')).toBe(0);
      });

      it("appends whatever the version with 'any'", async () => {
        await store.append('any', events(1), { expectedVersion: 'any' });
        const result = await store.append('any', events(1), { expectedVersion: 'any' });
        expect(result.nextExpectedVersion).toBe(2);
      });

      it('lets exactly one of two concurrent writers on one stream win', async () => {
        const other = await open();
        await store.append('race', events(1), { expectedVersion: 0 });
        for (let round = 0; round < 10; round++) {
          const version = await store.streamVersion('race');
          const results = await Promise.allSettled([
            store.append('race', events(2, { data: { writer: 'one' } }), { expectedVersion: version }),
            other.append('race', events(2, { data: { writer: 'two' } }), { expectedVersion: version }),
          ]);
          const won = results.filter((r) => r.status === 'fulfilled');
          const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
          expect(won).toHaveLength(1);
          expect(lost).toHaveLength(1);
          expect(lost[0]!.reason).toBeInstanceOf(ConcurrencyConflictError);
          expect(await store.streamVersion('race')).toBe(version + 2);
        }
        const stream = await store.readStream('race');
        // No interleaving: every batch of two is from one writer.
        for (let i = 1; i < stream.length; i += 2) expect(stream[i]!.data).toEqual(stream[i + 1]!.data);
      });

      it('checks each of many appends made in one tick on its own (a store may commit them together)', async () => {
        await store.append('tick-tenant', events(1, { tenantId: 'tenant-a' }), { expectedVersion: 0 });
        const again = events(2);
        const racers = Array.from({ length: 8 }, (_, writer) => events(2, { data: { writer } }));
        // Every call is made before any is awaited: all of them in one tick.
        const [racing, othersSettled, [wrongVersion, otherTenant], twiceSettled] = await Promise.all([
          Promise.allSettled(racers.map((batch) => store.append('tick-race', batch, { expectedVersion: 0 }))),
          Promise.allSettled(Array.from({ length: 8 }, (_, i) => store.append(`tick-${i}`, events(1 + (i % 3)), { expectedVersion: 0 }))),
          Promise.allSettled([
            store.append('tick-wrong', events(1), { expectedVersion: 4 }),
            store.append('tick-tenant', events(1, { tenantId: 'tenant-b' }), { expectedVersion: 1 }),
          ]),
          Promise.allSettled([store.append('tick-twice', again, { expectedVersion: 0 }), store.append('tick-twice', again, { expectedVersion: 0 })]),
        ]);
        const fulfilled = <T>(results: PromiseSettledResult<T>[]): T[] =>
          results.map((r) => {
            if (r.status === 'rejected') throw r.reason;
            return r.value;
          });
        const winners = racing.flatMap((r, writer) => (r.status === 'fulfilled' ? [writer] : []));
        expect(winners).toHaveLength(1);
        racing.forEach((r) => r.status === 'rejected' && expect(r.reason).toBeInstanceOf(ConcurrencyConflictError));
        expect((await store.readStream('tick-race')).map((e) => e.eventId)).toEqual(racers[winners[0]!]!.map((e) => e.eventId));
        const others = fulfilled(othersSettled);
        others.forEach((result, i) => expect(result).toMatchObject({ written: true, nextExpectedVersion: 1 + (i % 3) }));
        expect(wrongVersion).toMatchObject({ status: 'rejected', reason: expect.any(ConcurrencyConflictError) });
        expect(otherTenant).toMatchObject({ status: 'rejected', reason: expect.objectContaining({ field: 'tenantId' }) });
        expect((otherTenant as PromiseRejectedResult).reason).toBeInstanceOf(InvalidArgumentError);
        const twice = fulfilled(twiceSettled);
        expect(twice.map((r) => r.written).sort()).toEqual([false, true]);
        expect(twice[0]!.events).toEqual(twice[1]!.events);
        expect(await store.streamVersion('tick-wrong')).toBe(0);
        expect(await store.streamVersion('tick-tenant')).toBe(1);
        // Exactly the winners are stored, each append's events contiguous, global positions strictly increasing.
        const all = await store.readAll();
        expect(all).toHaveLength(1 + 2 + others.reduce((n, r) => n + r.events.length, 0) + 2);
        all.slice(1).forEach((e, i) => expect(e.globalPosition).toBeGreaterThan(all[i]!.globalPosition));
        for (const result of [...others, twice[0]!]) {
          const at = all.findIndex((e) => e.eventId === result.events[0]!.eventId);
          expect(all.slice(at, at + result.events.length)).toEqual(result.events);
        }
      });
    });

    describe('idempotency', () => {
      it('treats appending the same event ids again as done, without writing', async () => {
        const batch = events(3);
        const first = await store.append('idem', batch, { expectedVersion: 0 });
        const again = await store.append('idem', batch, { expectedVersion: 0 });
        expect(again).toMatchObject({ written: false, nextExpectedVersion: 3, lastGlobalPosition: first.lastGlobalPosition });
        expect(again.events).toEqual(first.events);
        expect(await store.readStream('idem')).toHaveLength(3);
        expect(await store.headPosition()).toBe(first.lastGlobalPosition);
      });

      it('refuses a batch that reuses some, but not all, stored ids', async () => {
        const batch = events(2);
        await store.append('dup', batch, { expectedVersion: 0 });
        await expectStoreError(store.append('dup', [batch[0]!, newEvent()], { expectedVersion: 'any' }), DuplicateEventIdError);
        expect(await store.streamVersion('dup')).toBe(2);
        if (idsUniqueAcrossStreams) {
          await expectStoreError(store.append('elsewhere', batch, { expectedVersion: 'any' }), DuplicateEventIdError);
          // A reused id behind a new one: the whole batch is refused, nothing of it written.
          await expectStoreError(store.append('elsewhere', [newEvent(), batch[1]!], { expectedVersion: 'any' }), DuplicateEventIdError);
          expect(await store.streamVersion('elsewhere')).toBe(0);
        }
      });
    });

    describe('durability', () => {
      it('keeps everything after close and reopen', async () => {
        await store.append('keep', events(5), { expectedVersion: 0 });
        const before = await store.readAll();
        await store.close();
        const reopened = await open();
        expect(await reopened.readAll()).toEqual(before);
        const result = await reopened.append('keep', events(1), { expectedVersion: 5 });
        expect(result.lastGlobalPosition).toBeGreaterThan(before[before.length - 1]!.globalPosition);
      });

      it('handles a large stream', async () => {
        const total = 5_000;
        for (let version = 0; version < total; version += 500) {
          await store.append('large', events(500), { expectedVersion: version });
        }
        expect(await store.streamVersion('large')).toBe(total);
        const tail = await store.readStream('large', { fromPosition: total - 9 });
        expect(tail.map((e) => e.streamPosition)).toEqual(Array.from({ length: 10 }, (_, i) => total - 9 + i));
        const all = await store.readStream('large');
        expect(all).toHaveLength(total);
      });
    });

    describe('catch-up subscription', () => {
      it('delivers history and then live events exactly once, in order, while writes continue', async () => {
        for (let i = 0; i < 20; i++) await store.append(`hist-${i % 4}`, events(10), { expectedVersion: 'any' });
        const writer = await open();
        const seen: StoredEvent[] = [];
        const subscription = store.subscribe({ batchSize: 37, onEvents: (batch) => void seen.push(...batch) });
        const writes = (async () => {
          for (let i = 0; i < 30; i++) {
            await writer.append(`live-${i % 3}`, events(1 + (i % 7)), { expectedVersion: 'any' });
            if (i % 5 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
          }
        })();
        await subscription.caughtUp;
        await writes;
        const head = await store.headPosition();
        await waitFor(() => subscription.position() === head);
        await subscription.stop();
        const all: StoredEvent[] = [];
        for (let batch = await store.readAll({ limit: 100 }); batch.length > 0; batch = await store.readAll({ after: batch[batch.length - 1]!.globalPosition, limit: 100 })) {
          all.push(...batch);
        }
        expect(seen.map((e) => e.eventId)).toEqual(all.map((e) => e.eventId));
        expect(new Set(seen.map((e) => e.eventId)).size).toBe(seen.length);
      });

      it('resumes after a checkpoint and stops cleanly', async () => {
        await store.append('resume', events(10), { expectedVersion: 0 });
        const all = await store.readAll();
        const seen: StoredEvent[] = [];
        const subscription = store.subscribe({ after: all[5]!.globalPosition, onEvents: (batch) => void seen.push(...batch) });
        await subscription.caughtUp;
        await subscription.stop();
        expect(seen.map((e) => e.eventId)).toEqual(all.slice(6).map((e) => e.eventId));
        await store.append('resume', events(1), { expectedVersion: 10 });
        await new Promise((resolve) => setTimeout(resolve, 50));
        expect(seen).toHaveLength(4);
      });

      it('reports a failing handler and stops', async () => {
        await store.append('fail', events(3), { expectedVersion: 0 });
        const errors: unknown[] = [];
        const subscription = store.subscribe({
          onEvents: () => {
            throw new Error('handler broke');
          },
          onError: (error) => errors.push(error),
        });
        await expect(subscription.caughtUp).rejects.toThrow('handler broke');
        expect(errors).toHaveLength(1);
        expect(subscription.position()).toBe(0);
      });
    });

    describe('bad input', () => {
      it('rejects an empty batch', async () => {
        await expectStoreError(store.append('x', [], { expectedVersion: 0 }), InvalidArgumentError, 'events');
      });

      it('rejects a read of an unknown stream with StreamNotFoundError', async () => {
        const error = await expectStoreError(store.readStream('never-written'), StreamNotFoundError);
        expect(error.code).toBe('EVENT_STORE.STREAM_NOT_FOUND');
      });

      it('rejects negative and non-integer positions', async () => {
        await store.append('pos', events(2), { expectedVersion: 0 });
        await expectStoreError(store.readStream('pos', { fromPosition: -1 }), InvalidArgumentError, 'fromPosition');
        await expectStoreError(store.readStream('pos', { fromPosition: 0 }), InvalidArgumentError, 'fromPosition');
        await expectStoreError(store.readStream('pos', { maxCount: 0 }), InvalidArgumentError, 'maxCount');
        await expectStoreError(store.readAll({ after: -5 }), InvalidArgumentError, 'after');
        await expectStoreError(store.readAll({ after: 1.5 }), InvalidArgumentError, 'after');
        await expectStoreError(store.readAll({ limit: 0 }), InvalidArgumentError, 'limit');
        await expectStoreError(store.append('pos', events(1), { expectedVersion: -1 }), InvalidArgumentError, 'expectedVersion');
        expect(() => store.subscribe({ after: -1, onEvents: () => undefined })).toThrow(InvalidArgumentError);
      });

      it('rejects malformed stream ids and events, and writes nothing', async () => {
        await expectStoreError(store.append('', events(1), { expectedVersion: 0 }), InvalidArgumentError, 'streamId');
        await expectStoreError(store.append('has space', events(1), { expectedVersion: 0 }), InvalidArgumentError, 'streamId');
        await expectStoreError(store.readStream('has/slash'), InvalidArgumentError, 'streamId');
        await expectStoreError(store.append('ok', [newEvent({ eventId: '' })], { expectedVersion: 0 }), InvalidArgumentError, 'events[0].eventId');
        await expectStoreError(store.append('ok', [newEvent(), newEvent({ type: '' })], { expectedVersion: 0 }), InvalidArgumentError, 'events[1].type');
        await expectStoreError(store.append('ok', [newEvent({ occurredAt: 'yesterday' })], { expectedVersion: 0 }), InvalidArgumentError, 'events[0].occurredAt');
        await expectStoreError(store.append('ok', [newEvent({ tenantId: 'a' }), newEvent({ tenantId: 'b' })], { expectedVersion: 0 }), InvalidArgumentError, 'events');
        const same = newEvent();
        await expectStoreError(store.append('ok', [same, same], { expectedVersion: 0 }), InvalidArgumentError, 'events[1].eventId');
        expect(await store.headPosition()).toBe(0);
      });

      it("refuses events of another tenant on an existing stream", async () => {
        await store.append('tenant-stream', events(1, { tenantId: 'tenant-a' }), { expectedVersion: 0 });
        await expectStoreError(store.append('tenant-stream', events(1, { tenantId: 'tenant-b' }), { expectedVersion: 'any' }), InvalidArgumentError, 'tenantId');
        expect(await store.streamVersion('tenant-stream')).toBe(1);
      });

      it('refuses calls after close', async () => {
        await store.close();
        await expect(store.append('x', events(1), { expectedVersion: 0 })).rejects.toMatchObject({ code: 'EVENT_STORE.CLOSED' });
      });
    });
  });
}
