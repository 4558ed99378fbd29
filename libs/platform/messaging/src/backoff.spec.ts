import { InterruptibleSleeper, backoffDelay } from './backoff';

describe('backoff', () => {
  const policy = { initialBackoffMs: 100, maxBackoffMs: 1_000 };

  it('doubles per attempt up to the cap, with jitter between half and the full delay', () => {
    expect([1, 2, 3, 4, 5, 9].map((attempt) => backoffDelay(attempt, policy, () => 1))).toEqual([100, 200, 400, 800, 1_000, 1_000]);
    expect([1, 2, 5].map((attempt) => backoffDelay(attempt, policy, () => 0))).toEqual([50, 100, 500]);
  });

  it('cuts every sleep short on interrupt, and later sleeps end at once', async () => {
    const sleeper = new InterruptibleSleeper();
    const long = sleeper.sleep(60_000);
    sleeper.interrupt();
    await expect(long).resolves.toBe(false);
    await expect(sleeper.sleep(60_000)).resolves.toBe(false);
    await expect(new InterruptibleSleeper().sleep(1)).resolves.toBe(true);
  });
});
