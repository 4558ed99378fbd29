import { backoffDelay } from './backoff';
import { HANDLER_FAILED, MessagingError, RejectedMessageError, errorCode, errorMessage } from './errors';
import type { RetryPolicy } from './event-bus.port';
import type { MessagingLogger } from './messaging-logger';

/** One message of a partition as an adapter hands it over: decoded, or why it could not be. */
export interface PipelineMessage<P> {
  readonly offset: string;
  readonly decoded: { readonly ok: true; readonly payload: P } | { readonly ok: false; readonly error: MessagingError };
}

export interface PipelineHooks<P, M extends PipelineMessage<P>> {
  readonly handle: (payloads: readonly P[], messages: readonly M[]) => Promise<void> | void;
  readonly retry: RetryPolicy;
  /** Puts a message on the dead-letter topic; must resolve only once that is durable. */
  readonly deadLetter: (message: M, error: { code: string; message: string }, attempts: number) => Promise<void>;
  /** Everything up to and including `message` is done: commit past it. */
  readonly commit: (message: M) => Promise<void>;
  /** False once the member stops or loses the partition: leave the rest for redelivery. */
  readonly shouldContinue: () => boolean;
  /** Resolves false when interrupted by shutdown. */
  readonly sleep: (ms: number) => Promise<boolean>;
  /** Keeps group membership alive during long retries (Kafka needs it; in-process does not). */
  readonly heartbeat?: () => Promise<void>;
  readonly logger: MessagingLogger;
  readonly context: Record<string, unknown>;
}

const HEARTBEAT_SLICE_MS = 1_000;

/**
 * The consumer semantics both adapters share, for one partition's batch, in order:
 * - decoded messages are handed over in runs; a run that fails is retried message by
 *   message (the handler is idempotent, so repeating the good ones is harmless);
 * - a message that fails `maxAttempts` times is dead-lettered and the partition goes on;
 * - a message that could not be decoded or accepted is dead-lettered at once;
 * - progress is committed after each run, so a shutdown or rebalance redelivers at most
 *   the run in hand.
 * Returns false when it stopped early (shutdown or lost partition).
 */
export async function runDeliveryPipeline<P, M extends PipelineMessage<P>>(messages: readonly M[], hooks: PipelineHooks<P, M>): Promise<boolean> {
  let run: M[] = [];
  for (const message of messages) {
    if (!hooks.shouldContinue()) return false;
    if (message.decoded.ok) {
      run.push(message);
      continue;
    }
    if (run.length > 0 && !(await handleRun(run, hooks))) return false;
    run = [];
    hooks.logger.warn('Dead-lettering a message that was refused before any handler ran.', {
      ...hooks.context,
      offset: message.offset,
      code: message.decoded.error.code,
      error: message.decoded.error.message,
    });
    await hooks.deadLetter(message, { code: message.decoded.error.code, message: message.decoded.error.message }, 0);
    await hooks.commit(message);
  }
  if (run.length > 0) return handleRun(run, hooks);
  return true;
}

const payloadOf = <P>(message: PipelineMessage<P>): P => (message.decoded as { payload: P }).payload;

async function handleRun<P, M extends PipelineMessage<P>>(run: readonly M[], hooks: PipelineHooks<P, M>): Promise<boolean> {
  try {
    await hooks.handle(run.map(payloadOf), run);
    await hooks.commit(run[run.length - 1]!);
    return true;
  } catch (error) {
    if (run.length > 1) {
      hooks.logger.debug('A batch failed; retrying its messages one by one.', { ...hooks.context, error: errorMessage(error) });
    }
    // A single message's first attempt was the batch call itself; don't repeat it at once.
    let firstAttemptDone = run.length === 1 ? error : undefined;
    for (const message of run) {
      if (!hooks.shouldContinue()) return false;
      const outcome = await handleOne(message, hooks, firstAttemptDone);
      firstAttemptDone = undefined;
      if (outcome === 'interrupted') return false;
      await hooks.commit(message);
    }
    return true;
  }
}

async function handleOne<P, M extends PipelineMessage<P>>(
  message: M,
  hooks: PipelineHooks<P, M>,
  failedFirstAttempt: unknown,
): Promise<'handled' | 'dead-lettered' | 'interrupted'> {
  let lastError: unknown = failedFirstAttempt;
  let attempt = failedFirstAttempt === undefined ? 0 : 1;
  // A handler that throws RejectedMessageError says retrying cannot help.
  while (attempt < hooks.retry.maxAttempts && !(lastError instanceof RejectedMessageError)) {
    if (attempt > 0) {
      const delay = backoffDelay(attempt, hooks.retry);
      hooks.logger.warn('Handler failed; retrying after backoff.', { ...hooks.context, offset: message.offset, attempt, delayMs: delay, error: errorMessage(lastError) });
      if (!(await sleepWithHeartbeats(delay, hooks))) return 'interrupted';
      if (!hooks.shouldContinue()) return 'interrupted';
    }
    attempt++;
    try {
      await hooks.handle([payloadOf(message)], [message]);
      return 'handled';
    } catch (error) {
      lastError = error;
    }
  }
  const code = lastError instanceof MessagingError ? errorCode(lastError) : HANDLER_FAILED;
  hooks.logger.error('Handler kept failing; dead-lettering the message and moving on.', { ...hooks.context, offset: message.offset, attempts: attempt, error: errorMessage(lastError) });
  await hooks.deadLetter(message, { code, message: errorMessage(lastError) }, attempt);
  return 'dead-lettered';
}

async function sleepWithHeartbeats<P, M extends PipelineMessage<P>>(ms: number, hooks: PipelineHooks<P, M>): Promise<boolean> {
  let left = ms;
  while (left > 0) {
    const slice = hooks.heartbeat ? Math.min(left, HEARTBEAT_SLICE_MS) : left;
    if (!(await hooks.sleep(slice))) return false;
    left -= slice;
    if (hooks.heartbeat) await hooks.heartbeat();
  }
  return true;
}
