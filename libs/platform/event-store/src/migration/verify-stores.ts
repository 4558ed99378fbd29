import type { EventStore, StoredEvent } from '@leerzone/kernel';
import { StoreDigest, canonicalEnvelope, type DigestResult } from './store-digest';

export interface Difference {
  /** 0-based index in global order. */
  readonly index: number;
  readonly description: string;
}

export interface VerificationResult {
  readonly source: DigestResult;
  readonly target: DigestResult;
  /** Same count, same checksum, and no broken link in the target's hash chains. */
  readonly identical: boolean;
  readonly firstDifference?: Difference;
}

export interface VerifyOptions {
  readonly batchSize?: number;
  readonly signal?: AbortSignal;
  /** Called after each batch with how many events of each store were read so far. */
  readonly onProgress?: (progress: { readonly source: number; readonly target: number }) => void;
}

const where = (event: StoredEvent) => `${event.streamId}@${event.streamPosition} (event ${event.eventId})`;

function describe(index: number, source: StoredEvent | undefined, target: StoredEvent | undefined): Difference {
  if (!target) return { index, description: `event #${index + 1}, ${where(source!)}, is missing in the target` };
  if (!source) return { index, description: `event #${index + 1}, ${where(target)}, is in the target but not in the source` };
  const fields = (Object.keys({ ...source, ...target }) as (keyof StoredEvent)[]).filter(
    (key) => key !== 'globalPosition' && JSON.stringify(source[key]) !== JSON.stringify(target[key]),
  );
  return { index, description: `event #${index + 1} differs in ${fields.join(', ') || 'key order'}: source ${where(source)}, target ${where(target)}` };
}

/** Reads one store forward in batches, one event at a time. */
class Cursor {
  private batch: StoredEvent[] = [];
  private next = 0;
  private after = 0;
  private done = false;
  read = 0;

  constructor(
    private readonly store: EventStore,
    private readonly batchSize: number,
  ) {}

  async take(): Promise<StoredEvent | undefined> {
    if (this.next === this.batch.length && !this.done) {
      this.batch = await this.store.readAll({ after: this.after, limit: this.batchSize });
      this.next = 0;
      if (this.batch.length === 0) this.done = true;
      else this.after = this.batch[this.batch.length - 1]!.globalPosition;
    }
    if (this.next === this.batch.length) return undefined;
    this.read++;
    return this.batch[this.next++];
  }

  get atBatchEnd(): boolean {
    return this.next === this.batch.length;
  }
}

/**
 * Compares two stores event by event in global order: counts, a checksum over the
 * canonical envelopes (recorded-at and hash included), and every stream's hash chain,
 * recomputed from the content. Reports the first difference to point an operator at it.
 */
export async function verifyStores(source: EventStore, target: EventStore, options: VerifyOptions = {}): Promise<VerificationResult> {
  const batchSize = options.batchSize ?? 1000;
  const sourceDigest = new StoreDigest();
  const targetDigest = new StoreDigest();
  const sourceCursor = new Cursor(source, batchSize);
  const targetCursor = new Cursor(target, batchSize);
  let firstDifference: Difference | undefined;
  for (let index = 0; ; index++) {
    options.signal?.throwIfAborted();
    const [s, t] = await Promise.all([sourceCursor.take(), targetCursor.take()]);
    if (!s && !t) break;
    if (s) sourceDigest.add(s);
    if (t) targetDigest.add(t);
    if (!firstDifference && (!s || !t || canonicalEnvelope(s) !== canonicalEnvelope(t))) firstDifference = describe(index, s, t);
    if (sourceCursor.atBatchEnd || targetCursor.atBatchEnd) options.onProgress?.({ source: sourceCursor.read, target: targetCursor.read });
  }
  const sourceResult = sourceDigest.result();
  const targetResult = targetDigest.result();
  const identical = sourceResult.events === targetResult.events && sourceResult.checksum === targetResult.checksum && targetResult.brokenLinks === 0;
  return { source: sourceResult, target: targetResult, identical, ...(firstDifference ? { firstDifference } : {}) };
}
