/**
 * Everything the issue asks to see of one team, computed from its documents: rollout, mandate,
 * decisions, zone, trust, OKRs and failure intelligence. Pure: `now` (the process clock) and
 * `threshold` (the tenant's anonymity threshold) come in.
 */
import { ABI_TRUSTWORTHINESS, PSYCHOLOGICAL_SAFETY, type Zone } from './assessment-facts';
import { shownResults, zoneShown } from './anonymity';
import type { FailureKind } from './failure-facts';
import type { KeyResultStatus } from './okr-facts';
import { daysBetween, median, monthOf, round } from './periods';
import { isLevelChange, type BoundaryChange, type DelegationChange, type ObjectiveRecord, type ReportRecord, type RoundRecord, type TeamRecord } from './records';
import type { DelegationLevel, TeamPhase } from './team-facts';

/** Changes shown in full per team; the counts cover all of them. */
export const RECENT_CHANGES = 5;

/** A graded key-result or objective score counted as "near 1.0" (DOMAIN.md: always 1.0 means not ambitious enough). */
export const NEAR_ONE = 0.9;

export interface TrustRound {
  readonly roundId: string;
  readonly closedAt: string;
  readonly psychologicalSafety: { readonly mean: number | null; readonly n: number } | null;
  readonly abi: { readonly total: number | null; readonly ability: number | null; readonly benevolence: number | null; readonly integrity: number | null; readonly n: number } | null;
}

export interface TeamFigures {
  readonly teamId: string;
  readonly name: string;
  readonly unitId: string | null;
  readonly rollout: { readonly phase: TeamPhase; readonly since: string; readonly daysInPhase: number; readonly members: number; readonly yes: number; readonly yesShare: number | null };
  readonly delegation: { readonly levels: Readonly<Record<string, DelegationLevel>>; readonly changes: number; readonly recentChanges: readonly DelegationChange[] };
  readonly boundaries: { readonly count: number; readonly changes: number; readonly recentChanges: readonly BoundaryChange[] };
  /**
   * `recorded` within the mandate; `escalated` outside it, of which the layer above `approved`
   * some, `refused` some, and the rest still wait (`awaitingAnswer`).
   */
  readonly decisions: {
    readonly recorded: number;
    readonly escalated: number;
    readonly approved: number;
    readonly refused: number;
    readonly awaitingAnswer: number;
    readonly escalationShare: number | null;
    readonly byArea: TeamRecord['decisionsByArea'];
  };
  readonly zone: { readonly current: Zone | null; readonly since: string | null; readonly history: ReadonlyArray<{ readonly roundId: string; readonly from: Zone | null; readonly to: Zone; readonly at: string }> };
  readonly trust: { readonly rounds: readonly TrustRound[]; readonly roundsWithheld: number };
  readonly okr: {
    readonly objectives: number;
    /** Mean attainment of the latest check-ins over the key results of committed, not yet graded objectives (weighted). */
    readonly progress: number | null;
    readonly status: Readonly<Record<KeyResultStatus | 'not-checked-in', number>>;
    readonly finalScores: ReadonlyArray<{ readonly objectiveId: string; readonly cycleId: string; readonly commitment: string; readonly score: number; readonly achieved: boolean }>;
    /** Aspirational objectives graded, and how many of them scored near 1.0 (goals set safe?). */
    readonly ambition: { readonly aspirationalGraded: number; readonly nearOne: number };
  };
  readonly failures: {
    readonly reports: number;
    readonly perMonth: Readonly<Record<string, number>>;
    readonly byKind: Readonly<Record<FailureKind | 'unclassified', number>>;
    readonly shareByKind: Readonly<Record<FailureKind | 'unclassified', number>> | null;
    readonly basicRepeats: number;
    readonly repeatsWithPreventionDone: number;
    readonly medianTimeToDetectionMinutes: number | null;
    readonly openActions: number;
    readonly overdueActions: number;
    readonly speakUpRecognitions: number;
  };
}

export interface TeamSources {
  readonly team: TeamRecord;
  readonly rounds: readonly RoundRecord[];
  readonly objectives: readonly ObjectiveRecord[];
  readonly reports: readonly ReportRecord[];
}

const share = (part: number, whole: number): number | null => (whole === 0 ? null : round(part / whole));

/** The rounds whose results may be shown, oldest first, with what may be shown of each. */
export function trustRounds(rounds: readonly RoundRecord[], threshold: number): { shown: TrustRound[]; withheld: number } {
  const closed = rounds.filter((r) => r.state === 'closed' && r.closedAt !== null).sort((a, b) => a.closedAt!.localeCompare(b.closedAt!));
  const shown: TrustRound[] = [];
  for (const r of closed) {
    const results = shownResults(r, threshold);
    const ps = results.find((x) => x.instrumentId === PSYCHOLOGICAL_SAFETY);
    const abi = results.find((x) => x.instrumentId === ABI_TRUSTWORTHINESS);
    if (!ps && !abi) continue;
    shown.push({
      roundId: r.roundId,
      closedAt: r.closedAt!,
      psychologicalSafety: ps ? { mean: ps.total, n: ps.n } : null,
      abi: abi
        ? { total: abi.total, ability: abi.dimensions['ability'] ?? null, benevolence: abi.dimensions['benevolence'] ?? null, integrity: abi.dimensions['integrity'] ?? null, n: abi.n }
        : null,
    });
  }
  return { shown, withheld: closed.length - shown.length };
}

