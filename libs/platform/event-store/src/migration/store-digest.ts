import { createHash } from 'node:crypto';
import { GENESIS_HASH, canonicalJson, type NewEvent, type StoredEvent } from '@leerzone/kernel';
import { eventHash } from '@leerzone/event-hash';

/** The event as the caller appended it: the envelope minus what the store assigned. */
export function toNewEvent(event: StoredEvent): NewEvent {
  const { streamId: _streamId, streamPosition: _streamPosition, globalPosition: _globalPosition, recordedAt: _recordedAt, hash: _hash, ...appended } = event;
  return appended;
}

/**
 * What a migration must keep byte for byte: the whole envelope, recorded-at and hash
 * included. The global position is left out: its value belongs to one store (KurrentDB
 * counts log bytes, the others count events); the order is covered by the digest being
 * taken in global order.
 */
export const canonicalEnvelope = (event: StoredEvent): string => canonicalJson({ ...event, globalPosition: undefined });

export interface BrokenLink {
  readonly streamId: string;
  readonly streamPosition: number;
  readonly problem: string;
}

/** Folds a store's events, in global order, into a count, a checksum and a check of every stream's hash chain. */
export class StoreDigest {
  private readonly checksum = createHash('sha256');
  private readonly heads = new Map<string, { position: number; hash: string }>();
  private readonly broken: BrokenLink[] = [];
  private brokenCount = 0;
  events = 0;

  add(event: StoredEvent): void {
    this.events++;
    this.checksum.update(canonicalEnvelope(event));
    this.checksum.update('\n');
    const head = this.heads.get(event.streamId) ?? { position: 0, hash: GENESIS_HASH };
    if (event.streamPosition !== head.position + 1) {
      this.report({ streamId: event.streamId, streamPosition: event.streamPosition, problem: `follows position ${head.position}` });
    } else if (event.hash !== eventHash(head.hash, event.streamId, event.streamPosition, toNewEvent(event))) {
      this.report({ streamId: event.streamId, streamPosition: event.streamPosition, problem: 'hash does not match its content and the previous hash' });
    }
    this.heads.set(event.streamId, { position: event.streamPosition, hash: event.hash });
  }

  private report(link: BrokenLink): void {
    this.brokenCount++;
    if (this.broken.length < 10) this.broken.push(link);
  }

  result(): DigestResult {
    return { events: this.events, streams: this.heads.size, checksum: this.checksum.copy().digest('hex'), brokenLinks: this.brokenCount, firstBrokenLinks: [...this.broken] };
  }
}

export interface DigestResult {
  readonly events: number;
  readonly streams: number;
  /** SHA-256 over the canonical envelopes, one per line, in global order. */
  readonly checksum: string;
  readonly brokenLinks: number;
  /** Up to ten of them, for the report. */
  readonly firstBrokenLinks: readonly BrokenLink[];
}
