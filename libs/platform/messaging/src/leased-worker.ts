import type { Lease } from '@leerzone/kernel';

/** Work that runs only while its lease is held: started when it is won, stopped when it is lost. */
export interface LeasedWork {
  start(): Promise<void>;
  stop(): Promise<void>;
}

export interface LeasedWorkerOptions {
  readonly lease: Lease;
  readonly work: LeasedWork;
  /** How often a standby instance tries to take the lease. Default 1000 ms. */
  readonly retryMs?: number;
  /** How often the holder confirms it still holds the lease (a loss stops the work). Default 1000 ms. */
  readonly confirmMs?: number;
  /** Told when this instance starts or stops leading. */
  readonly onChange?: (leading: boolean) => void;
  /** Told about failures (a start that failed, a server that did not answer); the worker goes on trying. */
  readonly onError?: (error: unknown) => void;
}

export type LeasedWorkerState = 'standby' | 'leading' | 'stopped';

/**
 * Runs `work` in the one instance that holds `lease`. A standby instance tries to take the
 * lease every `retryMs`; the holder confirms it every `confirmMs` and on every loss the
 * adapter reports, and stops the work as soon as it is lost, then stands by again. Start,
 * stop and loss are serialised: the work never runs twice in one instance, and it is stopped
 * before the lease is released.
 */
export class LeasedWorker {
  private current: LeasedWorkerState = 'stopped';
  private control: Promise<void> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private unsubscribe: (() => void) | undefined;
  private readonly retryMs: number;
  private readonly confirmMs: number;
  private firstTry: Promise<void> = Promise.resolve();

  constructor(private readonly options: LeasedWorkerOptions) {
    this.retryMs = options.retryMs ?? 1_000;
    this.confirmMs = options.confirmMs ?? 1_000;
  }

  get state(): LeasedWorkerState {
    return this.current;
  }

  get leading(): boolean {
    return this.current === 'leading';
  }

  /** Starts trying; resolves after the first attempt (leading or standing by). */
  start(): Promise<void> {
    if (this.current !== 'stopped') return this.firstTry;
    this.current = 'standby';
    this.unsubscribe = this.options.lease.onLost(() => this.enqueue(() => this.demote()));
    this.firstTry = this.enqueue(() => this.tick());
    return this.firstTry;
  }

  /** Stops the work if it runs, releases the lease and stops trying. */
  async stop(): Promise<void> {
    if (this.current === 'stopped') return this.control;
    const wasLeading = this.current === 'leading';
    this.current = 'stopped';
    if (this.timer) clearTimeout(this.timer);
    this.unsubscribe?.();
    await this.control;
    if (wasLeading) {
      await this.options.work.stop().catch((error: unknown) => this.options.onError?.(error));
      this.options.onChange?.(false);
    }
    await this.options.lease.release().catch((error: unknown) => this.options.onError?.(error));
  }

  private enqueue(step: () => Promise<void>): Promise<void> {
    this.control = this.control.then(step).catch((error: unknown) => this.options.onError?.(error));
    return this.control;
  }

  private schedule(ms: number): void {
    if (this.current === 'stopped') return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.enqueue(() => this.tick()), ms);
    this.timer.unref?.();
  }

  private async tick(): Promise<void> {
    if (this.current === 'stopped') return;
    try {
      if (this.current === 'standby') {
        if (await this.options.lease.tryAcquire()) await this.promote();
      } else if (!(await this.options.lease.confirm())) {
        await this.demote();
      }
    } finally {
      this.schedule(this.current === 'leading' ? this.confirmMs : this.retryMs);
    }
  }

  private async promote(): Promise<void> {
    if (this.current !== 'standby') return;
    this.current = 'leading';
    try {
      await this.options.work.start();
    } catch (error) {
      // Could not start: give the lease back so another instance may try.
      this.current = 'standby';
      await this.options.work.stop().catch(() => undefined);
      await this.options.lease.release();
      throw error;
    }
    this.options.onChange?.(true);
  }

  private async demote(): Promise<void> {
    if (this.current !== 'leading') return;
    this.current = 'standby';
    await this.options.work.stop();
    this.options.onChange?.(false);
    // The lease may still be ours by the server's account (a confirm that timed out): give it up.
    await this.options.lease.release().catch(() => undefined);
    this.schedule(this.retryMs);
  }
}
