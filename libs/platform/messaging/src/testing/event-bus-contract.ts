import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { EventSchemaRegistry, type StoredEvent } from '@leerzone/kernel';
import { MessagingError } from '../errors';
import type { BusSubscription, DeadLetter, Delivery, EventBus, RetryPolicy } from '../event-bus.port';
import { StoredEventFactory } from './event-fixtures';

/** Opens buses over one shared broker: a second `open()` is a second process. */
export interface EventBusHarness {
  open(): Promise<EventBus>;
  /** The topic name the bus uses for a source (to check dead-letter origins). */
  topicOf(source: string): string;
  dispose(): Promise<void>;
}

const FAST_RETRY: RetryPolicy = { maxAttempts: 3, initialBackoffMs: 10, maxBackoffMs: 40 };

export const waitUntil = async (condition: () => boolean, what: string, timeoutMs = 60_000): Promise<void> => {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for ${what}.`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
};

const byStream = (events: readonly StoredEvent[]): Map<string, number[]> => {
  const streams = new Map<string, number[]>();
  for (const event of events) streams.set(event.streamId, [...(streams.get(event.streamId) ?? []), event.streamPosition]);
  return streams;
};

const expectMessagingError = async (call: () => Promise<unknown>, code: string, field: string): Promise<void> => {
  const error = await call().then(
    () => {
      throw new Error(`Expected ${code}, but the call succeeded.`);
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(MessagingError);
  expect(error).toMatchObject({ code, field });
};

/**
 * The behaviour every event-bus adapter must have. Call from an adapter's test file:
 *
 *   eventBusContract('in-process', async () => inProcessHarness());
 */
export function eventBusContract(name: string, createHarness: () => Promise<EventBusHarness>): void {
  describe(`event bus contract: ${name}`, () => {
    let harness: EventBusHarness;
    let bus: EventBus;
    let factory: StoredEventFactory;
    let groups = 0;
    const buses: EventBus[] = [];
    const subscriptions: BusSubscription[] = [];
    const open = async () => {
      const opened = await harness.open();
      buses.push(opened);
      return opened;
    };
    const group = () => `contract-group-${Date.now().toString(36)}-${groups++}`;
    const collect = async (target: EventBus, options: { group: string; sources: string[]; startFrom?: 'earliest' | 'latest' }) => {
      const received: Delivery[] = [];
      const subscription = await target.subscribe({ ...options, retry: FAST_RETRY, handle: (deliveries) => void received.push(...deliveries) });
      subscriptions.push(subscription);
      await subscription.ready;
      return { received, subscription };
    };
    const collectDeadLetters = async (target: EventBus, sources: string[]) => {
      const letters: DeadLetter[] = [];
      const subscription = await target.subscribeDeadLetters({ group: group(), sources, handle: (batch) => void letters.push(...batch) });
      subscriptions.push(subscription);
      return letters;
    };

    beforeEach(async () => {
      harness = await createHarness();
      bus = await open();
      factory = new StoredEventFactory();
    });

    afterEach(async () => {
      await Promise.all(subscriptions.splice(0).map((s) => s.stop()));
      await Promise.all(buses.splice(0).map((b) => b.close()));
      await harness.dispose();
    });

    it('delivers every published event with its full envelope, each stream in order', async () => {
      const events = factory.interleaved(['team-1', 'team-2', 'team-3', 'team-4', 'team-5'], 8);
      await bus.publish('alpha', events.slice(0, 15));
      await bus.publish('alpha', events.slice(15));
      const { received } = await collect(bus, { group: group(), sources: ['alpha'] });
      await waitUntil(() => received.length >= events.length, `${events.length} deliveries`);

      expect(received).toHaveLength(events.length);
      expect(byStream(received.map((d) => d.event))).toEqual(byStream(events));
      const sent = new Map(events.map((event) => [event.eventId, event]));
      for (const delivery of received) {
        expect(delivery.event).toEqual(sent.get(delivery.event.eventId));
        expect(delivery.source).toBe('alpha');
        expect(delivery.position.topic).toBe(harness.topicOf('alpha'));
      }
      // Offsets only grow within a partition.
      const offsets = new Map<number, bigint>();
      for (const { position } of received) {
        const offset = BigInt(position.offset);
        expect(offset > (offsets.get(position.partition) ?? -1n)).toBe(true);
        offsets.set(position.partition, offset);
      }
    });

    it('gives every consumer group all events of the sources it subscribed to, and only those', async () => {
      const alpha = factory.interleaved(['a-1', 'a-2'], 5);
      const beta = factory.interleaved(['b-1'], 4);
      await bus.publish('alpha', alpha);
      await bus.publish('beta', beta);
      const both = await collect(bus, { group: group(), sources: ['alpha', 'beta'] });
      const onlyBeta = await collect(bus, { group: group(), sources: ['beta'] });
      await waitUntil(() => both.received.length >= 14 && onlyBeta.received.length >= 4, 'both groups to receive their events');

      expect(new Set(both.received.map((d) => d.event.eventId))).toEqual(new Set([...alpha, ...beta].map((e) => e.eventId)));
      expect(both.received.filter((d) => d.source === 'beta').map((d) => d.event.eventId)).toEqual(beta.map((e) => e.eventId));
      // beta's last event arriving proves the stream is drained; alpha's must never show up.
      expect(onlyBeta.received.map((d) => d.event.eventId)).toEqual(beta.map((e) => e.eventId));
    });

    it('resumes a group after its committed position: nothing handled before comes again', async () => {
      const groupId = group();
      const first = factory.interleaved(['team-1'], 6);
      await bus.publish('alpha', first);
      const before = await collect(bus, { group: groupId, sources: ['alpha'] });
      await waitUntil(() => before.received.length >= 6, 'the first six events');
      await before.subscription.stop();

      // Another process of the same service picks up where the first left off.
      const other = await open();
      const later = factory.next('team-1');
      await other.publish('alpha', [later]);
      const after = await collect(other, { group: groupId, sources: ['alpha'] });
      await waitUntil(() => after.received.length >= 1, 'the event published after the restart');
      // Same stream, same partition: a redelivered old event would have come first.
      expect(after.received[0]!.event.eventId).toBe(later.eventId);
      expect(before.received.map((d) => d.event.eventId)).toEqual(first.map((e) => e.eventId));
    });

    it('starts a new group at the end when asked for `latest`', async () => {
      await bus.publish('alpha', factory.interleaved(['team-1'], 3));
      const { received } = await collect(bus, { group: group(), sources: ['alpha'], startFrom: 'latest' });
      const fresh = factory.next('team-1');
      await bus.publish('alpha', [fresh]);
      await waitUntil(() => received.length >= 1, 'the fresh event');
      expect(received.map((d) => d.event.eventId)).toEqual([fresh.eventId]);
    });

    it('retries a failing handler with backoff; a message that keeps failing is dead-lettered and the partition goes on', async () => {
      const events = factory.interleaved(['team-1'], 6);
      const [, flaky, , poison] = events;
      const failuresLeft = new Map([[flaky!.eventId, 2]]);
      const handled: string[] = [];
      const failedAt: Delivery[] = [];
      const letters = await collectDeadLetters(bus, ['alpha']);
      const subscription = await bus.subscribe({
        group: group(),
        sources: ['alpha'],
        retry: FAST_RETRY,
        handle: (deliveries) => {
          for (const delivery of deliveries) {
            const left = failuresLeft.get(delivery.event.eventId) ?? 0;
            if (delivery.event.eventId === poison!.eventId || left > 0) {
              failuresLeft.set(delivery.event.eventId, left - 1);
              failedAt.push(delivery);
              throw new Error(`cannot handle ${delivery.event.streamPosition} yet`);
            }
          }
          // Effects of a batch are applied only when all of it succeeds (as a transaction would).
          handled.push(...deliveries.map((d) => d.event.eventId));
        },
      });
      subscriptions.push(subscription);
      await bus.publish('alpha', events);
      await waitUntil(() => handled.includes(events[5]!.eventId) && letters.length >= 1, 'the partition to move past the poison message');

      expect(handled.filter((id, i) => handled.indexOf(id) === i)).toEqual(events.filter((e) => e !== poison).map((e) => e.eventId));
      // Letters of one key share a partition, in order: had the flaky event been dead-lettered, it would come first.
      const letter = letters[0]!;
      expect(letter.event).toEqual(poison);
      expect(letter).toMatchObject({
        source: 'alpha',
        attempts: FAST_RETRY.maxAttempts,
        error: { code: 'MESSAGING.HANDLER_FAILED', message: 'cannot handle 4 yet' },
      });
      expect(letter.payload).toBe(JSON.stringify(poison!.data));
      const poisonPosition = failedAt.find((d) => d.event.eventId === poison!.eventId)!.position;
      expect(letter.origin).toEqual(poisonPosition);
      expect(letter.origin.topic).toBe(harness.topicOf('alpha'));
      expect(Number.isNaN(Date.parse(letter.deadLetteredAt))).toBe(false);
    });

    it('dead-letters events it cannot read, without retries and without calling the handler; older versions are upcast', async () => {
      const schemas = new EventSchemaRegistry([{ type: 'ThingRenamed', fromVersion: 1, upcast: (data) => ({ ...(data as object), renamedBy: 'unknown' }) }]);
      const ok = factory.next('team-1');
      const unknown = factory.next('team-1', { type: 'SomethingElse' });
      const old = factory.next('team-1', { type: 'ThingRenamed', schemaVersion: 1 });
      const tooNew = factory.next('team-1', { schemaVersion: 2 });
      const invalid = factory.next('team-1', { data: { n: 'not a number' } });
      const last = factory.next('team-1');
      const handled: StoredEvent[] = [];
      const letters = await collectDeadLetters(bus, ['alpha']);
      const subscription = await bus.subscribe({
        group: group(),
        sources: ['alpha'],
        retry: FAST_RETRY,
        knownTypes: ['ThingHappened', 'ThingRenamed'],
        schemas,
        validate: (event) => {
          if (typeof (event.data as { n: unknown }).n !== 'number') throw new Error('n must be a number');
        },
        handle: (deliveries) => void handled.push(...deliveries.map((d) => d.event)),
      });
      subscriptions.push(subscription);
      await bus.publish('alpha', [ok, unknown, old, tooNew, invalid, last]);
      await waitUntil(() => handled.some((e) => e.eventId === last.eventId) && letters.length >= 3, 'the last event and three dead letters');

      expect(handled.map((e) => e.eventId)).toEqual([ok.eventId, old.eventId, last.eventId]);
      expect(handled[1]).toEqual({ ...old, schemaVersion: 2, data: { ...(old.data as object), renamedBy: 'unknown' } });
      expect(letters.map((l) => [l.event?.eventId, l.error.code, l.attempts])).toEqual([
        [unknown.eventId, 'MESSAGING.UNKNOWN_EVENT_TYPE', 0],
        [tooNew.eventId, 'MESSAGING.UNSUPPORTED_SCHEMA_VERSION', 0],
        [invalid.eventId, 'MESSAGING.INVALID_EVENT', 0],
      ]);
      expect(letters[1]!.error.message).toContain('schema version 2');
      expect(letters[2]!.error.message).toContain('n must be a number');
    });

    it('shares the partitions between the members of a group; when one stops, the other takes over', async () => {
      const groupId = group();
      const first = await collect(bus, { group: groupId, sources: ['alpha'] });
      const second = await collect(await open(), { group: groupId, sources: ['alpha'] });
      const streams = Array.from({ length: 24 }, (_, i) => `team-${i}`);
      const round1 = factory.interleaved(streams, 2);
      await bus.publish('alpha', round1);
      const seen = () => new Set([...first.received, ...second.received].map((d) => d.event.eventId));
      await waitUntil(() => round1.every((e) => seen().has(e.eventId)), 'both members together to receive every event');
      expect(first.received.length).toBeGreaterThan(0);
      expect(second.received.length).toBeGreaterThan(0);
      // With membership settled before publishing, each partition has exactly one reader.
      expect(first.received.length + second.received.length).toBe(round1.length);
      for (const member of [first, second]) {
        const mine = byStream(member.received.map((d) => d.event));
        mine.forEach((positions) => expect(positions).toEqual([...positions].sort((a, b) => a - b)));
      }

      await first.subscription.stop();
      const round2 = factory.interleaved(streams, 1);
      await bus.publish('alpha', round2);
      await waitUntil(() => round2.every((e) => second.received.some((d) => d.event.eventId === e.eventId)), 'the remaining member to take over every partition');
    });

    it('drains on stop: the batch in hand finishes and is committed', async () => {
      const groupId = group();
      let release!: () => void;
      const gate = new Promise<void>((resolve) => (release = resolve));
      let entered = false;
      let finished = false;
      const subscription = await bus.subscribe({
        group: groupId,
        sources: ['alpha'],
        retry: FAST_RETRY,
        handle: async () => {
          entered = true;
          await gate;
          finished = true;
        },
      });
      await subscription.ready;
      await bus.publish('alpha', factory.interleaved(['team-1'], 4));
      await waitUntil(() => entered, 'the handler to start');
      const stopped = subscription.stop();
      setTimeout(release, 100);
      await stopped;
      expect(finished).toBe(true);

      const later = factory.next('team-1');
      await bus.publish('alpha', [later]);
      const after = await collect(bus, { group: groupId, sources: ['alpha'] });
      await waitUntil(() => after.received.length >= 1, 'the event published after the stop');
      expect(after.received[0]!.event.eventId).toBe(later.eventId);
    });

    it('rejects bad arguments with stable codes and the offending field', async () => {
      const handle = () => undefined;
      await expectMessagingError(() => bus.subscribe({ group: '', sources: ['alpha'], handle }), 'MESSAGING.INVALID_ARGUMENT', 'group');
      await expectMessagingError(() => bus.subscribe({ group: group(), sources: [], handle }), 'MESSAGING.INVALID_ARGUMENT', 'sources');
      await expectMessagingError(() => bus.subscribe({ group: group(), sources: ['Not A Service'], handle }), 'MESSAGING.INVALID_ARGUMENT', 'sources[0]');
      await expectMessagingError(
        () => bus.subscribe({ group: group(), sources: ['alpha'], handle, retry: { maxAttempts: 0 } }),
        'MESSAGING.INVALID_ARGUMENT',
        'retry.maxAttempts',
      );
      await expectMessagingError(() => bus.publish('../etc', [factory.next('team-1')]), 'MESSAGING.INVALID_ARGUMENT', 'source');
      await expectMessagingError(() => bus.subscribeDeadLetters({ group: 'x y', sources: ['alpha'], handle }), 'MESSAGING.INVALID_ARGUMENT', 'group');
    });
  });
}
