/**
 * Roll-ups per unit and per organisation, series per month and quarter, the adoption funnel and
 * the zone heat map, all from the per-team documents. Trust figures follow anonymity.ts: only
 * shown cells enter an aggregate, and an aggregate below the threshold is withheld.
 */
import { ABI_TRUSTWORTHINESS, PSYCHOLOGICAL_SAFETY, ZONES, type Zone } from './assessment-facts';
import { aggregateCells, shownResults, type Cell } from './anonymity';
import type { FailureKind } from './failure-facts';
import { median, periodEnd, periodOf, periodsBetween, round, type PeriodKind } from './periods';
import { isLevelChange, type RoundRecord, type TeamRecord, type UnitRecord } from './records';
import { TEAM_PHASES, type TeamPhase } from './team-facts';
import { teamFigures, trustRounds, type TeamFigures, type TeamSources } from './team-figures';

export interface RollUp {
  readonly teams: number;
  readonly members: number;
  readonly yes: number;
  readonly yesShare: number | null;
  readonly byPhase: Readonly<Record<TeamPhase, number>>;
  readonly byZone: Readonly<Record<Zone | 'unplaced', number>>;
  readonly decisions: { readonly recorded: number; readonly escalated: number; readonly approved: number; readonly refused: number; readonly escalationShare: number | null };
  readonly delegationChanges: number;
  readonly boundaryChanges: number;
  /** Respondent-weighted over each team's latest shown round; null below the threshold. */
  readonly psychologicalSafety: { readonly mean: number; readonly n: number; readonly teams: number } | null;
  readonly abi: { readonly mean: number; readonly n: number; readonly teams: number } | null;
  readonly okr: { readonly graded: number; readonly meanScore: number | null; readonly achieved: number };
  readonly failures: {
    readonly reports: number;
    readonly byKind: Readonly<Record<FailureKind | 'unclassified', number>>;
    readonly basicRepeats: number;
    readonly medianTimeToDetectionMinutes: number | null;
    readonly openActions: number;
    readonly overdueActions: number;
    readonly speakUpRecognitions: number;
  };
}

const zeroes = <K extends string>(keys: readonly K[]): Record<K, number> => Object.fromEntries(keys.map((k) => [k, 0])) as Record<K, number>;

/** The latest shown cell of one instrument of a team, for aggregates. */
function latestCell(teamId: string, rounds: readonly RoundRecord[], instrumentId: string, threshold: number): Cell | null {
  const shown = trustRounds(rounds, threshold).shown;
  for (let i = shown.length - 1; i >= 0; i--) {
    const r = shown[i]!;
    if (instrumentId === PSYCHOLOGICAL_SAFETY && r.psychologicalSafety?.mean != null) return { teamId, mean: r.psychologicalSafety.mean, n: r.psychologicalSafety.n };
    if (instrumentId === ABI_TRUSTWORTHINESS && r.abi?.total != null) return { teamId, mean: r.abi.total, n: r.abi.n };
  }
  return null;
}

/**
 * A team's figures, computed once per (team, now, threshold) however many roll-ups include it
 * (a team counts in its unit, every unit above and its organisation).
 */
const computed = new WeakMap<TeamSources, { readonly now: string; readonly threshold: number; readonly figures: TeamFigures }>();
function figuresOf(sources: TeamSources, now: string, threshold: number): TeamFigures {
  const hit = computed.get(sources);
  if (hit && hit.now === now && hit.threshold === threshold) return hit.figures;
  const figures = teamFigures(sources, now, threshold);
  computed.set(sources, { now, threshold, figures });
  return figures;
}

