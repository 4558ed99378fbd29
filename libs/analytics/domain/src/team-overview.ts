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

/** The tenant-wide figures over its teams' overviews. */
export function summariseTeams(teams: Iterable<Pick<TeamOverview, 'phase' | CountedField>>): TeamsSummary {
  const byPhase = Object.fromEntries(TEAM_PHASES.map((phase) => [phase, 0])) as Record<TeamPhase, number>;
  let count = 0;
  let members = 0;
  let decisionsRecorded = 0;
  let decisionsEscalated = 0;
  for (const team of teams) {
    count++;
    byPhase[team.phase]++;
    members += team.memberCount;
    decisionsRecorded += team.decisionsRecorded;
    decisionsEscalated += team.decisionsEscalated;
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
