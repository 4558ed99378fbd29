import { GENESIS_HASH, type EventStore, type StoredEvent } from '@leerzone/kernel';
import { checkpointSigningPayload, readCheckpoints, type AuditCheckpointSigned } from './audit-checkpoints';
import type { CheckpointKeyRing } from './checkpoint-keys';
import { RollingDigest, expectedEventHash } from './hash-chain';

/** A link of a stream's chain that does not hold. */
export interface ChainBreak {
  readonly kind: 'hash-mismatch' | 'position-gap';
  readonly streamId: string;
  readonly streamPosition: number;
  readonly globalPosition: number;
  readonly eventId: string;
  /** The position the chain expected next (differs from `streamPosition` for a gap). */
  readonly expectedPosition: number;
  /** sha256 of the event as stored now, chained to the stored hash of its predecessor. */
  readonly expectedHash: string;
  /** The hash stored with the event. */
  readonly foundHash: string;
}

/** A checkpoint that does not vouch for the store as it is now. */
export interface CheckpointProblem {
  readonly kind: 'checkpoint-signature-invalid' | 'checkpoint-untrusted-key' | 'checkpoint-digest-mismatch' | 'checkpoint-event-mismatch' | 'checkpoint-beyond-end' | 'checkpoint-malformed';
  readonly checkpointPosition: number;
  readonly eventCount?: number;
  readonly keyId?: string;
  readonly expectedDigest?: string;
  readonly foundDigest?: string;
  readonly detail: string;
}

export type IntegrityProblem = ChainBreak | CheckpointProblem;

export interface CheckpointSummary {
  readonly eventCount: number;
  readonly upToGlobalPosition: number;
  readonly digest: string;
  readonly keyId: string;
  readonly signedAt: string;
  /** Global position of the checkpoint event itself in this store. */
  readonly checkpointPosition: number;
}

export interface VerifyReport {
  readonly status: 'intact' | 'broken';
  /** Present when only one tenant's streams were checked. */
  readonly tenantId?: string;
  /** Events whose chain link was checked (the tenant's, or all). */
  readonly eventsChecked: number;
  readonly streamsChecked: number;
  /** Events read in global order (all tenants: checkpoints cover the whole store). */
  readonly eventsRead: number;
  /** The head position the walk stopped at (the head when it began). */
  readonly head: number;
  readonly checkpointsVerified: number;
  readonly lastCheckpoint?: CheckpointSummary;
  /** The first broken link or checkpoint problem in global order. */
  readonly firstProblem?: IntegrityProblem;
  /** Up to `maxProblems`, in the order found. */
  readonly problems: readonly IntegrityProblem[];
  /** Problems found beyond `maxProblems`. */
  readonly moreProblems: number;
}

export interface VerifyOptions {
  /** Check only this tenant's stream chains (checkpoints are global and always checked). */
  readonly tenantId?: string;
  /** Public keys whose checkpoints are trusted. */
  readonly keys: CheckpointKeyRing;
  /** Events per read. Default 2000. */
  readonly batchSize?: number;
  readonly maxProblems?: number;
  /** Called after each batch. */
  readonly onProgress?: (progress: { readonly eventsRead: number; readonly position: number; readonly head: number }) => void;
}

interface PendingCheckpoint {
  readonly event: StoredEvent<string, AuditCheckpointSigned>;
  readonly data: AuditCheckpointSigned;
}

const isCheckpointShape = (data: unknown): data is AuditCheckpointSigned => {
  const d = data as Record<string, unknown> | null;
  return (
    !!d &&
    Number.isSafeInteger(d['eventCount']) &&
    (d['eventCount'] as number) > 0 &&
    Number.isSafeInteger(d['upToGlobalPosition']) &&
    ['lastEventId', 'digest', 'keyId', 'signedAt', 'signature', 'algorithm'].every((field) => typeof d[field] === 'string')
  );
};

/**
 * Walks the store in global order and checks two things:
 *
 * 1. Every stream's hash chain: each event's stored hash must equal sha256 of its canonical
 *    envelope chained to the stored hash of the event before it in its stream, and stream
 *    positions must follow 1, 2, 3… An edit to one stored byte of any hashed field shows
 *    as a hash mismatch at that event.
 * 2. The signed checkpoints in `audit-checkpoints`: each signature must verify with a
 *    trusted key, and the rolling digest recomputed at the checkpoint's event count must
 *    equal the signed one. That catches what a chain alone cannot: a stream whose chain was
 *    recomputed after an edit, deleted or inserted events, a truncated store.
 *
 * The walk stops at the head position read when it began, so concurrent appends do not
 * move the goal. Memory: one (position, hash) pair per stream.
 */
