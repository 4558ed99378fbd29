/**
 * Signals across domains that no single service sees (DOMAIN.md, "What no product in this space
 * does"). Each signal explains itself: the rule, its parameters as applied, a sentence, and the
 * events that triggered it with links to their history. Pure: computed from the read models'
 * documents with the parameters the caller chose, so a window can be changed without a rebuild.
 */
import type { Zone } from './assessment-facts';
import { zoneShown } from './anonymity';
import { historyLink, type EventRef } from './fact-reader';
import { addDays, daysBetween, round } from './periods';
import { isLevelChange, type ObjectiveRecord, type ReportRecord, type RoundRecord, type TeamRecord } from './records';

export const SIGNAL_RULES = ['control-taken-back', 'zone-shift-after-delegation-change', 'stalled-in-phase', 'repeated-basic-failure', 'ambition-under-fear', 'repeated-escalation'] as const;
export type SignalRule = (typeof SIGNAL_RULES)[number];

export interface SignalParameters {
  /** Control taken back: a lowered delegation level or a narrowed boundary at most this many days after a failure report of the team. */
  readonly controlWindowDays: number;
  /** Zone shift: a zone change at most this many days after a delegation change of the team. */
  readonly zoneShiftWindowDays: number;
  /** Stalled: more than this many days in one phase short of self-steering (DOMAIN.md: 6–12 months per team through the phases). */
  readonly stalledAfterDays: number;
  /** Ambition under fear: every graded key result of the team's aspirational objectives in a cycle at or above this score. */
  readonly nearOne: number;
  /** Repeated escalation: at least this many escalated decisions in one area … */
  readonly escalationsAtLeast: number;
  /** … within this many days. */
  readonly escalationWindowDays: number;
}

export const DEFAULT_SIGNAL_PARAMETERS: SignalParameters = {
  controlWindowDays: 30,
  zoneShiftWindowDays: 120,
  stalledAfterDays: 180,
  nearOne: 0.9,
  escalationsAtLeast: 3,
  escalationWindowDays: 90,
};

export interface SignalTrigger extends EventRef {
  /** What the event is to the rule (`failure`, `delegation-lowered`, …). */
  readonly role: string;
  readonly at: string;
  readonly history: string;
}

export interface Signal {
  /** Stable for the same triggering events: `<rule>:<event ids>`. */
  readonly signalId: string;
  readonly rule: SignalRule;
  readonly teamId: string;
  readonly unitId: string | null;
  /** When the signal arose (the latest triggering event, or the moment a duration passed). */
  readonly at: string;
  readonly explanation: string;
  readonly parameters: Readonly<Record<string, number>>;
  readonly triggeredBy: readonly SignalTrigger[];
  readonly details: Readonly<Record<string, unknown>>;
}

export interface SignalSources {
  readonly teams: readonly TeamRecord[];
  readonly rounds: readonly RoundRecord[];
  readonly objectives: readonly ObjectiveRecord[];
  readonly reports: readonly ReportRecord[];
}

const trigger = (role: string, ref: EventRef, at: string): SignalTrigger => ({ role, eventId: ref.eventId, streamId: ref.streamId, streamPosition: ref.streamPosition, at, history: historyLink(ref) });

const signal = (rule: SignalRule, team: TeamRecord, at: string, parameters: Record<string, number>, explanation: string, triggeredBy: SignalTrigger[], details: Record<string, unknown>): Signal => ({
  signalId: `${rule}:${triggeredBy.map((t) => t.eventId).join('+') || team.teamId}`,
  rule,
  teamId: team.teamId,
  unitId: team.unitId,
  at,
  explanation,
  parameters,
  triggeredBy,
  details,
});

const within = (from: string, to: string, days: number): boolean => {
  const elapsed = daysBetween(from, to);
  return elapsed >= 0 && elapsed <= days;
};

const group = <T>(items: readonly T[], key: (item: T) => string | null): Map<string, T[]> => {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    if (k === null) continue;
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
};

/** A lowered level or a narrowed boundary within the window after a failure report of the same team: the article's micromanagement pitfall. */
export function controlTakenBack(team: TeamRecord, reports: readonly ReportRecord[], p: SignalParameters): Signal[] {
  const parameters = { controlWindowDays: p.controlWindowDays };
  const out: Signal[] = [];
  for (const report of reports) {
    for (const change of team.delegationChanges) {
      if (change.from === null || change.to >= change.from || !within(report.reportedAt, change.at, p.controlWindowDays)) continue;
      const days = round(daysBetween(report.reportedAt, change.at), 1);
      out.push(
        signal('control-taken-back', team, change.at, parameters, `Delegation for "${change.area}" was lowered from ${change.from} to ${change.to} ${days} days after a failure report of this team.`, [trigger('failure', report.reported, report.reportedAt), trigger('delegation-lowered', change, change.at)], {
          reportId: report.reportId,
          control: 'delegation',
          area: change.area,
          from: change.from,
          to: change.to,
          daysAfter: days,
        }),
      );
    }
    for (const change of team.boundaryChanges) {
      if (change.effect !== 'narrowed' || !within(report.reportedAt, change.at, p.controlWindowDays)) continue;
      const days = round(daysBetween(report.reportedAt, change.at), 1);
      out.push(
        signal('control-taken-back', team, change.at, parameters, `A ${change.kind} boundary was ${change.change === 'removed' ? 'removed, narrowing the mandate,' : 'narrowed'} ${days} days after a failure report of this team.`, [trigger('failure', report.reported, report.reportedAt), trigger('boundary-narrowed', change, change.at)], {
          reportId: report.reportId,
          control: 'boundary',
          boundaryId: change.boundaryId,
          kind: change.kind,
          daysAfter: days,
        }),
      );
    }
  }
  return out;
}

