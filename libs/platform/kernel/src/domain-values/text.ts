import type { Rejection } from '../decider/decider';
import { reject } from '../decider/decider';

/** Ids are minted by the caller (UUIDs in production); the domain only guards their shape. */
export const MAX_ID_LENGTH = 128;

export interface TextRule {
  readonly field: string;
  readonly code: string;
  /** How a person would name the field in a sentence. */
  readonly label: string;
  readonly max: number;
}

/** A required, trimmed text. Returns the trimmed text or a rejection naming the field. */
export function requiredText(value: unknown, rule: TextRule): string | Rejection {
  if (typeof value !== 'string' || value.trim().length === 0) {
    return reject('invalid', rule.code, `${capitalise(rule.label)} must not be empty.`, { field: rule.field });
  }
  const trimmed = value.trim();
  if (trimmed.length > rule.max) {
    return reject('invalid', rule.code, `${capitalise(rule.label)} may be at most ${rule.max} characters (got ${trimmed.length}).`, {
      field: rule.field,
      details: { max: rule.max, length: trimmed.length },
    });
  }
  return trimmed;
}

/** An optional text: absent or blank becomes null. */
export function optionalText(value: unknown, rule: TextRule): string | null | Rejection {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' && value.trim().length === 0) return null;
  return requiredText(value, rule);
}

export function requiredId(value: unknown, field: string, code: string, label: string): string | Rejection {
  if (typeof value !== 'string' || value.trim().length === 0 || value.trim() !== value || value.length > MAX_ID_LENGTH) {
    return reject('invalid', code, `${capitalise(label)} must be a non-empty id without surrounding spaces, at most ${MAX_ID_LENGTH} characters.`, {
      field,
    });
  }
  return value;
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);
