import { z } from 'zod';
import { pageQuery } from '@leerzone/service-kit';
import { scopeQuery } from '../../shared/analytics-query';

/** The fields teams can be sorted by (prefix `-` for descending). */
export const TEAM_SORT_FIELDS = ['name', 'phase', 'phaseSince', 'memberCount', 'decisionsRecorded', 'decisionsEscalated', 'boundaryCount', 'lastActivityAt'] as const;

export const TeamFiguresQuery = z.strictObject({
  ...scopeQuery,
  /** e.g. `-decisionsEscalated,name`; default `name`. */
  sort: z.string().max(200).optional(),
  ...pageQuery({ max: 200, defaultLimit: 50 }),
});