export function rollUp(teams: readonly TeamSources[], now: string, threshold: number): RollUp {
  const byPhase = zeroes(TEAM_PHASES);
  const byZone = zeroes<Zone | 'unplaced'>([...ZONES, 'unplaced']);
  const byKind = zeroes<FailureKind | 'unclassified'>(['basic', 'complex', 'intelligent', 'unclassified']);
  let members = 0;
  let yes = 0;
  let recorded = 0;
  let escalated = 0;
  let approved = 0;
  let refused = 0;
  let delegationChanges = 0;
  let boundaryChanges = 0;
  let graded = 0;
  let scoreSum = 0;
  let achieved = 0;
  let repeats = 0;
  let openActions = 0;
  let overdueActions = 0;
  let speakUp = 0;
  const detection: number[] = [];
  const safety: Cell[] = [];
  const abi: Cell[] = [];
  for (const sources of teams) {
    const f = figuresOf(sources, now, threshold);
    byPhase[f.rollout.phase]++;
    byZone[f.zone.current ?? 'unplaced']++;
    members += f.rollout.members;
    yes += f.rollout.yes;
    recorded += f.decisions.recorded;
    escalated += f.decisions.escalated;
    approved += f.decisions.approved;
    refused += f.decisions.refused;
    delegationChanges += f.delegation.changes;
    boundaryChanges += f.boundaries.changes;
    for (const s of f.okr.finalScores) {
      graded++;
      scoreSum += s.score;
      if (s.achieved) achieved++;
    }
    for (const kind of Object.keys(byKind) as Array<keyof typeof byKind>) byKind[kind] += f.failures.byKind[kind];
    repeats += f.failures.basicRepeats;
    openActions += f.failures.openActions;
    overdueActions += f.failures.overdueActions;
    speakUp += f.failures.speakUpRecognitions;
    detection.push(...sources.reports.map((r) => r.timeToDetectionMinutes));
    const ps = latestCell(sources.team.teamId, sources.rounds, PSYCHOLOGICAL_SAFETY, threshold);
    if (ps) safety.push(ps);
    const trust = latestCell(sources.team.teamId, sources.rounds, ABI_TRUSTWORTHINESS, threshold);
    if (trust) abi.push(trust);
  }
  return {
    teams: teams.length,
    members,
    yes,
    yesShare: members === 0 ? null : round(yes / members),
    byPhase,
    byZone,
    decisions: { recorded, escalated, approved, refused, escalationShare: recorded + escalated === 0 ? null : round(escalated / (recorded + escalated)) },
    delegationChanges,
    boundaryChanges,
    psychologicalSafety: aggregateCells(safety, threshold),
    abi: aggregateCells(abi, threshold),
    okr: { graded, meanScore: graded === 0 ? null : round(scoreSum / graded), achieved },
    failures: { reports: detection.length, byKind, basicRepeats: repeats, medianTimeToDetectionMinutes: median(detection), openActions, overdueActions, speakUpRecognitions: speakUp },
  };
}

/** A unit and every unit below it, by the tree the organisation stream describes. */
export function unitAndDescendants(units: readonly UnitRecord[], unitId: string): Set<string> {
  const found = new Set([unitId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const unit of units) {
      if (unit.parentUnitId !== null && found.has(unit.parentUnitId) && !found.has(unit.unitId)) {
        found.add(unit.unitId);
        grew = true;
      }
    }
  }
  return found;
}

export interface UnitRollUp {
  readonly unitId: string;
  readonly name: string;
  readonly organisationId: string;
  readonly parentUnitId: string | null;
  /** Over the unit's own teams and those of every unit below it. */
  readonly figures: RollUp;
}

export function unitRollUps(units: readonly UnitRecord[], teams: readonly TeamSources[], now: string, threshold: number): UnitRollUp[] {
  return [...units]
    .sort((a, b) => a.name.localeCompare(b.name) || a.unitId.localeCompare(b.unitId))
    .map((unit) => {
      const covered = unitAndDescendants(units, unit.unitId);
      return {
        unitId: unit.unitId,
        name: unit.name,
        organisationId: unit.organisationId,
        parentUnitId: unit.parentUnitId,
        figures: rollUp(
          teams.filter((t) => t.team.unitId !== null && covered.has(t.team.unitId)),
          now,
          threshold,
        ),
      };
    });
}

/** The phase a team was in at an instant (before its creation: none). */
export function phaseAt(team: TeamRecord, at: string): TeamPhase | null {
  if (team.createdAt >= at) return null;
  let phase: TeamPhase | null = 'preparing';
  for (const step of team.phaseHistory) if (step.since < at) phase = step.phase;
  return phase;
}

export interface SeriesPoint {
  readonly period: string;
  /** Teams per phase at the period's end: the adoption funnel over time. */
  readonly byPhase: Readonly<Record<TeamPhase, number>>;
  readonly delegationChanges: number;
  readonly boundaryChanges: number;
  readonly escalations: number;
  readonly zoneChanges: number;
  readonly failuresReported: number;
  readonly basicRepeats: number;
  /** Over the shown results of rounds closed in the period; null below the threshold. */
  readonly psychologicalSafety: { readonly mean: number; readonly n: number; readonly teams: number } | null;
  readonly abi: { readonly mean: number; readonly n: number; readonly teams: number } | null;
  /** Objectives whose cycle ended in the period. */
  readonly okr: { readonly graded: number; readonly meanScore: number | null };
}

