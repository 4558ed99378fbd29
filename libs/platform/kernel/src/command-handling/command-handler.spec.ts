import { ConcurrencyConflictError, StreamNotFoundError } from '../event-store/errors';
import type { AppendResult, EventStore } from '../event-store/event-store.port';
import type { NewEvent, StoredEvent } from '../envelope/event-envelope';
import { reject, type Decider } from '../decider/decider';
import { EventSchemaRegistry } from '../upcasting/event-schema-registry';
import { testContext } from '../testing/decider-specification';
import { handleCommand, toNewEvent } from './command-handler';

type CounterEvent = { type: 'Incremented'; data: { by: number } };
type CounterCommand = { type: 'Increment'; by: number; max: number };

const counter: Decider<CounterCommand, CounterEvent, number> = {
  initialState: 0,
  decide: (command, state) =>
    state + command.by > command.max ? reject('precondition', 'COUNTER.LIMIT', `Would exceed ${command.max}.`, { field: 'by' }) : [{ type: 'Incremented', data: { by: command.by } }],
  evolve: (state, event) => state + event.data.by,
};

/**
 * A store double whose append can be told to lose the race a number of times, to show the
 * handler re-reads, re-decides and gives up after its bound. (The real adapters are tested
 * by the contract suite; this tests the handler's own logic.)
 */
class RacyStore implements Partial<EventStore> {
  events: StoredEvent[] = [];
  losses = 0;
  appends = 0;

  async readStream(streamId: string): Promise<StoredEvent[]> {
    const found = this.events.filter((e) => e.streamId === streamId);
    if (found.length === 0) throw new StreamNotFoundError(streamId);
    return found;
  }

  async streamVersion(streamId: string): Promise<number> {
    return this.events.filter((e) => e.streamId === streamId).length;
  }

  async append(streamId: string, events: readonly NewEvent[], options: { expectedVersion: number | 'any' }): Promise<AppendResult> {
    this.appends++;
    if (this.losses > 0) {
      this.losses--;
      // Someone else appended in between.
      this.push(streamId, { ...events[0]!, eventId: `other-${this.appends}`, data: { by: 1 } });
    }
    const version = await this.streamVersion(streamId);
    if (options.expectedVersion !== version) throw new ConcurrencyConflictError(streamId, options.expectedVersion as number, version);
    const stored = events.map((e) => this.push(streamId, e));
    return { nextExpectedVersion: version + events.length, lastGlobalPosition: this.events.length, written: true, events: stored };
  }

  push(streamId: string, event: NewEvent): StoredEvent {
    const stored: StoredEvent = {
      ...event,
      streamId,
      streamPosition: this.events.filter((e) => e.streamId === streamId).length + 1,
      globalPosition: this.events.length + 1,
      recordedAt: event.occurredAt,
      hash: 'h',
    };
    this.events.push(stored);
    return stored;
  }
}

let ids = 0;
const deps = (store: RacyStore, extra: { maxRetries?: number; schemas?: EventSchemaRegistry } = {}) => ({
  store: store as unknown as EventStore,
  newId: () => `id-${++ids}`,
  ...extra,
});

