import { InMemoryInbox, freshEvents } from './inbox';
import { StoredEventFactory } from './testing';

describe('inbox', () => {
  it('treats an event at or below the applied position of its stream as a repeat', () => {
    const factory = new StoredEventFactory();
    const [a1, b1, a2, b2, a3] = [factory.next('a'), factory.next('b'), factory.next('a'), factory.next('b'), factory.next('a')];
    const applied = new Map([['a', 1]]);
    const { fresh, positions } = freshEvents([a1!, b1!, a2!, a2!, b2!, a3!], (stream) => applied.get(stream) ?? 0);
    expect(fresh).toEqual([b1, a2, b2, a3]);
    expect(positions).toEqual(new Map([['b', 2], ['a', 3]]));
  });

  it('applies a redelivered batch once and keeps consumers apart', async () => {
    const factory = new StoredEventFactory();
    const events = factory.interleaved(['a', 'b'], 3);
    const inbox = new InMemoryInbox();
    const applied: string[] = [];
    const effect = (fresh: readonly { eventId: string }[]) => void applied.push(...fresh.map((e) => e.eventId));
    await inbox.handle('read-model', events.slice(0, 4), effect);
    await inbox.handle('read-model', events, effect);
    await inbox.handle('read-model', events, effect);
    expect(applied).toEqual(events.map((e) => e.eventId));
    expect(await inbox.handle('another-consumer', events, () => undefined)).toHaveLength(6);
  });

  it('records nothing when the effect fails, so the retry applies the events', async () => {
    const factory = new StoredEventFactory();
    const events = factory.interleaved(['a'], 2);
    const inbox = new InMemoryInbox();
    await expect(inbox.handle('rm', events, () => Promise.reject(new Error('db down')))).rejects.toThrow('db down');
    expect(await inbox.handle('rm', events, () => undefined)).toEqual(events);
  });
});
