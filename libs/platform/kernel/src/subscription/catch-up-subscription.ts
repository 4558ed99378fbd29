import type { StoredEvent } from '../envelope/event-envelope';
import type { SubscribeOptions, Subscription } from '../event-store/event-store.port';
import { InvalidArgumentError } from '../event-store/errors';
import type { AppendSignal } from './append-signal';

export interface CatchUpSource {
  readAll(options: { after: number; limit: number }): Promise<StoredEvent[]>;
  headPosition(): Promise<number>;
  readonly signal: AppendSignal;
  /** How long to sleep when idle before looking again (appends by other processes). */
  readonly pollIntervalMs: number;
}

/**
 * The catch-up loop every adapter shares: read a batch after the last delivered
 * position, hand it over, repeat; when nothing is left, wait for an append signal or
 * the poll interval. Positions only move forward, so each event is delivered once.
 */
export function startCatchUpSubscription(source: CatchUpSource, options: SubscribeOptions): Subscription {
  const batchSize = options.batchSize ?? 500;
  let position = options.after ?? 0;
  if (!Number.isSafeInteger(position) || position < 0) throw new InvalidArgumentError('after', 'after must be a non-negative integer.');
  let stopped = false;
  let cancelWait: (() => void) | undefined;
  let markCaughtUp!: () => void;
  let failCaughtUp!: (error: unknown) => void;
  const caughtUp = new Promise<void>((resolve, reject) => {
    markCaughtUp = resolve;
    failCaughtUp = reject;
  });
  caughtUp.catch(() => undefined);

  const run = async (): Promise<void> => {
    const target = await source.headPosition();
    let isCaughtUp = false;
    while (!stopped) {
      // An append signalled while this batch is read would otherwise find no waiter and be seen only at the next poll.
      const signalled = source.signal.count;
      const batch = await source.readAll({ after: position, limit: batchSize });
      if (batch.length > 0) {
        await options.onEvents(batch);
        position = batch[batch.length - 1]!.globalPosition;
      }
      if (!isCaughtUp && (position >= target || batch.length === 0)) {
        isCaughtUp = true;
        markCaughtUp();
      }
      if (batch.length < batchSize && !stopped) {
        const wait = source.signal.wait(source.pollIntervalMs, signalled);
        cancelWait = wait.cancel;
        await wait.promise;
        cancelWait = undefined;
      }
    }
  };

  const done = run().catch((error: unknown) => {
    stopped = true;
    failCaughtUp(error);
    if (options.onError) options.onError(error);
  });

  return {
    caughtUp,
    position: () => position,
    stop: async () => {
      stopped = true;
      cancelWait?.();
      await done;
    },
  };
}
