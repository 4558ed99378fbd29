import { z } from 'zod';
import { PERIOD_KINDS, TEAM_PHASES, ZONES } from '@leerzone/analytics-domain';
import { Instant, csv } from '@leerzone/service-kit';
import type { TeamScope } from './analytics-data';

/** An instant in any offset, read as the UTC instant the read models compare with. */
const UtcInstant = Instant.transform((value) => new Date(value).toISOString());

/** The filters every analytics query shares: which teams (unit with the units below it, team ids, phase, zone) and which period. */
export const scopeQuery = {
  /** A unit: its own teams and those of every unit below it. */
  unit: z.string().min(1).max(200).optional(),
  /** One or more team ids, comma-separated. */
  team: csv(z.string().min(1).max(200)).optional(),
  phase: csv(z.enum(TEAM_PHASES)).optional(),
  /** The team's current zone; `unplaced` for teams without a shown round. */
  zone: csv(z.enum([...ZONES, 'unplaced'])).optional(),
  /** Period start (inclusive): reports, rounds, grades and changes from then. */
  from: UtcInstant.optional(),
  /** Period end (exclusive). */
  to: UtcInstant.optional(),
};

export const ScopeQuery = z.strictObject(scopeQuery);

export const periodKind = z.enum(PERIOD_KINDS);

export type ScopeRequest = z.infer<typeof ScopeQuery>;

export const teamScope = (request: Pick<ScopeRequest, 'unit' | 'team' | 'phase'>): TeamScope => ({
  ...(request.unit !== undefined ? { unitId: request.unit } : {}),
  ...(request.team !== undefined ? { teamIds: request.team } : {}),
  ...(request.phase !== undefined ? { phases: request.phase } : {}),
});

export const period = (request: Pick<ScopeRequest, 'from' | 'to'>) => ({ ...(request.from ? { from: request.from } : {}), ...(request.to ? { to: request.to } : {}) });

/** Who may read analytics: the people who steer the transformation and analyse it. */
export const ANALYTICS_READERS = ['analyst', 'transformation-lead', 'admin'] as const;
