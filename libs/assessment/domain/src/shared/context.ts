import type { CommandContext, Rejection } from '@leerzone/kernel';
import { reject } from '@leerzone/kernel';

export const at = (ctx: CommandContext): string => ctx.now.toISOString();

/** The "why" some changes must carry (CommandContext.reason). */
export function requiredReason(reason: string | undefined, code: string, what: string, max = 2000): string | Rejection {
  const trimmed = reason?.trim() ?? '';
  if (trimmed.length === 0) return reject('invalid', code, `A reason is required to ${what}.`, { field: 'reason' });
  if (trimmed.length > max) return reject('invalid', code, `The reason may be at most ${max} characters.`, { field: 'reason' });
  return trimmed;
}

/** Only a person can speak for themself: the actor must be that user. */
export function requireInPerson(ctx: CommandContext, personId: string, field: string, code: string, what: string): Rejection | null {
  if (ctx.actor.kind !== 'user' || ctx.actor.id !== personId) {
    return reject('forbidden', code, `Only ${personId} can ${what}, in person.`, { field });
  }
  return null;
}
