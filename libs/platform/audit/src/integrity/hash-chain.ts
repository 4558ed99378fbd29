import { GENESIS_HASH, type StoredEvent } from '@leerzone/kernel';
import { eventHash, sha256Hex } from '@leerzone/event-hash';

/** The hash an event must carry, given the hash of the event before it in its stream. */
export const expectedEventHash = (previousHash: string, event: StoredEvent): string =>
  eventHash(previousHash, event.streamId, event.streamPosition, event);

/**
 * The rolling digest over the global order: D0 = GENESIS, Dn = sha256(Dn-1 ‖ hash of event n).
 * Each event's hash already commits to its stream, position and content, so the digest
 * commits to the whole store in order: an edit, a deletion, an insertion or a reordering
 * anywhere before a checkpoint changes the digest at that checkpoint. It is computed over
 * positions counted in the walk (not global position numbers), so it survives a migration
 * that renumbers positions.
 */
export class RollingDigest {
  private current = GENESIS_HASH;
  private counted = 0;
  private last: { readonly eventId: string; readonly globalPosition: number } | undefined;

  add(event: Pick<StoredEvent, 'hash' | 'eventId' | 'globalPosition'>): void {
    this.current = sha256Hex(`${this.current}${event.hash}`);
    this.counted++;
    this.last = { eventId: event.eventId, globalPosition: event.globalPosition };
  }

  get digest(): string {
    return this.current;
  }
  get count(): number {
    return this.counted;
  }
  get lastEvent(): { readonly eventId: string; readonly globalPosition: number } | undefined {
    return this.last;
  }
}
