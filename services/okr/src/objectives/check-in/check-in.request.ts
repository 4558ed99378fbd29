import { z } from 'zod';
import { BLOCKER_TEXT, CHECK_IN_COMMENT_TEXT, MAX_BLOCKERS_PER_CHECK_IN, MAX_CONFIDENCE, MIN_CONFIDENCE, ORDINAL_REACHED } from '@leerzone/okr-domain';
import { FreeText } from '@leerzone/service-kit';
import { EntityId, RemovableBy } from '../objective-fields';

export const NewBlockerBody = z.strictObject({
  blockerId: EntityId.optional(),
  /** What stands in the way (a person's own words: sealed before it is stored). */
  description: FreeText(BLOCKER_TEXT.max),
  removableBy: RemovableBy.nullable().optional(),
});

/**
 * Step 5. `value`: a number (numeric, percentage), true/false (milestone) or the level
 * reached (ordinal: none, commit, target, stretch). An at-risk check-in must name a blocker,
 * new (`blockers`) or still open (`stillBlockedBy`).
 */
export const CheckInRequest = z.strictObject({
  checkInId: EntityId.optional(),
  value: z.union([z.number(), z.boolean(), z.enum(ORDINAL_REACHED as [string, ...string[]])]),
  confidence: z.number().int().min(MIN_CONFIDENCE).max(MAX_CONFIDENCE),
  comment: FreeText(CHECK_IN_COMMENT_TEXT.max).optional(),
  blockers: z.array(NewBlockerBody).max(MAX_BLOCKERS_PER_CHECK_IN).optional(),
  stillBlockedBy: z.array(EntityId).max(MAX_BLOCKERS_PER_CHECK_IN).optional(),
});
