/**
 * Wakes waiting subscriptions when an append commits in this process. Appends by other
 * processes are picked up by the poll timeout, so a waiter never sleeps longer than that.
 */
export class AppendSignal {
  private waiters = new Set<() => void>();

  notify(): void {
    const waiters = this.waiters;
    this.waiters = new Set();
    waiters.forEach((wake) => wake());
  }

  wait(timeoutMs: number): { promise: Promise<void>; cancel: () => void } {
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
