import { z } from 'zod';
import { TEAM_PHASES } from '@leerzone/governance-domain';
import { EntityId, Instant } from '../../shared/governance-fields';
import { csv, PageQuery } from '@leerzone/service-kit';

export const ListTeamsQuery = z.strictObject({
  /** One phase or several, comma-separated. */
  phase: csv(z.enum(TEAM_PHASES)).optional(),
  unitId: csv(EntityId).optional(),
  /** Names starting with this text. */
  namePrefix: z.string().min(1).max(120).optional(),
  /** Only teams that have stalled (or not) on their way to self-steering. */
  stalled: z.enum(['true', 'false']).transform((v) => v === 'true').optional(),
  /** The moment stall is judged at; default now. "Which teams will have stalled by June?" */
  evaluatedAt: Instant.optional(),
  sort: z.string().max(100).optional(),
  ...PageQuery,
});
export type ListTeamsQuery = z.infer<typeof ListTeamsQuery>;
