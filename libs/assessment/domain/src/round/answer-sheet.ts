import type { Rejection } from '@leerzone/kernel';
import { reject } from '@leerzone/kernel';
import type { InstrumentDefinition } from '../instrument/instrument.model';
import type { RawResponses } from '../scoring/score-instrument';

export interface ItemResponse {
  readonly itemId: string;
  readonly value: number;
}

export interface InstrumentAnswer {
  readonly instrumentId: string;
  readonly version: number;
  readonly responses: readonly ItemResponse[];
}

/** One respondent's complete answers to every instrument of a round, in the round's order. */
export type AnswerSheet = readonly InstrumentAnswer[];

/**
 * What the application seals with the round's key (subject `roundKeySubject(roundId)`)
 * and stores in AnswerRecorded: the validated sheet and the optional comment. Nothing in it
 * names the respondent.
 */
export interface SealedAnswerPayload {
  readonly answers: AnswerSheet;
  readonly comment: string | null;
}

const record = (value: unknown): Record<string, unknown> | null => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : null);

function parseInstrumentAnswer(raw: unknown, round: readonly InstrumentDefinition[], field: string): { definition: InstrumentDefinition; answer: InstrumentAnswer } | Rejection {
  const input = record(raw);
  if (!input) return reject('invalid', 'ANSWER.INVALID', 'Each answer names an instrument, its version and the responses.', { field });
  const definition = round.find((d) => d.instrumentId === input['instrumentId']);
  if (!definition) {
    return reject('invalid', 'ANSWER.INSTRUMENT_UNKNOWN', `This round does not ask ${String(input['instrumentId'])}; it asks ${round.map((d) => d.instrumentId).join(', ')}.`, {
      field: `${field}.instrumentId`,
    });
  }
  if (input['version'] !== definition.version) {
    return reject('invalid', 'ANSWER.VERSION_UNKNOWN', `This round uses ${definition.instrumentId} version ${definition.version}, not ${String(input['version'])}.`, {
      field: `${field}.version`,
    });
  }
  const responses = input['responses'];
  if (!Array.isArray(responses)) return reject('invalid', 'ANSWER.INVALID', `Give the responses to ${definition.instrumentId} as a list of { itemId, value }.`, { field: `${field}.responses` });
  const values = new Map<string, number>();
  for (const [j, rawResponse] of responses.entries()) {
    const response = record(rawResponse);
    const itemId = response?.['itemId'];
    const item = definition.items.find((i) => i.itemId === itemId);
    if (!item) {
      const owner = round.find((d) => d.items.some((i) => i.itemId === itemId));
      const hint = owner ? ` It belongs to ${owner.instrumentId}; answer it there.` : '';
      return reject('invalid', 'ANSWER.ITEM_UNKNOWN', `${definition.instrumentId} has no item ${String(itemId)}.${hint}`, { field: `${field}.responses[${j}].itemId` });
    }
    if (values.has(item.itemId)) return reject('invalid', 'ANSWER.ITEM_TWICE', `Item ${item.itemId} is answered twice.`, { field: `${field}.responses[${j}].itemId` });
    const value = response?.['value'];
    const points = definition.scale.points;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > points) {
      return reject('invalid', 'ANSWER.VALUE_OUT_OF_SCALE', `Answer item ${item.itemId} with a whole number from 1 (${definition.scale.lowAnchor}) to ${points} (${definition.scale.highAnchor}).`, {
        field: `${field}.responses[${j}].value`,
      });
    }
    values.set(item.itemId, value);
  }
  const missing = definition.items.filter((item) => !values.has(item.itemId)).map((item) => item.itemId);
  if (missing.length > 0) {
    return reject('invalid', 'ANSWER.ITEM_MISSING', `Every item must be answered; ${definition.instrumentId} is missing ${missing.join(', ')}.`, {
      field: `${field}.responses`,
      details: { missing },
    });
  }
  return {
    definition,
    answer: { instrumentId: definition.instrumentId, version: definition.version, responses: definition.items.map((item) => ({ itemId: item.itemId, value: values.get(item.itemId)! })) },
  };
}

/**
 * Checks one respondent's answers against the round's instruments: every instrument once,
 * at the round's version, every item exactly once, every value a whole number on the
 * item's scale. Returns the sheet in canonical order (the round's instruments, each
 * instrument's items) so equal answers seal to equal plaintexts.
 */
export function parseAnswerSheet(value: unknown, round: readonly InstrumentDefinition[], field = 'answers'): AnswerSheet | Rejection {
  if (!Array.isArray(value)) return reject('invalid', 'ANSWER.INVALID', 'Answers are a list with one entry per instrument of the round.', { field });
  const parsed = new Map<string, InstrumentAnswer>();
  for (const [i, raw] of value.entries()) {
    const result = parseInstrumentAnswer(raw, round, `${field}[${i}]`);
    if ('kind' in result) return result;
    if (parsed.has(result.definition.instrumentId)) {
      return reject('invalid', 'ANSWER.INSTRUMENT_TWICE', `${result.definition.instrumentId} is answered twice.`, { field: `${field}[${i}].instrumentId` });
    }
    parsed.set(result.definition.instrumentId, result.answer);
  }
  const missing = round.filter((d) => !parsed.has(d.instrumentId)).map((d) => d.instrumentId);
  if (missing.length > 0) {
    return reject('invalid', 'ANSWER.INSTRUMENT_MISSING', `Answer every instrument of the round; ${missing.join(', ')} is missing.`, { field, details: { missing } });
  }
  return round.map((d) => parsed.get(d.instrumentId)!);
}

/** The raw responses to one instrument, for scoring. */
export const responsesTo = (sheet: AnswerSheet, instrumentId: string): RawResponses =>
  new Map(sheet.find((a) => a.instrumentId === instrumentId)!.responses.map((r) => [r.itemId, r.value]));
