import type { CommandContext, Rejection, SealedValue, TextRule } from '@leerzone/kernel';
import { isSealed, reject } from '@leerzone/kernel';

export const MAX_REASON_LENGTH = 2000;

export const at = (ctx: CommandContext): string => ctx.now.toISOString();

/** The reason a change must carry (CommandContext.reason), e.g. a goalpost moved while the cycle runs. */
export function requiredReason(reason: string | undefined, what: string): string | Rejection {
  if (reason === undefined || reason.trim().length === 0) {
    return reject('invalid', 'OKR.REASON_REQUIRED', `A reason is required to ${what}.`, { field: 'reason' });
  }
  return boundedReason(reason.trim());
}

export function optionalReason(reason: string | undefined): string | null | Rejection {
  if (reason === undefined || reason.trim().length === 0) return null;
  return boundedReason(reason.trim());
}

const boundedReason = (reason: string): string | Rejection =>
  reason.length > MAX_REASON_LENGTH
    ? reject('invalid', 'OKR.REASON_TOO_LONG', `The reason may be at most ${MAX_REASON_LENGTH} characters (got ${reason.length}).`, { field: 'reason' })
    : reason;

/**
 * Free text a person writes about people or their work (a check-in comment, a blocker, a
 * review finding) arrives sealed: the application layer validates the plain text against
 * the exported `TextRule` and seals it with the author's key before the command is built.
 */
export function sealedText(value: unknown, rule: TextRule): SealedValue | Rejection {
  if (!isSealed(value)) {
    return reject('invalid', rule.code, `${rule.label} must arrive sealed with the personal-data vault (it is personal data).`, { field: rule.field });
  }
  return value;
}

export function optionalSealedText(value: unknown, rule: TextRule): SealedValue | null | Rejection {
  return value === undefined || value === null ? null : sealedText(value, rule);
}

export function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string, code: string, label: string): T | Rejection {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  return reject('invalid', code, `${label} must be one of ${allowed.join(', ')} (got ${JSON.stringify(value ?? null)}).`, { field });
}

export function finiteNumber(value: unknown, field: string, code: string, label: string): number | Rejection {
  if (typeof value !== 'number' || !Number.isFinite(value)) return reject('invalid', code, `${label} must be a number.`, { field });
  return value;
}

/** Ids of a list, each valid and none twice. */
export function distinctIds(values: readonly string[]): boolean {
  return new Set(values).size === values.length;
}
