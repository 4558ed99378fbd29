export interface BackoffPolicy {
  readonly initialBackoffMs: number;
  readonly maxBackoffMs: number;
}

/**
 * Exponential backoff with jitter: attempt 1 waits about `initial`, each further attempt
 * doubles, capped at `max`. The jitter (between half and the full delay) keeps the
 * instances of a service from retrying in lock-step after a shared outage.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const exponential = Math.min(policy.maxBackoffMs, policy.initialBackoffMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential / 2 + (random() * exponential) / 2);
}

/**
 * Sleeps that a shutdown can cut short. `sleep` resolves `true` when the full time
 * passed and `false` when `interrupt()` ended it; after `interrupt()` every sleep ends
 * at once.
 */
export class InterruptibleSleeper {
  private interrupted = false;
  private readonly pending = new Set<() => void>();

  sleep(ms: number): Promise<boolean> {
    if (this.interrupted) return Promise.resolve(false);
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.pending.delete(wake);
        resolve(true);
      }, ms);
      const wake = () => {
        clearTimeout(timer);
        this.pending.delete(wake);
        resolve(false);
      };
      this.pending.add(wake);
    });
  }

  interrupt(): void {
    this.interrupted = true;
    [...this.pending].forEach((wake) => wake());
  }

  get isInterrupted(): boolean {
    return this.interrupted;
  }
}
