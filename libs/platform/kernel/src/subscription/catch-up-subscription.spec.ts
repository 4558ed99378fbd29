import type { NewEvent, StoredEvent } from '../envelope/event-envelope';
import { InvalidArgumentError } from '../event-store/errors';
import type { SubscribeOptions } from '../event-store/event-store.port';
import { InMemoryEventStorage, InMemoryEventStore } from '../testing/in-memory-event-store';
import { AppendSignal } from './append-signal';
import { startCatchUpSubscription, type CatchUpSource } from './catch-up-subscription';

/** Runs everything already due (promise callbacks and the steps they start), then returns. */
const flush = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/** Whether a promise has settled by the time everything due has run. */
const stateOf = async (promise: Promise<unknown>): Promise<'resolved' | 'rejected' | 'pending'> => {
  let state: 'resolved' | 'rejected' | 'pending' = 'pending';
  promise.then(
    () => (state = 'resolved'),
    () => (state = 'rejected'),
  );
  await flush();
  return state;
};

const at = (globalPosition: number): StoredEvent => ({ globalPosition, eventId: `e-${globalPosition}` }) as StoredEvent;

interface PendingRead {
  readonly after: number;
  readonly limit: number;
  respond(events: StoredEvent[]): void;
  fail(error: unknown): void;
}

/**
 * A source whose reads the test answers one by one, so every step of the loop can be observed.
 * Its poll interval is a minute: a test that passes never waits for it, so anything that only
 * moves on because the interval passed shows up as "pending".
 */
class ScriptedSource implements CatchUpSource {
  readonly signal = new AppendSignal();
  readonly pollIntervalMs = 60_000;
  readonly reads: PendingRead[] = [];

  constructor(private readonly head: number) {}

  async headPosition(): Promise<number> {
    return this.head;
  }

  readAll(options: { after: number; limit: number }): Promise<StoredEvent[]> {
    return new Promise((respond, fail) => this.reads.push({ ...options, respond, fail }));
  }

  /** The read the loop is waiting on now. */
  async next(): Promise<PendingRead> {
    await flush();
    const read = this.reads[this.reads.length - 1];
    if (!read) throw new Error('The subscription has not read');
    return read;
  }
}

const subscribe = (source: CatchUpSource, options: Partial<SubscribeOptions> = {}) => {
  const batches: number[][] = [];
  const errors: unknown[] = [];
  const subscription = startCatchUpSubscription(source, {
    onEvents: (events) => void batches.push(events.map((event) => event.globalPosition)),
    onError: (error) => void errors.push(error),
    ...options,
  });
  return { subscription, batches, errors };
};

