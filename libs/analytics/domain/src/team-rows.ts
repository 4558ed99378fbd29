/**
 * Filters applied to a team's figures, and the flat row a team becomes in an export. Pure.
 */
import type { Zone } from './assessment-facts';
import type { TeamFigures, TeamSources } from './team-figures';

export interface PeriodFilter {
  /** Inclusive start instant. */
  readonly from?: string;
  /** Exclusive end instant. */
  readonly to?: string;
}

const inside = (at: string | null, { from, to }: PeriodFilter): boolean => at !== null && (from === undefined || at >= from) && (to === undefined || at < to);

/**
 * A team's documents cut to a period: reports by when they were reported, rounds by when they
 * closed, objectives by the end of their cycle (ungraded ones by when they were defined), and the
 * histories by when each change happened. The team's current state (phase, members, levels)
 * stays as it is now.
 */
export function withinPeriod(sources: TeamSources, period: PeriodFilter): TeamSources {
  if (period.from === undefined && period.to === undefined) return sources;
  const { team } = sources;
  return {
    team: {
      ...team,
      delegationChanges: team.delegationChanges.filter((c) => inside(c.at, period)),
      boundaryChanges: team.boundaryChanges.filter((c) => inside(c.at, period)),
      escalations: team.escalations.filter((e) => inside(e.at, period)),
    },
    rounds: sources.rounds.filter((r) => inside(r.closedAt, period)),
    objectives: sources.objectives.filter((o) => inside(o.grade ? `${o.grade.cycleEndsOn}T00:00:00.000Z` : o.definedAt, period)),
    reports: sources.reports.filter((r) => inside(r.reportedAt, period)),
  };
}

export const matchesZone = (figures: TeamFigures, zones: readonly (Zone | 'unplaced')[] | undefined): boolean => !zones || zones.includes(figures.zone.current ?? 'unplaced');

/** The columns of a team row in CSV and NDJSON exports, in order. */
export const TEAM_ROW_COLUMNS = [
  'teamId',
  'name',
  'unitId',
  'phase',
  'phaseSince',
  'daysInPhase',
  'members',
  'yes',
  'delegationChanges',
  'boundaries',
  'boundaryChanges',
  'decisionsRecorded',
  'decisionsEscalated',
  'decisionsApproved',
  'decisionsRefused',
  'zone',
  'zoneSince',
  'psychologicalSafety',
  'psychologicalSafetyN',
  'abiTotal',
  'abiAbility',
  'abiBenevolence',
  'abiIntegrity',
  'abiN',
  'okrProgress',
  'okrObjectives',
  'okrMeanFinalScore',
  'failureReports',
  'basicFailures',
  'complexFailures',
  'intelligentFailures',
  'basicRepeats',
  'medianTimeToDetectionMinutes',
  'openActions',
  'overdueActions',
  'speakUpRecognitions',
] as const;

export type TeamRow = Record<(typeof TEAM_ROW_COLUMNS)[number], string | number | null>;

/** One team as a flat row: the latest shown trust round, the mean of the final OKR scores. */
export function teamRow(f: TeamFigures): TeamRow {
  const latest = f.trust.rounds.at(-1);
  const scores = f.okr.finalScores.map((s) => s.score);
  return {
    teamId: f.teamId,
    name: f.name,
    unitId: f.unitId,
    phase: f.rollout.phase,
    phaseSince: f.rollout.since,
    daysInPhase: f.rollout.daysInPhase,
    members: f.rollout.members,
    yes: f.rollout.yes,
    delegationChanges: f.delegation.changes,
    boundaries: f.boundaries.count,
    boundaryChanges: f.boundaries.changes,
    decisionsRecorded: f.decisions.recorded,
    decisionsEscalated: f.decisions.escalated,
    decisionsApproved: f.decisions.approved,
    decisionsRefused: f.decisions.refused,
    zone: f.zone.current,
    zoneSince: f.zone.since,
    psychologicalSafety: latest?.psychologicalSafety?.mean ?? null,
    psychologicalSafetyN: latest?.psychologicalSafety?.n ?? null,
    abiTotal: latest?.abi?.total ?? null,
    abiAbility: latest?.abi?.ability ?? null,
    abiBenevolence: latest?.abi?.benevolence ?? null,
    abiIntegrity: latest?.abi?.integrity ?? null,
    abiN: latest?.abi?.n ?? null,
    okrProgress: f.okr.progress,
    okrObjectives: f.okr.objectives,
    okrMeanFinalScore: scores.length === 0 ? null : Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 1000) / 1000,
    failureReports: f.failures.reports,
    basicFailures: f.failures.byKind.basic,
    complexFailures: f.failures.byKind.complex,
    intelligentFailures: f.failures.byKind.intelligent,
    basicRepeats: f.failures.basicRepeats,
    medianTimeToDetectionMinutes: f.failures.medianTimeToDetectionMinutes,
    openActions: f.failures.openActions,
    overdueActions: f.failures.overdueActions,
    speakUpRecognitions: f.failures.speakUpRecognitions,
  };
}
