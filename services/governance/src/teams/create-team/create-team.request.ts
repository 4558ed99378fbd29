import { z } from 'zod';
import { NameText } from '@leerzone/service-kit';
import { MAX_TEAM_NAME_LENGTH } from '@leerzone/governance-domain';
import { EntityId, Reason } from '../../shared/governance-fields';

export const CreateTeamRequest = z.strictObject({
  /** Optional client-chosen id (UUID) for idempotent retries; generated when absent. */
  teamId: z.uuid().optional(),
  name: NameText(MAX_TEAM_NAME_LENGTH),
  /** A unit of one of the tenant's organisations; its boundaries frame the team. */
  unitId: EntityId.optional(),
  purpose: z.string().trim().max(1000).optional(),
  reason: Reason.optional(),
});
export type CreateTeamRequest = z.infer<typeof CreateTeamRequest>;