const HIGH_SAFETY: readonly Zone[] = ['learning', 'comfort'];
const HIGH_STANDARDS: readonly Zone[] = ['learning', 'anxiety'];
const direction = (from: Zone, to: Zone, high: readonly Zone[]): 'up' | 'down' | 'same' => (high.includes(from) === high.includes(to) ? 'same' : high.includes(to) ? 'up' : 'down');

/** A zone change within the window after a delegation change of the same team: which way the zone went, how long after. */
export function zoneShiftAfterDelegationChange(team: TeamRecord, rounds: readonly RoundRecord[], p: SignalParameters, threshold: number): Signal[] {
  const parameters = { zoneShiftWindowDays: p.zoneShiftWindowDays };
  const out: Signal[] = [];
  for (const r of rounds) {
    const z = r.zoneChange;
    if (!z || z.from === null || !zoneShown(r, threshold)) continue;
    const before = team.delegationChanges.filter((d) => isLevelChange(d) && within(d.at, z.at, p.zoneShiftWindowDays) && d.at < z.at).at(-1);
    if (!before) continue;
    const days = round(daysBetween(before.at, z.at), 1);
    const raised = before.from === null || before.to > before.from;
    out.push(
      signal('zone-shift-after-delegation-change', team, z.at, parameters, `The team moved from the ${z.from} to the ${z.to} zone ${days} days after delegation for "${before.area}" was ${raised ? 'raised' : 'lowered'}.`, [trigger('delegation-change', before, before.at), trigger('zone-change', z, z.at)], {
        area: before.area,
        delegation: raised ? 'raised' : 'lowered',
        levelFrom: before.from,
        levelTo: before.to,
        zoneFrom: z.from,
        zoneTo: z.to,
        safety: direction(z.from, z.to, HIGH_SAFETY),
        standards: direction(z.from, z.to, HIGH_STANDARDS),
        daysAfter: days,
      }),
    );
  }
  return out;
}

/** More than the allowed days in one phase short of self-steering, as of `now`. */
export function stalledInPhase(team: TeamRecord, now: string, p: SignalParameters): Signal[] {
  if (team.phase === 'self-steering') return [];
  const days = daysBetween(team.phaseSince, now);
  if (days <= p.stalledAfterDays) return [];
  const step = team.phaseHistory.at(-1);
  return [
    signal('stalled-in-phase', team, addDays(team.phaseSince, p.stalledAfterDays), { stalledAfterDays: p.stalledAfterDays }, `The team has been in the ${team.phase} phase for ${Math.floor(days)} days (more than ${p.stalledAfterDays}).`, step ? [trigger('phase-entered', step, step.since)] : [], {
      phase: team.phase,
      since: team.phaseSince,
      days: Math.floor(days),
    }),
  ];
}

/** "Not twice" broken: a basic failure flagged as repeating an earlier lesson, with whether that lesson's prevention was done. */
export function repeatedBasicFailures(team: TeamRecord, reports: readonly ReportRecord[], allReports: ReadonlyMap<string, ReportRecord>): Signal[] {
  return reports.flatMap((report) =>
    report.repeats.map((repeat) => {
      const earlier = allReports.get(repeat.lessonReportId);
      const prevention = repeat.preventionDone === null ? 'had no prevention action' : repeat.preventionDone ? 'had its prevention action done' : 'had its prevention action still not done';
      return signal('repeated-basic-failure', team, repeat.at, {}, `A basic failure repeated an earlier lesson, which ${prevention}.`, [...(earlier ? [trigger('earlier-failure', earlier.reported, earlier.reportedAt)] : []), trigger('failure', report.reported, report.reportedAt), trigger('repeat-flagged', repeat, repeat.at)], {
        reportId: report.reportId,
        lessonId: repeat.lessonId,
        lessonReportId: repeat.lessonReportId,
        preventionActionId: repeat.preventionActionId,
        preventionDone: repeat.preventionDone,
      });
    }),
  );
}

