import type { CommandContext, Rejection, SealedValue } from '@leerzone/kernel';
import { isRejection, isSealed, parseInstant, reject, requiredId } from '@leerzone/kernel';
import type { FollowUpDueRule, Money } from './failure.model';
import { MAX_FOLLOW_UP_DUE_DAYS, SEVERITIES } from './failure.model';

export const MAX_REASON_LENGTH = 2000;
export const MAX_TAGS = 10;
export const MAX_TAG_LENGTH = 40;
/** Tags and areas are short slugs so they match across teams: "medication", "night-shift". */
export const TAG_PATTERN = /^[a-z0-9][a-z0-9-]*$/;
export const MAX_COST_AMOUNT = 1_000_000_000;

export const at = (ctx: CommandContext): string => ctx.now.toISOString();

/** The "why" a change must carry, from CommandContext.reason. */
export function requiredReason(ctx: CommandContext, what: string): string | Rejection {
  const reason = ctx.reason?.trim() ?? '';
  if (reason.length === 0) return reject('invalid', 'FAILURE_LEARNING.REASON_REQUIRED', `Say why you ${what}: a reason is required.`, { field: 'reason' });
  if (reason.length > MAX_REASON_LENGTH) {
    return reject('invalid', 'FAILURE_LEARNING.REASON_REQUIRED', `The reason may be at most ${MAX_REASON_LENGTH} characters (got ${reason.length}).`, { field: 'reason' });
  }
  return reason;
}

/** One slug, trimmed and lower-cased. */
export function slug(value: unknown, field: string, code: string, label: string): string | Rejection {
  const text = typeof value === 'string' ? value.trim().toLowerCase() : '';
  if (text.length === 0 || text.length > MAX_TAG_LENGTH || !TAG_PATTERN.test(text)) {
    return reject('invalid', code, `${label} must be a short slug of lower-case letters, digits and hyphens (at most ${MAX_TAG_LENGTH} characters), such as "night-shift".`, { field });
  }
  return text;
}

/** Tags as a sorted set of slugs, so equal sets serialise and compare equally. */
export function tagSet(value: unknown, field: string, code: string, { min = 0 } = {}): readonly string[] | Rejection {
  const list = value === undefined || value === null ? [] : value;
  if (!Array.isArray(list) || list.length > MAX_TAGS) {
    return reject('invalid', code, `Give up to ${MAX_TAGS} tags, as a list.`, { field });
  }
  const tags = new Set<string>();
  for (const [index, item] of list.entries()) {
    const tag = slug(item, `${field}.${index}`, code, 'A tag');
    if (isRejection(tag)) return tag;
    tags.add(tag);
  }
  if (tags.size < min) return reject('invalid', code, `Give at least ${min} tag${min === 1 ? '' : 's'} naming the area or process, so the same failure can be recognised later.`, { field });
  return [...tags].sort();
}

/** An ISO-8601 instant with a zone, normalised to UTC. */
export function instant(value: unknown, field: string, code: string, label: string): Date | Rejection {
  const parsed = parseInstant(value);
  return parsed ?? reject('invalid', code, `${label} must be an ISO-8601 instant with a time zone, such as 2026-01-15T09:00:00Z.`, { field });
}

/** A cost where one is known: a non-negative amount in an ISO 4217 currency. */
export function optionalCost(value: unknown, field: string, code: string): Money | null | Rejection {
  if (value === undefined || value === null) return null;
  const { amount, currency } = (typeof value === 'object' ? value : {}) as { amount?: unknown; currency?: unknown };
  if (typeof amount !== 'number' || !Number.isFinite(amount) || amount < 0 || amount > MAX_COST_AMOUNT) {
    return reject('invalid', code, `A cost is an amount from 0 to ${MAX_COST_AMOUNT} with a currency, e.g. { "amount": 250, "currency": "EUR" }.`, { field: `${field}.amount` });
  }
  if (typeof currency !== 'string' || !/^[A-Z]{3}$/.test(currency)) {
    return reject('invalid', code, 'The currency of a cost must be an ISO 4217 code such as EUR.', { field: `${field}.currency` });
  }
  return { amount, currency };
}

/** Personal data must arrive sealed by the service's vault; plain text is refused. */
export function sealed(value: unknown, field: string, code: string, label: string): SealedValue | Rejection {
  return isSealed(value) ? value : reject('invalid', code, `${label} is personal data: the service must seal it with the personal-data vault before it reaches the domain.`, { field });
}

/** A list of distinct ids. */
export function idList(value: unknown, field: string, code: string, label: string, max: number): readonly string[] | Rejection {
  const list = value === undefined || value === null ? [] : value;
  if (!Array.isArray(list) || list.length > max) return reject('invalid', code, `Give up to ${max} ${label}s, as a list.`, { field });
  const ids: string[] = [];
  for (const [index, item] of list.entries()) {
    const id = requiredId(item, `${field}.${index}`, code, label);
    if (isRejection(id)) return id;
    if (!ids.includes(id)) ids.push(id);
  }
  return ids;
}

/** The tenant's due-date rule, passed in by the service from the lessons library. */
export function dueRule(value: unknown, field = 'dueRule'): FollowUpDueRule | Rejection {
  if (typeof value !== 'object' || value === null) {
    return reject('invalid', 'FOLLOW_UP.DUE_RULE_INVALID', 'The due-date rule must give whole days per severity: { high, medium, low }.', { field });
  }
  const rule = value as Record<string, unknown>;
  for (const severity of SEVERITIES) {
    const days = rule[severity];
    if (typeof days !== 'number' || !Number.isInteger(days) || days < 1 || days > MAX_FOLLOW_UP_DUE_DAYS) {
      return reject('invalid', 'FOLLOW_UP.DUE_RULE_INVALID', `Days until a ${severity}-severity action is due must be a whole number from 1 to ${MAX_FOLLOW_UP_DUE_DAYS}.`, {
        field: `${field}.${severity}`,
      });
    }
  }
  return { high: rule['high'] as number, medium: rule['medium'] as number, low: rule['low'] as number };
}

export function oneOf<T extends string>(value: unknown, allowed: readonly T[], field: string, code: string, label: string): T | Rejection {
  return (allowed as readonly unknown[]).includes(value) ? (value as T) : reject('invalid', code, `${label} must be one of: ${allowed.join(', ')}.`, { field });
}
