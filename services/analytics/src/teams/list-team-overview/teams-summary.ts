import { TEAM_PHASES, type TeamPhase, type TeamsSummary } from '@leerzone/analytics-domain';
import type { GroupSummary } from '@leerzone/projection-store';

/** What the store totals per phase for the tenant summary (`summarise` with `groupBy: 'phase'`). */
export const SUMMED_TEAM_FIELDS = ['memberCount', 'decisionsRecorded', 'decisionsEscalated'] as const;
export type SummedTeamField = (typeof SUMMED_TEAM_FIELDS)[number];

const isPhase = (key: unknown): key is TeamPhase => (TEAM_PHASES as readonly unknown[]).includes(key);

/**
 * The tenant summary from the store's groups of its team documents by phase: figure for
 * figure what `summariseTeams` computes from the documents themselves (every phase present,
 * the escalation share rounded to 3 places, null before the first decision), without reading
 * them. A group whose key is no phase (no team document has one) counts in the totals only.
 */
export function teamsSummary(groups: readonly GroupSummary<SummedTeamField>[]): TeamsSummary {
  const byPhase = Object.fromEntries(TEAM_PHASES.map((phase) => [phase, 0])) as Record<TeamPhase, number>;
  let teams = 0;
  let members = 0;
  let decisionsRecorded = 0;
  let decisionsEscalated = 0;
  for (const group of groups) {
    teams += group.count;
    if (isPhase(group.key)) byPhase[group.key] += group.count;
    members += group.sums.memberCount;
    decisionsRecorded += group.sums.decisionsRecorded;
    decisionsEscalated += group.sums.decisionsEscalated;
  }
  const decisions = decisionsRecorded + decisionsEscalated;
  return {
    teams,
    byPhase,
    members,
    decisionsRecorded,
    decisionsEscalated,
    escalationShare: decisions === 0 ? null : Math.round((decisionsEscalated / decisions) * 1000) / 1000,
  };
}
