import { z } from 'zod';

export const CreateTeamRequest = z.strictObject({
  /** Optional client-chosen id (UUID) for idempotent retries; generated when absent. */
  teamId: z.uuid().optional(),
  name: z.string().trim().min(1).max(120),
  unitId: z.string().trim().min(1).max(100).optional(),
  purpose: z.string().trim().max(2000).optional(),
});
export type CreateTeamRequest = z.infer<typeof CreateTeamRequest>;