/** The zone a team was in at an instant: the latest shown placement closed at or before it. */
function zoneAt(rounds: readonly RoundRecord[], at: string, threshold: number): RoundRecord | undefined {
  return rounds.filter((r) => r.closedAt !== null && r.closedAt <= at && zoneShown(r, threshold)).sort((a, b) => a.closedAt!.localeCompare(b.closedAt!)).at(-1);
}

/** Teams in the anxiety or apathy zone whose aspirational key results of a cycle all ended near 1.0: goals set safe out of fear. */
export function ambitionUnderFear(team: TeamRecord, objectives: readonly ObjectiveRecord[], rounds: readonly RoundRecord[], p: SignalParameters, threshold: number): Signal[] {
  const out: Signal[] = [];
  for (const [cycleId, inCycle] of group(objectives.filter((o) => o.commitment === 'aspirational' && o.grade !== null), (o) => o.cycleId)) {
    const scores = inCycle.flatMap((o) => Object.values(o.keyResults).filter((kr) => !kr.removed && kr.score !== null).map((kr) => kr.score!));
    if (scores.length === 0 || scores.some((s) => s < p.nearOne)) continue;
    const gradedAt = inCycle.map((o) => o.grade!.gradedAt).sort().at(-1)!;
    const placement = zoneAt(rounds, gradedAt, threshold);
    const zone = placement?.zone?.zone;
    if (!placement || (zone !== 'anxiety' && zone !== 'apathy')) continue;
    out.push(
      signal('ambition-under-fear', team, gradedAt, { nearOne: p.nearOne }, `In the ${zone} zone, every aspirational key result of cycle ${cycleId} (${scores.length}) ended at or above ${p.nearOne}: goals may have been set safe.`, [...(placement.closed ? [trigger('zone-placement', placement.closed, placement.closedAt!)] : []), ...inCycle.map((o) => trigger('objective-graded', o.grade!, o.grade!.gradedAt))], {
        cycleId,
        zone,
        roundId: placement.roundId,
        objectiveIds: inCycle.map((o) => o.objectiveId),
        keyResultScores: scores,
      }),
    );
  }
  return out;
}

/** Decisions escalated again and again in one area: the mandate may be too narrow. One signal per area, for its fullest window. */
export function repeatedEscalations(team: TeamRecord, p: SignalParameters): Signal[] {
  const parameters = { escalationsAtLeast: p.escalationsAtLeast, escalationWindowDays: p.escalationWindowDays };
  const out: Signal[] = [];
  for (const [area, escalations] of group(team.escalations, (e) => e.area)) {
    const sorted = [...escalations].sort((a, b) => a.at.localeCompare(b.at));
    let best: typeof sorted = [];
    sorted.forEach((last) => {
      const window = sorted.filter((e) => within(e.at, last.at, p.escalationWindowDays));
      if (window.length >= best.length) best = window;
    });
    if (best.length < p.escalationsAtLeast) continue;
    const span = round(daysBetween(best[0]!.at, best.at(-1)!.at), 1);
    out.push(
      signal('repeated-escalation', team, best.at(-1)!.at, parameters, `${best.length} decisions in "${area}" were escalated within ${span} days: the mandate for this area may be too narrow.`, best.map((e) => trigger('escalation', e, e.at)), {
        area,
        escalations: best.length,
        spanDays: span,
        currentLevel: team.delegation[area] ?? 1,
      }),
    );
  }
  return out;
}

/** Every signal of the given teams, newest first. */
export function detectSignals(sources: SignalSources, now: string, threshold: number, p: SignalParameters = DEFAULT_SIGNAL_PARAMETERS, rules: readonly SignalRule[] = SIGNAL_RULES): Signal[] {
  const roundsByTeam = group(sources.rounds, (r) => r.teamId);
  const objectivesByTeam = group(sources.objectives, (o) => o.teamId);
  const reportsByTeam = group(sources.reports, (r) => r.teamId);
  const allReports = new Map(sources.reports.map((r) => [r.reportId, r]));
  const out: Signal[] = [];
  for (const team of sources.teams) {
    const rounds = roundsByTeam.get(team.teamId) ?? [];
    const reports = reportsByTeam.get(team.teamId) ?? [];
    if (rules.includes('control-taken-back')) out.push(...controlTakenBack(team, reports, p));
    if (rules.includes('zone-shift-after-delegation-change')) out.push(...zoneShiftAfterDelegationChange(team, rounds, p, threshold));
    if (rules.includes('stalled-in-phase')) out.push(...stalledInPhase(team, now, p));
    if (rules.includes('repeated-basic-failure')) out.push(...repeatedBasicFailures(team, reports, allReports));
    if (rules.includes('ambition-under-fear')) out.push(...ambitionUnderFear(team, objectivesByTeam.get(team.teamId) ?? [], rounds, p, threshold));
    if (rules.includes('repeated-escalation')) out.push(...repeatedEscalations(team, p));
  }
  return out.sort((a, b) => b.at.localeCompare(a.at) || a.signalId.localeCompare(b.signalId));
}