describe('startCatchUpSubscription', () => {
  // The poll interval's timers are fake (they never fire unless a test says so), so a loop that
  // waits when it should not shows as "pending" and keeps nothing running after a failed test.
  beforeEach(() => jest.useFakeTimers({ doNotFake: ['setImmediate', 'nextTick', 'queueMicrotask'] }));
  afterEach(() => jest.useRealTimers());

  it('delivers the history in batches, reading on at once after a full batch, and is caught up exactly when the last event that existed at the start is delivered', async () => {
    const source = new ScriptedSource(5);
    const { subscription, batches } = subscribe(source, { batchSize: 2 });

    const first = await source.next();
    expect(first).toMatchObject({ after: 0, limit: 2 });
    first.respond([at(1), at(2)]);
    const second = await source.next();
    expect(second).toMatchObject({ after: 2, limit: 2 });
    expect(batches).toEqual([[1, 2]]);
    expect(subscription.position()).toBe(2);
    expect(await stateOf(subscription.caughtUp)).toBe('pending');

    second.respond([at(3), at(4)]);
    const third = await source.next();
    expect(third).toMatchObject({ after: 4 });
    expect(await stateOf(subscription.caughtUp)).toBe('pending');

    third.respond([at(5)]);
    expect(await stateOf(subscription.caughtUp)).toBe('resolved');
    expect(batches).toEqual([[1, 2], [3, 4], [5]]);
    expect(subscription.position()).toBe(5);
    // A short batch: it waits for an append rather than reading again.
    expect(source.reads).toHaveLength(3);

    await subscription.stop();
    expect(source.reads).toHaveLength(3);
  });

  it('reads again when an append is signalled, and hands over no empty batch', async () => {
    const source = new ScriptedSource(0);
    const { subscription, batches, errors } = subscribe(source, { batchSize: 2 });
    (await source.next()).respond([]);
    expect(await stateOf(subscription.caughtUp)).toBe('resolved');
    expect(source.reads).toHaveLength(1);

    source.signal.notify();
    const live = await source.next();
    expect(source.reads).toHaveLength(2);
    expect(live).toMatchObject({ after: 0 });
    live.respond([at(1)]);
    await flush();
    expect(batches).toEqual([[1]]);
    source.signal.notify();
    (await source.next()).respond([]);
    await flush();
    expect(batches).toEqual([[1]]);
    expect(subscription.position()).toBe(1);
    expect(errors).toEqual([]);
    await subscription.stop();
  });

  it('does not miss an append signalled while it was reading: it reads again instead of waiting for the poll', async () => {
    const source = new ScriptedSource(0);
    const { subscription, batches } = subscribe(source, { batchSize: 10 });
    const read = await source.next();
    // The append commits after this read looked, and signals before the read returns.
    source.signal.notify();
    read.respond([]);
    const again = await source.next();
    expect(source.reads).toHaveLength(2);
    again.respond([at(1)]);
    await flush();
    expect(batches).toEqual([[1]]);
    // Nothing signalled since: now it waits.
    expect(source.reads).toHaveLength(2);
    await subscription.stop();
  });

  it('reads in batches of 500 unless told otherwise', async () => {
    const source = new ScriptedSource(0);
    const { subscription } = subscribe(source);
    expect(await source.next()).toMatchObject({ after: 0, limit: 500 });
    (await source.next()).respond([]);
    await subscription.stop();
  });

  it('is caught up when a read comes back empty, even below the head it saw (a gap in the positions)', async () => {
    const source = new ScriptedSource(3);
    const { subscription } = subscribe(source, { batchSize: 10 });
    (await source.next()).respond([]);
    expect(await stateOf(subscription.caughtUp)).toBe('resolved');
    await subscription.stop();
  });

  it('starts after a checkpoint, and is caught up at once when the checkpoint is the head', async () => {
    const source = new ScriptedSource(7);
    const { subscription, batches } = subscribe(source, { after: 7, batchSize: 2 });
    expect(subscription.position()).toBe(7);
    const read = await source.next();
    expect(read).toMatchObject({ after: 7 });
    read.respond([]);
    expect(await stateOf(subscription.caughtUp)).toBe('resolved');
    expect(batches).toEqual([]);
    await subscription.stop();
  });

  it('refuses a checkpoint that is not a non-negative integer, before reading anything', () => {
    for (const after of [-1, 1.5, Number.NaN]) {
      const source = new ScriptedSource(0);
      let refused: unknown;
      try {
        startCatchUpSubscription(source, { after, onEvents: () => undefined });
      } catch (error) {
        refused = error;
      }
      expect(refused).toBeInstanceOf(InvalidArgumentError);
      expect(refused).toMatchObject({ field: 'after', message: expect.stringMatching(/\S/) });
      expect(source.reads).toHaveLength(0);
    }
  });

  it('stops at once when it has not read yet', async () => {
    const source = new ScriptedSource(3);
    const { subscription } = subscribe(source);
    await subscription.stop();
    await flush();
    expect(source.reads).toHaveLength(0);
  });

  it('stops after the batch in flight, without waiting for the next poll', async () => {
    const source = new ScriptedSource(1);
    let finish!: () => void;
    const handled: number[] = [];
    const subscription = startCatchUpSubscription(source, {
      batchSize: 10,
      onEvents: (events) =>
        new Promise<void>((resolve) => {
          finish = () => {
            handled.push(...events.map((event) => event.globalPosition));
            resolve();
          };
        }),
    });
    (await source.next()).respond([at(1)]);
    await flush();
    const stopped = subscription.stop();
    expect(await stateOf(stopped)).toBe('pending');
    finish();
    const state = await stateOf(stopped);
    // Wake the loop in case it went back to waiting, so the test ends either way.
    source.signal.notify();
    expect(state).toBe('resolved');
    expect(handled).toEqual([1]);
    expect(subscription.position()).toBe(1);
    expect(source.reads).toHaveLength(1);
  });

  it('reports a failed read to onError, rejects caughtUp with it and stops reading', async () => {
    const source = new ScriptedSource(5);
    const { subscription, errors } = subscribe(source);
    const failure = new Error('disk gone');
    (await source.next()).fail(failure);
    await expect(subscription.caughtUp).rejects.toBe(failure);
    expect(errors).toEqual([failure]);
    await subscription.stop();
    expect(source.reads).toHaveLength(1);
  });

  it('stops on a failing handler also when no onError was given', async () => {
    const source = new ScriptedSource(5);
    const failure = new Error('projection broke');
    const subscription = startCatchUpSubscription(source, {
      onEvents: () => {
        throw failure;
      },
    });
    (await source.next()).respond([at(1)]);
    await expect(subscription.caughtUp).rejects.toBe(failure);
    await expect(subscription.stop()).resolves.toBeUndefined();
    expect(subscription.position()).toBe(0);
    expect(source.reads).toHaveLength(1);
  });
});

