import { AppendSignal, startCatchUpSubscription, type EventStore, type StoredEvent } from '@leerzone/kernel';
import { InMemoryCheckpointStore, type CheckpointStore } from './checkpoint-store.port';
import { EventRelay, type EventRelayOptions } from './event-relay';
import { silentMessagingLogger } from './messaging-logger';
import { StoredEventFactory, waitUntil } from './testing';

/** Just enough of a store for the relay: a growing array with a catch-up subscription. */
class ArrayEventStore implements EventStore {
  readonly events: StoredEvent[] = [];
  private readonly signal = new AppendSignal();
  add(events: readonly StoredEvent[]): void {
    this.events.push(...events);
    this.signal.notify();
  }
  append(): never {
    throw new Error('not used');
  }
  readStream(): never {
    throw new Error('not used');
  }
  streamVersion(): never {
    throw new Error('not used');
  }
  async readAll(options: { after?: number; limit?: number } = {}) {
    return this.events.filter((e) => e.globalPosition > (options.after ?? 0)).slice(0, options.limit ?? 500);
  }
  async headPosition() {
    return this.events.length;
  }
  subscribe(options: Parameters<EventStore['subscribe']>[0]) {
    return startCatchUpSubscription({ readAll: (o) => this.readAll(o), headPosition: () => this.headPosition(), signal: this.signal, pollIntervalMs: 20 }, options);
  }
  async close() {
    // Nothing to release.
  }
}

/** A bus whose availability the test switches. */
class SwitchableBus {
  readonly published: StoredEvent[] = [];
  calls = 0;
  up = true;
  async publish(_source: string, events: readonly StoredEvent[]): Promise<void> {
    this.calls++;
    if (!this.up) throw new Error('broker unreachable');
    this.published.push(...events);
  }
}