describe('handleCommand', () => {
  it('decides on the folded state and appends with the envelope from the context', async () => {
    const store = new RacyStore();
    const ctx = testContext({ reason: 'why not', traceparent: '00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01' });
    const outcome = await handleCommand(deps(store), counter, 'counter-1', { type: 'Increment', by: 2, max: 10 }, ctx);
    expect(outcome).toMatchObject({ ok: true, state: 2, version: 1 });
    expect(store.events[0]).toMatchObject({
      type: 'Incremented',
      schemaVersion: 1,
      tenantId: ctx.tenantId,
      actor: ctx.actor,
      reason: 'why not',
      correlationId: ctx.correlationId,
      causationId: ctx.causationId,
      traceparent: ctx.traceparent,
      occurredAt: ctx.now.toISOString(),
      data: { by: 2 },
    });
  });

  it('returns the rejection and writes nothing', async () => {
    const store = new RacyStore();
    const outcome = await handleCommand(deps(store), counter, 'counter-1', { type: 'Increment', by: 11, max: 10 }, testContext());
    expect(outcome).toMatchObject({ ok: false, rejection: { code: 'COUNTER.LIMIT', field: 'by' } });
    expect(store.appends).toBe(0);
  });

  it('re-reads and re-decides after losing a race, so the decision sees the winner', async () => {
    const store = new RacyStore();
    await handleCommand(deps(store), counter, 'c', { type: 'Increment', by: 8, max: 10 }, testContext());
    store.losses = 1;
    // With the racer's +1 the counter is at 9: +2 would now exceed the limit.
    const outcome = await handleCommand(deps(store), counter, 'c', { type: 'Increment', by: 2, max: 10 }, testContext());
    expect(outcome).toMatchObject({ ok: false, rejection: { code: 'COUNTER.LIMIT' } });
    expect(store.appends).toBe(2) // one for the first command, one lost race; the re-decision wrote nothing;
  });

  it('reports a conflict after the bounded number of retries', async () => {
    const store = new RacyStore();
    store.losses = 10;
    const outcome = await handleCommand(deps(store, { maxRetries: 2 }), counter, 'c', { type: 'Increment', by: 1, max: 1000 }, testContext());
    expect(outcome).toMatchObject({ ok: false, rejection: { code: 'STREAM.CONCURRENT_MODIFICATION', category: 'conflict' } });
    expect(store.appends).toBe(3);
  });

  it("treats another tenant's stream as absent and refuses to write into it", async () => {
    const store = new RacyStore();
    await handleCommand(deps(store), counter, 'shared-id', { type: 'Increment', by: 1, max: 10 }, testContext({ tenantId: 'a' }));
    const outcome = await handleCommand(deps(store), counter, 'shared-id', { type: 'Increment', by: 1, max: 10 }, testContext({ tenantId: 'b' }));
    expect(outcome).toMatchObject({ ok: false, rejection: { code: 'STREAM.ID_TAKEN' } });
    expect(store.events).toHaveLength(1);
  });

  it('upcasts old events before folding and writes the current schema version', async () => {
    const store = new RacyStore();
    store.push('c', { ...({} as NewEvent), eventId: 'old', type: 'Incremented', schemaVersion: 1, tenantId: testContext().tenantId, occurredAt: '2026-01-01T00:00:00.000Z', data: { amount: 5 } } as NewEvent);
    const schemas = new EventSchemaRegistry([{ type: 'Incremented', fromVersion: 1, upcast: (data) => ({ by: (data as { amount: number }).amount }) }]);
    const outcome = await handleCommand(deps(store, { schemas }), counter, 'c', { type: 'Increment', by: 1, max: 10 }, testContext());
    expect(outcome).toMatchObject({ ok: true, state: 6 });
    expect(store.events[1]!.schemaVersion).toBe(2);
  });

  it('looks facts up with the loaded state once per attempt and decides on what the lookup returns', async () => {
    const store = new RacyStore();
    await handleCommand(deps(store), counter, 'c', { type: 'Increment', by: 2, max: 10 }, testContext());
    const seen: number[] = [];
    const lookup = async (state: number): Promise<CounterCommand> => {
      seen.push(state);
      return { type: 'Increment', by: state + 1, max: 10 };
    };
    const outcome = await handleCommand(deps(store), counter, 'c', lookup, testContext());
    expect(seen).toEqual([2]);
    expect(outcome).toMatchObject({ ok: true, state: 5, version: 2 });
    expect(store.events[1]!.data).toEqual({ by: 3 });
  });

  it('returns a lookup’s rejection as it is, without deciding or writing', async () => {
    const store = new RacyStore();
    const refused = reject('not-found', 'TEAM.NOT_FOUND', 'No such team.', { field: 'teamId' });
    const decide = jest.fn(counter.decide);
    const outcome = await handleCommand(deps(store), { ...counter, decide }, 'c', async () => refused, testContext());
    expect(outcome).toEqual({ ok: false, rejection: refused });
    expect(decide).not.toHaveBeenCalled();
    expect(store.appends).toBe(0);
  });

  it('writes nothing when the decision is no events, and answers with the current state and version', async () => {
    const store = new RacyStore();
    await handleCommand(deps(store), counter, 'c', { type: 'Increment', by: 4, max: 10 }, testContext());
    const idle: Decider<CounterCommand, CounterEvent, number> = { ...counter, decide: () => [] };
    const outcome = await handleCommand(deps(store), idle, 'c', { type: 'Increment', by: 1, max: 10 }, testContext());
    expect(outcome).toEqual({ ok: true, events: [], state: 4, version: 1 });
    expect(store.appends).toBe(1);
    const fresh = await handleCommand(deps(store), idle, 'fresh', { type: 'Increment', by: 1, max: 10 }, testContext());
    expect(fresh).toEqual({ ok: true, events: [], state: 0, version: 0 });
    expect(store.appends).toBe(1);
  });

  it("refuses an id taken in another tenant on the id field, revealing nothing about the other stream", async () => {
    const store = new RacyStore();
    await handleCommand(deps(store), counter, 'shared-id', { type: 'Increment', by: 3, max: 10 }, testContext({ tenantId: 'a' }));
    const outcome = await handleCommand(deps(store), counter, 'shared-id', { type: 'Increment', by: 1, max: 10 }, testContext({ tenantId: 'b' }));
    if (outcome.ok) throw new Error('expected a refusal');
    expect(outcome.rejection).toEqual({ kind: 'rejection', category: 'conflict', code: 'STREAM.ID_TAKEN', field: 'id', message: expect.stringMatching(/\S/) });
    expect(outcome.rejection.message).not.toContain('shared-id');
  });

  it('reports the lost race with the stream and both versions', async () => {
    const store = new RacyStore();
    store.losses = 10;
    const outcome = await handleCommand(deps(store, { maxRetries: 2 }), counter, 'c', { type: 'Increment', by: 1, max: 1000 }, testContext());
    if (outcome.ok) throw new Error('expected a refusal');
    expect(outcome.rejection).toMatchObject({ details: { streamId: 'c', expectedVersion: 2, actualVersion: 3 }, message: expect.stringMatching(/\S/) });
  });

  it('retries three times by default', async () => {
    const store = new RacyStore();
    store.losses = 10;
    const outcome = await handleCommand(deps(store), counter, 'c', { type: 'Increment', by: 1, max: 1000 }, testContext());
    expect(outcome).toMatchObject({ ok: false, rejection: { code: 'STREAM.CONCURRENT_MODIFICATION' } });
    expect(store.appends).toBe(4);
  });

  it('lets any other failure of the store through, without retrying', async () => {
    const store = new RacyStore();
    const failure = new Error('disk full');
    store.append = async () => {
      store.appends++;
      throw failure;
    };
    await expect(handleCommand(deps(store), counter, 'c', { type: 'Increment', by: 1, max: 10 }, testContext())).rejects.toBe(failure);
    expect(store.appends).toBe(1);
  });
});

describe('toNewEvent', () => {
  it('builds the envelope from the context, leaving out a reason and a trace that were not given', () => {
    const ctx = testContext();
    const event = toNewEvent({ type: 'Incremented', data: { by: 1 } }, ctx, 'e-1', new EventSchemaRegistry());
    expect(event).toStrictEqual({
      eventId: 'e-1',
      type: 'Incremented',
      schemaVersion: 1,
      tenantId: ctx.tenantId,
      occurredAt: '2026-01-15T09:00:00.000Z',
      actor: ctx.actor,
      correlationId: ctx.correlationId,
      causationId: ctx.causationId,
      data: { by: 1 },
      metadata: {},
    });
  });
});