/** The zone changes that may be shown (their round's results may be), oldest first. */
export function zoneHistory(rounds: readonly RoundRecord[], threshold: number): TeamFigures['zone']['history'] {
  return rounds
    .filter((r) => r.zoneChange !== null && zoneShown(r, threshold))
    .map((r) => ({ roundId: r.roundId, from: r.zoneChange!.from, to: r.zoneChange!.to, at: r.zoneChange!.at }))
    .sort((a, b) => a.at.localeCompare(b.at));
}

/** The team's zone as its latest shown round placed it. */
export function currentZone(rounds: readonly RoundRecord[], threshold: number): { zone: Zone; since: string; roundId: string } | null {
  const placed = rounds.filter((r) => r.closedAt !== null && zoneShown(r, threshold)).sort((a, b) => a.closedAt!.localeCompare(b.closedAt!));
  const latest = placed.at(-1);
  if (!latest) return null;
  const history = zoneHistory(rounds, threshold).filter((change) => change.to === latest.zone!.zone);
  return { zone: latest.zone!.zone, since: history.at(-1)?.at ?? latest.closedAt!, roundId: latest.roundId };
}

export function teamFigures({ team, rounds, objectives, reports }: TeamSources, now: string, threshold: number): TeamFigures {
  const zone = currentZone(rounds, threshold);
  const trust = trustRounds(rounds, threshold);

  const status: Record<KeyResultStatus | 'not-checked-in', number> = { 'on-track': 0, behind: 0, 'at-risk': 0, 'not-checked-in': 0 };
  let weighted = 0;
  let weights = 0;
  for (const objective of objectives) {
    if (!objective.committed || objective.grade !== null) continue;
    for (const kr of Object.values(objective.keyResults)) {
      if (kr.removed) continue;
      status[kr.status ?? 'not-checked-in']++;
      weighted += (kr.attainment ?? 0) * kr.weight;
      weights += kr.weight;
    }
  }
  const graded = objectives.filter((o) => o.grade !== null).sort((a, b) => a.grade!.gradedAt.localeCompare(b.grade!.gradedAt));
  const aspirational = graded.filter((o) => o.commitment === 'aspirational');

  const byKind: Record<FailureKind | 'unclassified', number> = { basic: 0, complex: 0, intelligent: 0, unclassified: 0 };
  const perMonth: Record<string, number> = {};
  let openActions = 0;
  let overdueActions = 0;
  const today = now.slice(0, 10);
  for (const report of reports) {
    byKind[report.kind ?? 'unclassified']++;
    const month = monthOf(report.reportedAt);
    perMonth[month] = (perMonth[month] ?? 0) + 1;
    for (const action of Object.values(report.actions)) {
      if (action.status !== 'open') continue;
      openActions++;
      if (action.dueOn < today) overdueActions++;
    }
  }
  const repeats = reports.flatMap((r) => r.repeats);
  const levelChanges = team.delegationChanges.filter(isLevelChange);

  return {
    teamId: team.teamId,
    name: team.name,
    unitId: team.unitId,
    rollout: {
      phase: team.phase,
      since: team.phaseSince,
      daysInPhase: Math.max(0, Math.floor(daysBetween(team.phaseSince, now))),
      members: team.memberCount,
      yes: team.yesMemberIds.length,
      yesShare: share(team.yesMemberIds.length, team.memberCount),
    },
    delegation: { levels: team.delegation, changes: levelChanges.length, recentChanges: levelChanges.slice(-RECENT_CHANGES) },
    boundaries: { count: team.boundaryCount, changes: team.boundaryChanges.length, recentChanges: team.boundaryChanges.slice(-RECENT_CHANGES) },
    decisions: {
      recorded: team.decisionsRecorded,
      escalated: team.decisionsEscalated,
      approved: team.decisionsApproved,
      refused: team.decisionsRefused,
      awaitingAnswer: Math.max(0, team.decisionsEscalated - team.decisionsApproved - team.decisionsRefused),
      escalationShare: share(team.decisionsEscalated, team.decisionsRecorded + team.decisionsEscalated),
      byArea: team.decisionsByArea,
    },
    zone: { current: zone?.zone ?? null, since: zone?.since ?? null, history: zoneHistory(rounds, threshold) },
    trust: { rounds: trust.shown, roundsWithheld: trust.withheld },
    okr: {
      objectives: objectives.length,
      progress: weights === 0 ? null : round(weighted / weights),
      status,
      finalScores: graded.map((o) => ({ objectiveId: o.objectiveId, cycleId: o.cycleId, commitment: o.commitment, score: o.grade!.score, achieved: o.grade!.achieved })),
      ambition: { aspirationalGraded: aspirational.length, nearOne: aspirational.filter((o) => o.grade!.score >= NEAR_ONE).length },
    },
    failures: {
      reports: reports.length,
      perMonth,
      byKind,
      shareByKind:
        reports.length === 0
          ? null
          : { basic: round(byKind.basic / reports.length), complex: round(byKind.complex / reports.length), intelligent: round(byKind.intelligent / reports.length), unclassified: round(byKind.unclassified / reports.length) },
      basicRepeats: repeats.length,
      repeatsWithPreventionDone: repeats.filter((r) => r.preventionDone === true).length,
      medianTimeToDetectionMinutes: median(reports.map((r) => r.timeToDetectionMinutes)),
      openActions,
      overdueActions,
      speakUpRecognitions: reports.reduce((sum, r) => sum + r.speakUpRecognitions, 0),
    },
  };
}