describe('EventRelay', () => {
  let store: ArrayEventStore;
  let bus: SwitchableBus;
  let checkpoints: CheckpointStore;
  let factory: StoredEventFactory;
  const relays: EventRelay[] = [];
  const relay = (overrides: Partial<EventRelayOptions> = {}) => {
    const created = new EventRelay({
      name: 'alpha->bus',
      source: 'alpha',
      store,
      bus,
      checkpoints,
      batchSize: 7,
      backoff: { initialBackoffMs: 5, maxBackoffMs: 20 },
      logger: silentMessagingLogger,
      ...overrides,
    });
    relays.push(created);
    return created;
  };
  const ids = (events: readonly StoredEvent[]) => events.map((e) => e.eventId);

  beforeEach(() => {
    store = new ArrayEventStore();
    bus = new SwitchableBus();
    checkpoints = new InMemoryCheckpointStore();
    factory = new StoredEventFactory();
  });
  afterEach(async () => {
    await Promise.all(relays.splice(0).map((r) => r.stop()));
  });

  it('forwards history and then live events in global order, and checkpoints each acknowledged batch', async () => {
    store.add(factory.interleaved(['s-1', 's-2', 's-3'], 10));
    const forwarding = relay();
    await forwarding.start();
    store.add(factory.interleaved(['s-1', 's-4'], 5));
    await forwarding.waitForCheckpoint(40);
    expect(ids(bus.published)).toEqual(ids(store.events));
    expect(await checkpoints.load('alpha->bus')).toBe(40);
    expect(bus.calls).toBeGreaterThanOrEqual(Math.ceil(40 / 7));
  });

  it('keeps the checkpoint while the bus is down, backs off, and catches up without gaps when it returns', async () => {
    store.add(factory.interleaved(['s-1'], 3));
    const forwarding = relay();
    await forwarding.start();
    await forwarding.waitForCheckpoint(3);
    bus.up = false;
    store.add(factory.interleaved(['s-1', 's-2'], 6));
    await waitUntil(() => bus.calls >= 6, 'several failed publish attempts');
    expect(await checkpoints.load('alpha->bus')).toBe(3);
    expect(forwarding.status()).toMatchObject({ running: true, checkpoint: 3, lastError: 'broker unreachable' });
    expect(forwarding.status().failingSince).toEqual(expect.any(String));
    bus.up = true;
    await forwarding.waitForCheckpoint(15);
    expect(ids(bus.published)).toEqual(ids(store.events));
    expect(forwarding.status().failingSince).toBeUndefined();
  });

  it('resumes from the saved checkpoint after a restart: what was acknowledged is not sent again', async () => {
    store.add(factory.interleaved(['s-1'], 5));
    const first = relay();
    await first.start();
    await first.waitForCheckpoint(5);
    await first.stop();
    store.add(factory.interleaved(['s-1'], 4));
    const second = relay();
    await second.start();
    await second.waitForCheckpoint(9);
    expect(ids(bus.published)).toEqual(ids(store.events));
  });

  it('moves the checkpoint only after the bus acknowledged the batch', async () => {
    let acknowledge!: () => void;
    const pending = new Promise<void>((resolve) => (acknowledge = resolve));
    const slowBus = { publish: () => pending };
    store.add(factory.interleaved(['s-1'], 3));
    const forwarding = relay({ bus: slowBus });
    await forwarding.start();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(await checkpoints.load('alpha->bus')).toBe(0);
    acknowledge();
    await forwarding.waitForCheckpoint(3);
    expect(await checkpoints.load('alpha->bus')).toBe(3);
  });

  it('restarts from the last saved checkpoint when saving fails: events may repeat, none is lost', async () => {
    const memory = new InMemoryCheckpointStore();
    let saves = 0;
    checkpoints = {
      load: (name) => memory.load(name),
      save: async (name, position) => {
        if (++saves === 2) throw new Error('disk full');
        await memory.save(name, position);
      },
      close: () => memory.close(),
    };
    store.add(factory.interleaved(['s-1'], 20));
    const forwarding = relay();
    await forwarding.start();
    await forwarding.waitForCheckpoint(20);
    const distinct = [...new Set(ids(bus.published))];
    expect(distinct).toEqual(ids(store.events));
    expect(bus.published.length).toBeGreaterThan(20);
    // Per stream the bus sees a replayed suffix, never a reordering: dedupe by stream position works.
    let last = 0;
    const fresh = bus.published.filter((e) => (e.streamPosition > last ? ((last = e.streamPosition), true) : false));
    expect(ids(fresh)).toEqual(ids(store.events));
  });

  it('with a bus that can prepare, encodes the next batch while the current one waits for its acknowledgement', async () => {
    const log: string[] = [];
    let acknowledgeFirst!: () => void;
    const firstAcknowledged = new Promise<void>((resolve) => (acknowledgeFirst = resolve));
    const preparingBus = {
      publish: () => Promise.reject(new Error('publish is not used when the bus can prepare')),
      prepare: (_source: string, events: readonly StoredEvent[]) => {
        const batch = `${events[0]!.globalPosition}-${events[events.length - 1]!.globalPosition}`;
        log.push(`prepare ${batch}`);
        return async () => {
          log.push(`send ${batch}`);
          if (batch === '1-7') await firstAcknowledged;
          bus.published.push(...events);
        };
      },
    };
    store.add(factory.interleaved(['s-1'], 10));
    const forwarding = relay({ bus: preparingBus });
    await forwarding.start();
    await waitUntil(() => log.includes('prepare 8-10'), 'the second batch prepared');
    expect(log).toEqual(['prepare 1-7', 'send 1-7', 'prepare 8-10']);
    expect(await checkpoints.load('alpha->bus')).toBe(0);
    acknowledgeFirst();
    await forwarding.waitForCheckpoint(10);
    expect(log).toEqual(['prepare 1-7', 'send 1-7', 'prepare 8-10', 'send 8-10']);
    expect(ids(bus.published)).toEqual(ids(store.events));
  });

  it('sends a prepared batch again after a failure, and retries a batch whose preparing failed', async () => {
    let prepares = 0;
    let sends = 0;
    const flakyBus = {
      publish: () => Promise.reject(new Error('publish is not used when the bus can prepare')),
      prepare: (_source: string, events: readonly StoredEvent[]) => {
        if (++prepares === 1) throw new Error('encoder not ready');
        return async () => {
          if (++sends === 1) throw new Error('broker unreachable');
          bus.published.push(...events);
        };
      },
    };
    store.add(factory.interleaved(['s-1'], 5));
    const forwarding = relay({ bus: flakyBus });
    await forwarding.start();
    await forwarding.waitForCheckpoint(5);
    expect(ids(bus.published)).toEqual(ids(store.events));
    // The failed prepare was tried again when the batch's turn came; the failed send was retried as prepared.
    expect(prepares).toBe(2);
    expect(sends).toBe(2);
  });

  it('keeps filtered events private but moves past them', async () => {
    store.add([factory.next('s-1'), factory.next('s-1', { type: 'InternalNoteTaken' }), factory.next('s-1')]);
    const forwarding = relay({ filter: (event) => event.type !== 'InternalNoteTaken' });
    await forwarding.start();
    await forwarding.waitForCheckpoint(3);
    expect(bus.published.map((e) => e.type)).toEqual(['ThingHappened', 'ThingHappened']);
  });

  it('refuses a bad configuration with the field at fault', () => {
    expect(() => relay({ name: '' })).toThrow(expect.objectContaining({ code: 'MESSAGING.INVALID_ARGUMENT', field: 'name' }));
    expect(() => relay({ source: 'Governance!' })).toThrow(expect.objectContaining({ code: 'MESSAGING.INVALID_ARGUMENT', field: 'source' }));
    expect(() => relay({ batchSize: 0 })).toThrow(expect.objectContaining({ code: 'MESSAGING.INVALID_ARGUMENT', field: 'batchSize' }));
  });
});
