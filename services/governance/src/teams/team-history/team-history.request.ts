import { z } from 'zod';
import { csv } from '@leerzone/service-kit';
import { Instant } from '../../shared/governance-fields';

export const TEAM_HISTORY_TOPICS = ['team', 'membership', 'yes', 'phase', 'coaching', 'boundaries', 'consent', 'delegation', 'decisions', 'principles', 'escalations', 'reviews'] as const;

export const TeamHistoryQuery = z.strictObject({
  topic: csv(z.enum(TEAM_HISTORY_TOPICS)).optional(),
  from: Instant.optional(),
  to: Instant.optional(),
});