export async function verifyEventStore(store: EventStore, options: VerifyOptions): Promise<VerifyReport> {
  const batchSize = Math.min(options.batchSize ?? 2_000, 10_000);
  const maxProblems = options.maxProblems ?? 20;
  const problems: IntegrityProblem[] = [];
  let moreProblems = 0;
  const report = (problem: IntegrityProblem) => {
    if (problems.length < maxProblems) problems.push(problem);
    else moreProblems++;
  };

  const head = await store.headPosition();
  const pending = new Map<number, PendingCheckpoint[]>();
  for (const event of await readCheckpoints(store)) {
    if (event.globalPosition > head) continue;
    if (!isCheckpointShape(event.data)) {
      report({ kind: 'checkpoint-malformed', checkpointPosition: event.globalPosition, detail: 'The checkpoint event lacks fields of AuditCheckpointSigned v1.' });
      continue;
    }
    const data = event.data;
    const signature = options.keys.check(data.keyId, checkpointSigningPayload(data), data.signature);
    if (signature !== 'valid') {
      report({
        kind: signature === 'unknown-key' ? 'checkpoint-untrusted-key' : 'checkpoint-signature-invalid',
        checkpointPosition: event.globalPosition,
        eventCount: data.eventCount,
        keyId: data.keyId,
        detail:
          signature === 'unknown-key'
            ? `Signed by key ${data.keyId}, which is not among the trusted keys (${options.keys.keyIds.join(', ') || 'none given'}).`
            : `The signature does not verify with key ${data.keyId}: the checkpoint was altered or forged.`,
      });
      continue;
    }
    pending.set(data.eventCount, [...(pending.get(data.eventCount) ?? []), { event, data }]);
  }

  const chains = new Map<string, { position: number; hash: string }>();
  const digest = new RollingDigest();
  let eventsChecked = 0;
  let checkpointsVerified = 0;
  let lastCheckpoint: CheckpointSummary | undefined;
  let position = 0;

  const checkLink = (event: StoredEvent) => {
    const previous = chains.get(event.streamId) ?? { position: 0, hash: GENESIS_HASH };
    const expectedHash = expectedEventHash(previous.hash, event);
    const expectedPosition = previous.position + 1;
    if (event.streamPosition !== expectedPosition || expectedHash !== event.hash) {
      report({
        kind: event.streamPosition !== expectedPosition ? 'position-gap' : 'hash-mismatch',
        streamId: event.streamId,
        streamPosition: event.streamPosition,
        globalPosition: event.globalPosition,
        eventId: event.eventId,
        expectedPosition,
        expectedHash,
        foundHash: event.hash,
      });
    }
    // Go on from what is stored, so one edited event is reported once, not its whole tail.
    chains.set(event.streamId, { position: event.streamPosition, hash: event.hash });
    eventsChecked++;
  };

  const checkCheckpoints = (event: StoredEvent) => {
    for (const { event: checkpointEvent, data } of pending.get(digest.count) ?? []) {
      if (data.lastEventId !== event.eventId) {
        report({
          kind: 'checkpoint-event-mismatch',
          checkpointPosition: checkpointEvent.globalPosition,
          eventCount: data.eventCount,
          keyId: data.keyId,
          detail: `Event number ${data.eventCount} in global order is ${event.eventId}; the checkpoint signed ${data.lastEventId}. Events were inserted, deleted or reordered before it.`,
        });
      } else if (data.digest !== digest.digest) {
        report({
          kind: 'checkpoint-digest-mismatch',
          checkpointPosition: checkpointEvent.globalPosition,
          eventCount: data.eventCount,
          keyId: data.keyId,
          expectedDigest: data.digest,
          foundDigest: digest.digest,
          detail: `The first ${data.eventCount} events do not hash to the signed digest: something before position ${event.globalPosition} changed since ${data.signedAt}.`,
        });
      } else {
        checkpointsVerified++;
        lastCheckpoint = {
          eventCount: data.eventCount,
          upToGlobalPosition: data.upToGlobalPosition,
          digest: data.digest,
          keyId: data.keyId,
          signedAt: data.signedAt,
          checkpointPosition: checkpointEvent.globalPosition,
        };
      }
    }
    pending.delete(digest.count);
  };

  while (position < head) {
    const batch = await store.readAll({ after: position, limit: batchSize });
    if (batch.length === 0) break;
    for (const event of batch) {
      if (event.globalPosition > head) break;
      digest.add(event);
      if (options.tenantId === undefined || event.tenantId === options.tenantId) checkLink(event);
      checkCheckpoints(event);
      position = event.globalPosition;
    }
    options.onProgress?.({ eventsRead: digest.count, position, head });
  }

  for (const entries of pending.values()) {
    for (const { event, data } of entries) {
      report({
        kind: 'checkpoint-beyond-end',
        checkpointPosition: event.globalPosition,
        eventCount: data.eventCount,
        keyId: data.keyId,
        detail: `The checkpoint covers ${data.eventCount} events but the store holds only ${digest.count} before it: events were deleted.`,
      });
    }
  }

  const streamsChecked = chains.size;
  const firstProblem = [...problems].sort((a, b) => problemPosition(a) - problemPosition(b))[0];
  return {
    status: problems.length === 0 ? 'intact' : 'broken',
    ...(options.tenantId !== undefined ? { tenantId: options.tenantId } : {}),
    eventsChecked,
    streamsChecked,
    eventsRead: digest.count,
    head,
    checkpointsVerified,
    ...(lastCheckpoint ? { lastCheckpoint } : {}),
    ...(firstProblem ? { firstProblem } : {}),
    problems,
    moreProblems,
  };
}

/** Where in global order a problem sits: a chain break at its event, a checkpoint problem at the checkpoint. */
const problemPosition = (problem: IntegrityProblem): number => ('globalPosition' in problem ? problem.globalPosition : problem.checkpointPosition);
