import { TEAM_PHASES, type TeamPhase } from './team-facts';

/** One team as the analysts' overview shows it. */
export interface TeamOverview {
  readonly tenantId: string;
  readonly teamId: string;
  readonly name: string;
  readonly unitId: string | null;
  readonly phase: TeamPhase;
  readonly phaseSince: string;
  readonly memberCount: number;
  /** Decisions the team took within its mandate. */
  readonly decisionsRecorded: number;
  /** Decisions outside the mandate, handed up. */
  readonly decisionsEscalated: number;
  readonly createdAt: string;
  /** When the latest team event occurred. */
  readonly lastActivityAt: string;
}

export type CountedField = 'memberCount' | 'decisionsRecorded' | 'decisionsEscalated';

export interface TeamsSummary {
  readonly teams: number;
  readonly byPhase: Readonly<Record<TeamPhase, number>>;
  readonly members: number;
  readonly decisionsRecorded: number;
  readonly decisionsEscalated: number;
  /** Escalated ÷ all decisions, rounded to 3 places; null before the first decision. */
  readonly escalationShare: number | null;
}

/** What a store gives for the teams of one phase: their number and the totals of the counted fields. */
export interface TeamGroup {
  /** The phase; a key that is no phase (no team document has one) counts in the totals only. */
  readonly key: unknown;
  readonly count: number;
  readonly sums: Readonly<Record<CountedField, number>>;
}

export const COUNTED_FIELDS: readonly CountedField[] = ['memberCount', 'decisionsRecorded', 'decisionsEscalated'];

const isPhase = (key: unknown): key is TeamPhase => (TEAM_PHASES as readonly unknown[]).includes(key);

/** The tenant-wide figures from its teams grouped by phase (every phase present). */
export function summariseTeamGroups(groups: Iterable<TeamGroup>): TeamsSummary {
  const byPhase = Object.fromEntries(TEAM_PHASES.map((phase) => [phase, 0])) as Record<TeamPhase, number>;
  let count = 0;
  let members = 0;
  let decisionsRecorded = 0;
  let decisionsEscalated = 0;
  for (const group of groups) {
    count += group.count;
    if (isPhase(group.key)) byPhase[group.key] += group.count;
    members += group.sums.memberCount;
    decisionsRecorded += group.sums.decisionsRecorded;
    decisionsEscalated += group.sums.decisionsEscalated;
  }
  const decisions = decisionsRecorded + decisionsEscalated;
  return {
    teams: count,
    byPhase,
    members,
    decisionsRecorded,
    decisionsEscalated,
    escalationShare: decisions === 0 ? null : Math.round((decisionsEscalated / decisions) * 1000) / 1000,
  };
}

/** The tenant-wide figures over its teams' overviews, each team a group of one. */
export function summariseTeams(teams: Iterable<Pick<TeamOverview, 'phase' | CountedField>>): TeamsSummary {
  return summariseTeamGroups(
    Array.from(teams, (team) => ({ key: team.phase, count: 1, sums: { memberCount: team.memberCount, decisionsRecorded: team.decisionsRecorded, decisionsEscalated: team.decisionsEscalated } })),
  );
}
