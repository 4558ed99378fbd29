import { ConcurrencyConflictError, DuplicateEventIdError, EventStoreError, type EventStore, type StoredEvent } from '@leerzone/kernel';
import { toNewEvent } from './store-digest';

export class MigrationError extends EventStoreError {
  constructor(message: string) {
    super('EVENT_STORE.MIGRATION_FAILED', message);
  }
}

/**
 * The target store's clock during a migration. Stores stamp recorded-at themselves; the
 * migration sets this clock to the source event's recorded-at before each append, so the
 * copy keeps the original instant (open the target with `{ clock: replayClock.now }`).
 */
export class ReplayClock {
  private current = new Date();
  readonly now = (): Date => new Date(this.current.getTime());

  set(recordedAt: string): void {
    const instant = new Date(recordedAt);
    if (Number.isNaN(instant.getTime())) throw new MigrationError(`recorded-at "${recordedAt}" is not an instant.`);
    this.current = instant;
  }
}

export interface MigrationProgress {
  /** `scan`: checking what the target already holds; `copy`: appending the rest. */
  readonly phase: 'scan' | 'copy';
  /** Events found already in the target (a resumed run). */
  readonly alreadyPresent: number;
  /** Events appended by this run. */
  readonly copied: number;
  /** Global position in the source up to which everything is in the target. */
  readonly sourcePosition: number;
  /** The source's head when the run started; with `sourcePosition`, a measure of how far it got. */
  readonly sourceHead: number;
}

export interface MigrateOptions {
  /** The clock the target was opened with; without it recorded-at is re-stamped (and verification says so). */
  readonly clock?: ReplayClock;
  /** Events per read; appends are at most this big. Default 1000. */
  readonly batchSize?: number;
  /** Stops after the append in flight; run again to continue. */
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: MigrationProgress) => void;
}

export interface MigrationOutcome {
  readonly alreadyPresent: number;
  readonly copied: number;
  /** False when stopped through the signal before the end of the source. */
  readonly complete: boolean;
}

/**
 * Consecutive events that one append can carry: one stream, consecutive positions, one
 * recorded-at (they were one append in the source, or could have been).
 */
export function appendRuns(events: readonly StoredEvent[], maxRun: number): StoredEvent[][] {
  const runs: StoredEvent[][] = [];
  for (const event of events) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    if (run && last && run.length < maxRun && last.streamId === event.streamId && last.recordedAt === event.recordedAt && last.streamPosition + 1 === event.streamPosition) {
      run.push(event);
    } else {
      runs.push([event]);
    }
  }
  return runs;
}

/**
 * Finds how much of the source the target already holds: reads both from the start and
 * compares event ids in order. The target must be empty or a copy of the source's first
 * events — anything else is refused rather than merged.
 */
async function alreadyCopied(source: EventStore, target: EventStore, options: MigrateOptions & { sourceHead: number }): Promise<{ after: number; count: number }> {
  const batchSize = options.batchSize ?? 1000;
  let sourceAfter = 0;
  let targetAfter = 0;
  let count = 0;
  for (;;) {
    options.signal?.throwIfAborted();
    const inTarget = await target.readAll({ after: targetAfter, limit: batchSize });
    if (inTarget.length === 0) return { after: sourceAfter, count };
    const inSource = await source.readAll({ after: sourceAfter, limit: inTarget.length });
    inTarget.forEach((event, i) => {
      const expected = inSource[i];
      if (!expected) throw new MigrationError(`The target holds more events than the source (event ${event.eventId} on ${event.streamId} and after); it is not a copy of this source.`);
      if (expected.eventId !== event.eventId) {
        throw new MigrationError(
          `The target is not a copy of the source's first events: event #${count + i + 1} is ${event.eventId} (${event.streamId}) in the target but ${expected.eventId} (${expected.streamId}) in the source. Migrate into an empty store.`,
        );
      }
    });
    count += inTarget.length;
    sourceAfter = inSource[inSource.length - 1]!.globalPosition;
    targetAfter = inTarget[inTarget.length - 1]!.globalPosition;
    options.onProgress?.({ phase: 'scan', alreadyPresent: count, copied: 0, sourcePosition: sourceAfter, sourceHead: options.sourceHead });
  }
}

/**
 * Copies every event of `source` into `target` in global order, keeping ids, stream
 * positions, envelopes and (with `clock`) recorded-at; the target recomputes each hash,
 * which therefore matches the source's exactly when the source's chain is intact.
 *
 * Resumable: a second run finds what the first one copied and continues after it. Appends
 * are atomic, so an interrupted run leaves the target a clean prefix of the source.
 */
export async function migrateEvents(source: EventStore, target: EventStore, options: MigrateOptions = {}): Promise<MigrationOutcome> {
  const batchSize = options.batchSize ?? 1000;
  const sourceHead = await source.headPosition();
  const start = await alreadyCopied(source, target, { ...options, sourceHead });
  let after = start.after;
  let copied = 0;
  const progress = (): void => options.onProgress?.({ phase: 'copy', alreadyPresent: start.count, copied, sourcePosition: after, sourceHead });
  progress();
  for (;;) {
    const batch = await source.readAll({ after, limit: batchSize });
    if (batch.length === 0) return { alreadyPresent: start.count, copied, complete: true };
    for (const run of appendRuns(batch, batchSize)) {
      if (options.signal?.aborted) return { alreadyPresent: start.count, copied, complete: false };
      const first = run[0]!;
      options.clock?.set(first.recordedAt);
      try {
        await target.append(first.streamId, run.map(toNewEvent), { expectedVersion: first.streamPosition - 1 });
      } catch (error) {
        if (error instanceof ConcurrencyConflictError || error instanceof DuplicateEventIdError) {
          throw new MigrationError(
            `Stream ${first.streamId} in the target does not continue where the source does (${error.message}); was the target written to during the migration?`,
          );
        }
        throw error;
      }
      copied += run.length;
      after = run[run.length - 1]!.globalPosition;
      progress();
    }
  }
}
