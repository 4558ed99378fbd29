import { AppendSignal } from './append-signal';

describe('AppendSignal', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  /** Lets the promise callbacks already due run (no timers involved). */
  const settled = async (promise: Promise<void>): Promise<boolean> => {
    let done = false;
    void promise.then(() => (done = true));
    await Promise.resolve();
    await Promise.resolve();
    return done;
  };

  it('wakes every waiter on notify, before the timeout, and leaves no timer behind', async () => {
    const signal = new AppendSignal();
    const first = signal.wait(60_000);
    const second = signal.wait(60_000);
    expect(jest.getTimerCount()).toBe(2);
    signal.notify();
    expect(await settled(first.promise)).toBe(true);
    expect(await settled(second.promise)).toBe(true);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('wakes a waiter no one notifies when its timeout passes', async () => {
    const signal = new AppendSignal();
    const { promise } = signal.wait(1_000);
    jest.advanceTimersByTime(999);
    expect(await settled(promise)).toBe(false);
    jest.advanceTimersByTime(1);
    expect(await settled(promise)).toBe(true);
    expect(jest.getTimerCount()).toBe(0);
  });

  it('wakes only those already waiting: a wait begun after a notify waits for the next one', async () => {
    const signal = new AppendSignal();
    signal.notify();
    const { promise } = signal.wait(60_000);
    expect(await settled(promise)).toBe(false);
    signal.notify();
    expect(await settled(promise)).toBe(true);
  });

  it('lets a waiter cancel its wait, which wakes it and clears its timer', async () => {
    const signal = new AppendSignal();
    const { promise, cancel } = signal.wait(60_000);
    const other = signal.wait(60_000);
    cancel();
    expect(await settled(promise)).toBe(true);
    expect(await settled(other.promise)).toBe(false);
    expect(jest.getTimerCount()).toBe(1);
    signal.notify();
    expect(await settled(other.promise)).toBe(true);
  });

  it('counts the appends it signalled, and returns at once from a wait given an older count', async () => {
    const signal = new AppendSignal();
    const seen = signal.count;
    signal.notify();
    expect(signal.count).toBe(seen + 1);
    const missed = signal.wait(60_000, seen);
    expect(await settled(missed.promise)).toBe(true);
    expect(jest.getTimerCount()).toBe(0);
    missed.cancel();
    const current = signal.wait(60_000, signal.count);
    expect(await settled(current.promise)).toBe(false);
    signal.notify();
    expect(await settled(current.promise)).toBe(true);
  });
});