export function series(kind: PeriodKind, teams: readonly TeamSources[], from: string, to: string, threshold: number): SeriesPoint[] {
  return periodsBetween(kind, from, to).map((period) => {
    const end = periodEnd(period);
    const inPeriod = (at: string) => periodOf(kind, at) === period;
    const byPhase = zeroes(TEAM_PHASES);
    let delegationChanges = 0;
    let boundaryChanges = 0;
    let escalations = 0;
    let zoneChanges = 0;
    let failures = 0;
    let repeats = 0;
    let graded = 0;
    let scoreSum = 0;
    const safety: Cell[] = [];
    const abi: Cell[] = [];
    for (const { team, rounds, objectives, reports } of teams) {
      const phase = phaseAt(team, end);
      if (phase) byPhase[phase]++;
      delegationChanges += team.delegationChanges.filter((c) => isLevelChange(c) && inPeriod(c.at)).length;
      boundaryChanges += team.boundaryChanges.filter((c) => inPeriod(c.at)).length;
      escalations += team.escalations.filter((e) => inPeriod(e.at)).length;
      failures += reports.filter((r) => inPeriod(r.reportedAt)).length;
      repeats += reports.flatMap((r) => r.repeats).filter((r) => inPeriod(r.at)).length;
      for (const r of rounds) {
        if (r.closedAt === null || !inPeriod(r.closedAt)) continue;
        const shown = shownResults(r, threshold);
        if (r.zoneChange && shown.length === r.results.length && shown.length > 0) zoneChanges++;
        for (const result of shown) {
          if (result.total === null) continue;
          if (result.instrumentId === PSYCHOLOGICAL_SAFETY) safety.push({ teamId: team.teamId, mean: result.total, n: result.n });
          if (result.instrumentId === ABI_TRUSTWORTHINESS) abi.push({ teamId: team.teamId, mean: result.total, n: result.n });
        }
      }
      for (const o of objectives) {
        if (o.grade === null || !inPeriod(o.grade.cycleEndsOn)) continue;
        graded++;
        scoreSum += o.grade.score;
      }
    }
    return {
      period,
      byPhase,
      delegationChanges,
      boundaryChanges,
      escalations,
      zoneChanges,
      failuresReported: failures,
      basicRepeats: repeats,
      psychologicalSafety: aggregateCells(safety, threshold),
      abi: aggregateCells(abi, threshold),
      okr: { graded, meanScore: graded === 0 ? null : round(scoreSum / graded) },
    };
  });
}

export interface HeatMapRow {
  readonly unitId: string | null;
  readonly name: string;
  readonly byZone: Readonly<Record<Zone | 'unplaced', number>>;
  readonly teams: ReadonlyArray<{ readonly teamId: string; readonly name: string; readonly zone: Zone | null; readonly since: string | null }>;
}

/** Units × teams with each team's current (shown) zone; teams without a unit in a row of their own. */
export function zoneHeatMap(units: readonly UnitRecord[], teams: readonly TeamSources[], now: string, threshold: number): HeatMapRow[] {
  const names = new Map(units.map((u) => [u.unitId, u.name]));
  const rows = new Map<string | null, HeatMapRow & { teams: Array<HeatMapRow['teams'][number]>; byZone: Record<Zone | 'unplaced', number> }>();
  for (const unit of [...units].sort((a, b) => a.name.localeCompare(b.name))) rows.set(unit.unitId, { unitId: unit.unitId, name: unit.name, byZone: zeroes([...ZONES, 'unplaced']), teams: [] });
  for (const sources of [...teams].sort((a, b) => a.team.name.localeCompare(b.team.name))) {
    const f = teamFigures(sources, now, threshold);
    const key = sources.team.unitId !== null && names.has(sources.team.unitId) ? sources.team.unitId : null;
    if (!rows.has(key)) rows.set(key, { unitId: null, name: '(no unit)', byZone: zeroes([...ZONES, 'unplaced']), teams: [] });
    const row = rows.get(key)!;
    row.teams.push({ teamId: f.teamId, name: f.name, zone: f.zone.current, since: f.zone.since });
    row.byZone[f.zone.current ?? 'unplaced']++;
  }
  return [...rows.values()];
}
