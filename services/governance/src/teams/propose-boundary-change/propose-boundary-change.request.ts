import { z } from 'zod';
import { BoundaryWithId, EntityId, Instant, Reason } from '../../shared/governance-fields';

export const ProposeBoundaryChangeRequest = z.strictObject({
  proposalId: EntityId.optional(),
  change: z.discriminatedUnion('action', [
    z.strictObject({ action: z.literal('set'), boundary: BoundaryWithId }),
    z.strictObject({ action: z.literal('remove'), boundaryId: EntityId }),
  ]),
  /** End of the time box (at most 90 days ahead): no objection by then → adopted. */
  closesAt: Instant,
  /** Why the boundary should change; required. */
  reason: Reason.optional(),
});
