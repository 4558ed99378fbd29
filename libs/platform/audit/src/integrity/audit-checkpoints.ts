import { ConcurrencyConflictError, StreamNotFoundError, canonicalJson, type EventStore, type NewEvent, type StoredEvent } from '@leerzone/kernel';
import { CHECKPOINT_ALGORITHM, type CheckpointSigner } from './checkpoint-keys';
import { RollingDigest } from './hash-chain';

/** The system stream holding the signed checkpoints: in the store, so they travel with a migration. */
export const CHECKPOINT_STREAM = 'audit-checkpoints';
export const CHECKPOINT_EVENT_TYPE = 'AuditCheckpointSigned';
/** The tenant of platform-owned streams; no tenant's auditor reads them through the audit API. */
export const PLATFORM_TENANT = '_platform';

/** `AuditCheckpointSigned` v1: the digest of the first `eventCount` events of the global order, signed. */
export interface AuditCheckpointSigned {
  /** Global position of the last covered event in the store that signed it (informational after a migration). */
  readonly upToGlobalPosition: number;
  /** How many events the digest covers, counted in global order: what verify matches on. */
  readonly eventCount: number;
  /** Id of the last covered event: pins the checkpoint to that event in any store. */
  readonly lastEventId: string;
  readonly digest: string;
  readonly algorithm: typeof CHECKPOINT_ALGORITHM;
  readonly keyId: string;
  readonly signedAt: string;
  /** Base64 Ed25519 signature over `checkpointSigningPayload` of the fields above. */
  readonly signature: string;
}

/** Exactly the bytes that are signed: canonical JSON of every field but the signature. */
export function checkpointSigningPayload(checkpoint: Omit<AuditCheckpointSigned, 'signature'>): string {
  return canonicalJson({
    algorithm: checkpoint.algorithm,
    digest: checkpoint.digest,
    eventCount: checkpoint.eventCount,
    keyId: checkpoint.keyId,
    lastEventId: checkpoint.lastEventId,
    signedAt: checkpoint.signedAt,
    upToGlobalPosition: checkpoint.upToGlobalPosition,
  });
}

/** The checkpoints in the store, oldest first; none when the stream does not exist. */
export async function readCheckpoints(store: EventStore): Promise<StoredEvent<string, AuditCheckpointSigned>[]> {
  try {
    const events = await store.readStream(CHECKPOINT_STREAM);
    return events.filter((event) => event.type === CHECKPOINT_EVENT_TYPE) as StoredEvent<string, AuditCheckpointSigned>[];
  } catch (error) {
    if (error instanceof StreamNotFoundError) return [];
    throw error;
  }
}

export interface CheckpointWriterOptions {
  readonly store: EventStore;
  readonly signer: CheckpointSigner;
  readonly newId: () => string;
  readonly clock?: () => Date;
  /** Events read per batch while digesting. Default 2000. */
  readonly batchSize?: number;
}

export type CheckpointOutcome =
  | { readonly written: true; readonly checkpoint: AuditCheckpointSigned; readonly event: StoredEvent }
  | { readonly written: false; readonly reason: 'nothing-new' | 'empty-store' | 'lost-race' };

/**
 * Signs checkpoints. Keeps the rolling digest in memory between calls, so after the first
 * walk each checkpoint only reads what was appended since. Several processes may run a
 * writer: the append expects the checkpoint stream's version, so only one of two
 * simultaneous checkpoints is stored and the other reports `lost-race`.
 */
export class CheckpointWriter {
  private readonly digest = new RollingDigest();
  private readonly clock: () => Date;
  private readonly batchSize: number;
  private position = 0;
  /** How many events (in global order) the newest checkpoint signed with our key covers. */
  private covered = 0;
  /** The count at the newest event that is not itself a checkpoint. */
  private lastRealEvent = 0;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: CheckpointWriterOptions) {
    this.clock = options.clock ?? (() => new Date());
    this.batchSize = options.batchSize ?? 2_000;
  }

  /** Signs a checkpoint over everything stored now, unless nothing but checkpoints was appended since the last one. */
  checkpoint(): Promise<CheckpointOutcome> {
    const run = this.queue.then(() => this.write());
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** Only a checkpoint this key signed counts as coverage: a forged one must not silence the writer. */
  private isOwnCheckpoint(event: StoredEvent): boolean {
    if (event.streamId !== CHECKPOINT_STREAM || event.type !== CHECKPOINT_EVENT_TYPE) return false;
    const data = event.data as AuditCheckpointSigned;
    return data.keyId === this.options.signer.keyId && this.options.signer.verify(checkpointSigningPayload(data), data.signature);
  }

  private async write(): Promise<CheckpointOutcome> {
    const { store, signer } = this.options;
    const head = await store.headPosition();
    if (head === 0) return { written: false, reason: 'empty-store' };
    const checkpointVersion = await store.streamVersion(CHECKPOINT_STREAM);
    while (this.position < head) {
      const batch = await store.readAll({ after: this.position, limit: Math.min(this.batchSize, 10_000) });
      if (batch.length === 0) break;
      for (const event of batch) {
        if (event.globalPosition > head) break;
        this.digest.add(event);
        this.position = event.globalPosition;
        if (this.isOwnCheckpoint(event)) this.covered = Math.max(this.covered, (event.data as AuditCheckpointSigned).eventCount);
        else if (event.streamId !== CHECKPOINT_STREAM) this.lastRealEvent = this.digest.count;
      }
    }
    // A checkpoint that only covers the previous checkpoint would tick forever on an idle store.
    if (this.lastRealEvent <= this.covered) return { written: false, reason: 'nothing-new' };
    const last = this.digest.lastEvent!;
    const unsigned = {
      upToGlobalPosition: last.globalPosition,
      eventCount: this.digest.count,
      lastEventId: last.eventId,
      digest: this.digest.digest,
      algorithm: CHECKPOINT_ALGORITHM,
      keyId: signer.keyId,
      signedAt: this.clock().toISOString(),
    } as const;
    const checkpoint: AuditCheckpointSigned = { ...unsigned, signature: signer.sign(checkpointSigningPayload(unsigned)) };
    const eventId = this.options.newId();
    const event: NewEvent<typeof CHECKPOINT_EVENT_TYPE, AuditCheckpointSigned> = {
      eventId,
      type: CHECKPOINT_EVENT_TYPE,
      schemaVersion: 1,
      tenantId: PLATFORM_TENANT,
      occurredAt: unsigned.signedAt,
      actor: { id: 'audit-checkpointer', kind: 'service' },
      correlationId: eventId,
      causationId: eventId,
      data: checkpoint,
      metadata: {},
    };
    try {
      const result = await store.append(CHECKPOINT_STREAM, [event], { expectedVersion: checkpointVersion });
      this.covered = checkpoint.eventCount;
      return { written: true, checkpoint, event: result.events[0]! };
    } catch (error) {
      if (error instanceof ConcurrencyConflictError) return { written: false, reason: 'lost-race' };
      throw error;
    }
  }
}

export interface PeriodicCheckpoints {
  stop(): Promise<void>;
}

/**
 * Signs a checkpoint every `intervalMs` (default 5 minutes) when something was appended.
 * Failures go to `onError` and the next tick tries again.
 */
export function startPeriodicCheckpoints(writer: CheckpointWriter, options: { readonly intervalMs?: number; readonly onError?: (error: unknown) => void } = {}): PeriodicCheckpoints {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = writer.checkpoint().catch((error: unknown) => options.onError?.(error));
  }, options.intervalMs ?? 300_000);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
