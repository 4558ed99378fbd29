import { z } from 'zod';
import { TEAM_PHASES } from '@leerzone/analytics-domain';

export const ListTeamOverviewQuery = z.strictObject({
  /** Only teams in this phase; the summary always covers the whole tenant. */
  phase: z.enum(TEAM_PHASES).optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  after: z.string().max(2000).optional(),
});