describe('catch-up subscriptions of the in-memory store', () => {
  const opened: { close(): Promise<void> }[] = [];
  afterEach(async () => {
    await Promise.all(opened.splice(0).map((store) => store.close()));
  });

  const event = (n: number): NewEvent => ({
    eventId: `e-${n}`,
    type: 'Counted',
    schemaVersion: 1,
    tenantId: 'acme',
    occurredAt: '2026-01-15T09:00:00.000Z',
    actor: { id: 'ada', kind: 'user' },
    correlationId: 'c',
    causationId: 'c',
    data: { n },
    metadata: {},
  });

  /** Resolves once `count` events were delivered. */
  const collector = (count: number) => {
    const positions: number[] = [];
    let reached!: () => void;
    const done = new Promise<void>((resolve) => (reached = resolve));
    const onEvents = (events: readonly StoredEvent[]) => {
      positions.push(...events.map((e) => e.globalPosition));
      if (positions.length >= count) reached();
    };
    return { positions, done, onEvents };
  };

  it('delivers the history, then each append once and in order, woken by the append itself', async () => {
    // A poll interval longer than any test: only the append signal can wake the subscription.
    const store = new InMemoryEventStore({ pollIntervalMs: 60_000 });
    opened.push(store);
    await store.append('counter-1', [event(1), event(2), event(3)], { expectedVersion: 0 });
    const { positions, done, onEvents } = collector(6);
    const subscription = store.subscribe({ batchSize: 2, onEvents });
    await subscription.caughtUp;
    expect(positions).toEqual([1, 2, 3]);

    await store.append('counter-1', [event(4)], { expectedVersion: 3 });
    await store.append('counter-2', [event(5), event(6)], { expectedVersion: 0 });
    await done;
    expect(positions).toEqual([1, 2, 3, 4, 5, 6]);
    await store.close();
    expect(subscription.position()).toBe(6);
  });

  it('finds appends no signal announced (another process) by polling', async () => {
    const storage = new InMemoryEventStorage();
    const writer = new InMemoryEventStore({ storage });
    const source: CatchUpSource = { readAll: (o) => writer.readAll(o), headPosition: () => writer.headPosition(), signal: new AppendSignal(), pollIntervalMs: 5 };
    const { positions, done, onEvents } = collector(1);
    const subscription = startCatchUpSubscription(source, { onEvents });
    opened.push({ close: () => subscription.stop() });
    await subscription.caughtUp;
    await writer.append('counter-1', [event(1)], { expectedVersion: 0 });
    await done;
    expect(positions).toEqual([1]);
    await subscription.stop();
  });
});
