import { TEAM_PHASES, type TeamFact, type TeamPhase } from './team-facts';

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

/**
 * How one fact changes a team's overview, stated without the current overview: a read model
 * applies it as a write (set fields, add to a counter), so replaying a fact is recognised
 * by position and a batch needs no reads.
 */
export type TeamOverviewChange =
  | { readonly kind: 'opened'; readonly overview: Omit<TeamOverview, 'tenantId'> }
  | { readonly kind: 'changed'; readonly fields: Partial<Pick<TeamOverview, 'name' | 'unitId' | 'phase' | 'phaseSince'>>; readonly lastActivityAt: string }
  | { readonly kind: 'counted'; readonly field: CountedField; readonly by: 1 | -1; readonly lastActivityAt: string };

/** `occurredAt`: when the event happened (its envelope). */
export function teamOverviewChange(fact: TeamFact, occurredAt: string): TeamOverviewChange {
  switch (fact.type) {
    case 'TeamCreated':
      return {
        kind: 'opened',
        overview: {
          teamId: fact.teamId,
          name: fact.name,
          unitId: fact.unitId,
          phase: 'preparing',
          phaseSince: fact.createdAt,
          memberCount: 0,
          decisionsRecorded: 0,
          decisionsEscalated: 0,
          createdAt: fact.createdAt,
          lastActivityAt: occurredAt,
        },
      };
    case 'TeamRenamed':
      return { kind: 'changed', fields: { name: fact.name }, lastActivityAt: occurredAt };
    case 'TeamMovedToUnit':
      return { kind: 'changed', fields: { unitId: fact.unitId }, lastActivityAt: occurredAt };
    case 'TeamPhaseChanged':
      return { kind: 'changed', fields: { phase: fact.phase, phaseSince: fact.changedAt }, lastActivityAt: occurredAt };
    case 'MemberAdded':
      return { kind: 'counted', field: 'memberCount', by: 1, lastActivityAt: occurredAt };
    case 'MemberRemoved':
      return { kind: 'counted', field: 'memberCount', by: -1, lastActivityAt: occurredAt };
    case 'DecisionRecorded':
      return { kind: 'counted', field: 'decisionsRecorded', by: 1, lastActivityAt: occurredAt };
    case 'DecisionEscalated':
      return { kind: 'counted', field: 'decisionsEscalated', by: 1, lastActivityAt: occurredAt };
  }
}

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
