import { z } from 'zod';
import { EntityId, Reason } from '../../shared/governance-fields';

export const CreateTeamRequest = z.strictObject({
  /** Optional client-chosen id (UUID) for idempotent retries; generated when absent. */
  teamId: z.uuid().optional(),
  name: z.string().trim().min(1).max(120),
  /** A unit of one of the tenant's organisations; its boundaries frame the team. */
  unitId: EntityId.optional(),
  purpose: z.string().trim().max(1000).optional(),
  reason: Reason.optional(),
});
export type CreateTeamRequest = z.infer<typeof CreateTeamRequest>;
