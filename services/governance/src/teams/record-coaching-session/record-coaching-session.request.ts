import { z } from 'zod';
import { EntityId, Instant, Reason, Slug } from '../../shared/governance-fields';

export const RecordCoachingSessionRequest = z.strictObject({
  sessionId: EntityId.optional(),
  topics: z.array(Slug).min(1).max(20),
  /** When it was held; not in the future. */
  heldAt: Instant,
  /** A member of the team holding the coach role. */
  coachId: EntityId,
  attendeeIds: z.array(EntityId).min(1).max(200),
  notes: z.string().trim().max(4000).optional(),
  reason: Reason.optional(),
});
