import type { Rejection } from '@leerzone/kernel';
import { reject } from '@leerzone/kernel';

export { MAX_ID_LENGTH, optionalText, requiredId, requiredText, type TextRule } from '@leerzone/kernel';

/** The reason every governance change must carry (CommandContext.reason). */
export function requiredReason(reason: string | undefined, what: string): string | Rejection {
  if (reason === undefined || reason.trim().length === 0) {
    return reject('invalid', 'GOVERNANCE.REASON_REQUIRED', `A reason is required to ${what}.`, { field: 'reason' });
  }
  if (reason.trim().length > MAX_REASON_LENGTH) {
    return reject('invalid', 'GOVERNANCE.REASON_REQUIRED', `The reason may be at most ${MAX_REASON_LENGTH} characters.`, { field: 'reason' });
  }
  return reason.trim();
}

export const MAX_REASON_LENGTH = 2000;

