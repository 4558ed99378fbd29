/**
 * Wakes waiting subscriptions when an append commits in this process. Appends by other
 * processes are picked up by the poll timeout, so a waiter never sleeps longer than that.
 */
export class AppendSignal {
  private waiters = new Set<() => void>();
  private notifications = 0;

  /** How many appends were signalled so far; pass it to `wait` so one signalled since is not missed. */
  get count(): number {
    return this.notifications;
  }

  notify(): void {
    this.notifications++;
    const waiters = this.waiters;
    this.waiters = new Set();
    waiters.forEach((wake) => wake());
  }

  /** Waits for the next append or the timeout; returns at once when an append was signalled after `since` (a `count`). */
  wait(timeoutMs: number, since?: number): { promise: Promise<void>; cancel: () => void } {
    if (since !== undefined && since !== this.notifications) return { promise: Promise.resolve(), cancel: () => undefined };
    let wake!: () => void;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const promise = new Promise<void>((resolve) => {
      wake = () => {
        if (timer) clearTimeout(timer);
        this.waiters.delete(wake);
        resolve();
      };
      timer = setTimeout(wake, timeoutMs);
      this.waiters.add(wake);
    });
    return { promise, cancel: wake };
  }
}
