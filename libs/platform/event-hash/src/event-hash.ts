import { hash } from 'node:crypto';
import { eventHashInput, type NewEvent } from '@leerzone/kernel';

/** One-shot `crypto.hash` (Node ≥ 20.12): no Hash object per event on the append path. */
export const sha256Hex = (input: string): string => hash('sha256', input, 'hex');

/**
 * The hash chaining an event to the previous event of its stream. Every store computes it
 * on append and the audit verifier and migration recompute it, so it lives in one place:
 * the kernel defines what is hashed (it does no I/O and imports nothing from `node:`),
 * this is how.
 */
export const eventHash = (previousHash: string, streamId: string, streamPosition: number, event: NewEvent): string =>
  sha256Hex(eventHashInput(previousHash, streamId, streamPosition, event));
