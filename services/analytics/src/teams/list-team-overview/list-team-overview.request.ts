import { z } from 'zod';
import { TEAM_PHASES } from '@leerzone/analytics-domain';
import { pageQuery } from '@leerzone/service-kit';

export const ListTeamOverviewQuery = z.strictObject({
  /** Only teams in this phase; the summary always covers the whole tenant. */
  phase: z.enum(TEAM_PHASES).optional(),
  ...pageQuery({ max: 500, defaultLimit: 100 }),
});
