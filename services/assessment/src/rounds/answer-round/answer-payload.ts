import { createHmac } from 'node:crypto';
import { MAX_COMMENT_LENGTH, type AnswerSheet, type InstrumentDefinition, type SealedAnswerPayload } from '@leerzone/assessment-domain';

/**
 * The slot: HMAC-SHA256 of the tenant and respondent id under the round's secret,
 * base64url (43 characters, the domain's SLOT_PATTERN). The same person always hits the
 * same slot, so answering again replaces the earlier answer; without the secret (erased
 * at close) nobody can recompute which slot is whose.
 */
export function answerSlot(secretBase64: string, tenantId: string, respondentId: string): string {
  return createHmac('sha256', Buffer.from(secretBase64, 'base64')).update(`${tenantId}\u0000${respondentId}`).digest('base64url');
}

/** What the service seals: the domain's payload plus padding, so every answer of a round has one ciphertext length. */
export interface PaddedAnswerPayload extends SealedAnswerPayload {
  readonly padding: string;
}

const PAD_BLOCK = 1024;

/**
 * The plaintext length every answer of this round is padded to: the longest sheet the
 * round's instruments allow (every value at the scale's widest number) plus the longest
 * comment (each UTF-16 unit at most 3 bytes of UTF-8 when stringified), rounded up.
 * Without it the ciphertext length would tell a long comment from a short one, and a
 * comment published at close could be matched to the answer it came from.
 */
export function paddedLength(instruments: readonly InstrumentDefinition[]): number {
  const widest: AnswerSheet = instruments.map((d) => ({ instrumentId: d.instrumentId, version: d.version, responses: d.items.map((i) => ({ itemId: i.itemId, value: d.scale.points })) }));
  const bytes = Buffer.byteLength(JSON.stringify({ answers: widest, comment: null, padding: '' }), 'utf8') + 3 * MAX_COMMENT_LENGTH + 2;
  return Math.ceil((bytes + 1) / PAD_BLOCK) * PAD_BLOCK;
}

export function padAnswer(payload: SealedAnswerPayload, length: number): PaddedAnswerPayload {
  const unpadded = Buffer.byteLength(JSON.stringify({ ...payload, padding: '' }), 'utf8');
  return { ...payload, padding: ' '.repeat(Math.max(0, length - unpadded)) };
}
