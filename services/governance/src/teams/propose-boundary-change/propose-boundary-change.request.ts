import { z } from 'zod';
import { BoundaryWithId, EntityId, Instant, Reason } from '../../shared/governance-fields';

export const ProposeBoundaryChangeRequest = z.strictObject({
  proposalId: EntityId.optional(),
  change: z.discriminatedUnion('action', [
    z.strictObject({ action: z.literal('set'), boundary: BoundaryWithId }),
    z.strictObject({ action: z.literal('remove'), boundaryId: EntityId }),
  ]),
  /** The deadline for objections (at most 90 days ahead): no objection by then → adopted by the scheduler. Default: now + the tenant's consentDeadlineDays. */
  closesAt: Instant.optional(),
  /** Why the boundary should change; required. */
  reason: Reason.optional(),
});
