import { createHmac } from 'node:crypto';
import { MAX_COMMENT_LENGTH, type AnswerSheet, type InstrumentDefinition, type SealedAnswerPayload } from '@leerzone/assessment-domain';

/*
 * The assessment service's answer slot and padding (services/assessment/src/rounds/answer-round/
 * answer-payload.ts), repeated here because importing the service loads its Nest module, which the
 * generator's plain-Node run cannot compile. answer-payload.spec.ts holds the two to the same output.
 */

export function answerSlot(secretBase64: string, tenantId: string, respondentId: string): string {
  return createHmac('sha256', Buffer.from(secretBase64, 'base64')).update(`${tenantId}\u0000${respondentId}`).digest('base64url');
}

const PAD_BLOCK = 1024;

export function paddedLength(instruments: readonly InstrumentDefinition[]): number {
  const widest: AnswerSheet = instruments.map((d) => ({ instrumentId: d.instrumentId, version: d.version, responses: d.items.map((i) => ({ itemId: i.itemId, value: d.scale.points })) }));
  const bytes = Buffer.byteLength(JSON.stringify({ answers: widest, comment: null, padding: '' }), 'utf8') + 3 * MAX_COMMENT_LENGTH + 2;
  return Math.ceil((bytes + 1) / PAD_BLOCK) * PAD_BLOCK;
}

export function padAnswer(payload: SealedAnswerPayload, length: number): SealedAnswerPayload & { readonly padding: string } {
  const unpadded = Buffer.byteLength(JSON.stringify({ ...payload, padding: '' }), 'utf8');
  return { ...payload, padding: ' '.repeat(Math.max(0, length - unpadded)) };
}
