import { SeededRandom, derivedId, derivedUuid } from './seeded-random';

/**
 * The demo organisation as data: who is in which team, what each team does and in which
 * order. Pure and deterministic — the same seed, size, tenant and day give the same plan —
 * so the seeder only turns it into public commands.
 */

export type Zone = 'learning' | 'comfort' | 'anxiety' | 'apathy';
export type FailureKind = 'basic' | 'complex' | 'intelligent';
export type TeamPhase = 'preparing' | 'pilot' | 'forming' | 'performing' | 'self-steering';
export type Wave = 'pilot' | 'following';

export interface PlanOptions {
  readonly seed: number;
  readonly teams: number;
  readonly tenant: string;
  /** The day the demo is seeded (YYYY-MM-DD): dates are planned around it. */
  readonly today: string;
}

export interface UnitPlan {
  readonly unitId: string;
  readonly name: string;
  readonly budgetLimit: number;
}

export interface DecisionPlan {
  readonly decisionId: string;
  readonly area: string;
  readonly title: string;
  /** Above the team's budget limit: recorded as escalated, never silently accepted. */
  readonly escalated: boolean;
  readonly amount?: number;
}

/** Control taken back right after a failure report: the article's micromanagement pitfall. */
export type ControlTakenBack =
  | { readonly kind: 'delegation'; readonly area: string; readonly level: number }
  | { readonly kind: 'boundary'; readonly boundaryId: string; readonly limit: number };

export interface FailurePlan {
  readonly reportId: string;
  readonly reporterId: string;
  readonly kind: FailureKind;
  readonly cause: string;
  readonly area: string;
  readonly tags: readonly string[];
  readonly severity: 'low' | 'medium' | 'high';
  readonly anonymous: boolean;
  /** Minutes before the seeding run it happened, and was noticed. */
  readonly occurredMinutesAgo: number;
  readonly noticedMinutesAgo: number;
  /** A basic failure that repeats this earlier report of the same team ("not twice" broken). */
  readonly repeatOf?: string;
  /** For a basic failure: whether the prevention action gets done. */
  readonly preventionDone: boolean;
  readonly controlTakenBack?: ControlTakenBack;
}

export interface KeyResultPlan {
  readonly keyResultId: string;
  readonly title: string;
  readonly target: number;
  /** Values of the check-ins, last one is where it ends. */
  readonly checkIns: readonly number[];
}

export interface ObjectivePlan {
  readonly objectiveId: string;
  readonly cycleId: string;
  readonly title: string;
  readonly commitment: 'aspirational' | 'committed';
  readonly keyResults: readonly KeyResultPlan[];
}

export interface RoundPlan {
  readonly roundId: string;
  /** Who answers (a subset of the members); fewer than the threshold → "not enough answers". */
  readonly respondents: readonly { readonly memberId: string; readonly safety: number[]; readonly abi: number[]; readonly standards: number[] }[];
}

export interface TeamPlan {
  readonly teamId: string;
  readonly name: string;
  readonly unitId: string;
  readonly coachId: string;
  readonly memberIds: readonly string[];
  readonly yesIds: readonly string[];
  readonly wave: Wave;
  readonly plannedStartOn: string;
  /** The phases it moves through, in order, after preparing. */
  readonly phases: readonly TeamPhase[];
  /** Kept preparing after its planned start: a stalled team. */
  readonly stalled: boolean;
  readonly zone: Zone;
  readonly safeGoals: boolean;
  readonly levels: readonly { readonly area: string; readonly level: number }[];
  readonly budgetBoundaryId: string;
  readonly budgetLimit: number;
  readonly decisions: readonly DecisionPlan[];
  readonly failures: readonly FailurePlan[];
  readonly objectives: readonly ObjectivePlan[];
  /** The first round before the failures, the second after. */
  readonly rounds: readonly [RoundPlan, RoundPlan];
  /** The article's measurable results per quarter, imported into analytics: better where trust is higher. */
  readonly outcomes: readonly OutcomePlan[];
}

export interface OutcomePlan {
  readonly period: string;
  readonly engagement: number;
  readonly absenteeismRate: number;
  readonly innovativeIdeas: number;
  readonly projectLeadTimeDays: number;
}

export interface CyclePlan {
  readonly cycleId: string;
  readonly quarter: string;
  /** The quarter of the seeding day stays running; the earlier ones are graded and closed. */
  readonly closes: boolean;
}

export interface CasePlan {
  readonly caseId: string;
  readonly boundary: 'ignored-safety-rules' | 'withheld-crucial-information';
  readonly teamId: string;
  readonly concernedPersonId: string;
  readonly account: string;
}

export interface DemoPlan {
  readonly options: PlanOptions;
  readonly leadId: string;
  readonly officerId: string;
  readonly organisationId: string;
  readonly organisationName: string;
  readonly units: readonly UnitPlan[];
  readonly people: readonly string[];
  readonly teams: readonly TeamPlan[];
  readonly rolloutPlanId: string;
  readonly cycles: readonly CyclePlan[];
  readonly cases: readonly CasePlan[];
  /** Import ids of the outcome uploads (one per batch of teams). */
  readonly outcomeImportIds: readonly string[];
}

/** Teams per outcome upload (analytics takes at most 5,000 rows per import; four quarters per team). */
export const OUTCOME_TEAMS_PER_IMPORT = 1_000;

export const MAX_TEAMS = 5_000;
export const ZONES: readonly Zone[] = ['learning', 'comfort', 'anxiety', 'apathy'];
export const DECISION_AREAS = ['hiring', 'budget-spend', 'tooling', 'planning', 'working-hours'] as const;

const UNIT_NAMES = ['Operations', 'Customer Service', 'Product', 'Finance', 'Care', 'Logistics', 'IT', 'Marketing', 'HR', 'Research'];
const TEAM_WORDS = ['Noord', 'Zuid', 'Oost', 'West', 'Delta', 'Polder', 'Duin', 'Haven', 'Brug', 'Molen', 'Dijk', 'Gracht', 'Kade', 'Veld', 'Wadden', 'Heide'];
const FAILURE_AREAS = ['deployments', 'invoicing', 'scheduling', 'onboarding', 'reporting', 'procurement', 'support'];
// Basic failures and the others draw from separate tags, and a team's failures from separate
// areas, so "not twice" matches only the planned repeats — whatever order teams are seeded in.
const TAGS: Readonly<Record<FailureKind, readonly string[]>> = {
  basic: ['checklist', 'handover', 'four-eyes'],
  complex: ['release', 'data', 'supplier'],
  intelligent: [],
};
const CAUSES: Readonly<Record<FailureKind, readonly string[]>> = {
  basic: ['deviance', 'inattention', 'lack-of-ability', 'process-inadequacy'],
  complex: ['task-challenge', 'process-complexity', 'uncertainty'],
  intelligent: ['hypothesis-testing', 'exploratory-testing'],
};

/** Mean answers per zone on the 7-point scales (the zone thresholds default to 5). */
const ZONE_PROFILE: Readonly<Record<Zone, { readonly safety: number; readonly standards: number }>> = {
  learning: { safety: 6.0, standards: 6.0 },
  comfort: { safety: 6.0, standards: 3.4 },
  anxiety: { safety: 3.2, standards: 6.0 },
  apathy: { safety: 3.2, standards: 3.2 },
};

const addDays = (day: string, days: number): string => new Date(Date.parse(`${day}T00:00:00.000Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The quarter holding `day` and the three before it, oldest first: `2026-Q1` … */
export function lastFourQuarters(day: string): string[] {
  const year = Number(day.slice(0, 4));
  const quarter = Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1;
  const out: string[] = [];
  for (let back = 3; back >= 0; back--) {
    const index = year * 4 + (quarter - 1) - back;
    out.push(`${Math.floor(index / 4)}-Q${(index % 4) + 1}`);
  }
  return out;
}

const clampScale = (value: number, points: number): number => Math.min(points, Math.max(1, Math.round(value)));

/** Answers to a scale whose `reverse` items are flipped, around a team's true level. */
function answers(random: SeededRandom, level: number, reverse: readonly boolean[], points: number, spread: number): number[] {
  return reverse.map((isReverse) => {
    const value = clampScale(random.normal(level, spread), points);
    return isReverse ? points + 1 - value : value;
  });
}

const SAFETY_REVERSE = [true, false, true, false, true, false, false];
const STANDARDS_REVERSE = [false, false, true, false, false, true];
const ABI_REVERSE = Array.from({ length: 17 }, (_, i) => i === 14);

export function planDemo(options: PlanOptions): DemoPlan {
  const { seed, teams: teamCount, today } = options;
  if (!Number.isSafeInteger(seed) || seed < 0) throw new RangeError('--seed is a non-negative integer.');
  if (!Number.isSafeInteger(teamCount) || teamCount < 4 || teamCount > MAX_TEAMS) throw new RangeError(`--teams is a whole number from 4 to ${MAX_TEAMS}.`);
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new RangeError('today is a date such as 2026-12-01.');
  const random = new SeededRandom(seed);
  const id = (prefix: string, name: string) => derivedId(seed, prefix, name);
  const uuid = (name: string) => derivedUuid(seed, name);

  const unitCount = Math.max(2, Math.round(teamCount / 8));
  const units: UnitPlan[] = Array.from({ length: unitCount }, (_, i) => ({
    unitId: id('unit', `unit-${i}`),
    name: `${UNIT_NAMES[i % UNIT_NAMES.length]}${i >= UNIT_NAMES.length ? ` ${Math.floor(i / UNIT_NAMES.length) + 1}` : ''}`,
    budgetLimit: 20_000 + 5_000 * random.int(0, 6),
  }));

  const people: string[] = [];
  const person = () => {
    const personId = id('person', `person-${people.length}`);
    people.push(personId);
    return personId;
  };

  // Every zone is represented: the first four teams take one each, the rest are drawn.
  const zones = random.shuffle(ZONES);
  const quarters = lastFourQuarters(today);
  const cycles: CyclePlan[] = quarters.map((quarter, i) => ({ cycleId: uuid(`cycle-${quarter}`), quarter, closes: i < quarters.length - 1 }));
  const pilotCount = Math.max(1, Math.round(teamCount / 10));
  const coaches: string[] = [];

  const teams: TeamPlan[] = Array.from({ length: teamCount }, (_, index): TeamPlan => {
    const teamId = uuid(`team-${index}`);
    const unit = units[index % unitCount]!;
    // A coach (the former manager) looks after one or two teams.
    const coachId = index % 2 === 1 && random.chance(0.6) ? coaches[coaches.length - 1]! : person();
    if (coaches[coaches.length - 1] !== coachId) coaches.push(coachId);
    const size = random.int(5, 10);
    const memberIds = Array.from({ length: size }, () => person());
    const zone = index < 4 ? zones[index]! : random.pick(ZONES);
    const wave: Wave = index < pilotCount ? 'pilot' : 'following';
    // Pilots started about ten months ago; following teams in waves around today.
    const plannedStartOn = wave === 'pilot' ? addDays(today, -300) : addDays(today, random.int(-150, 120));
    const started = plannedStartOn <= today;
    const stalled = started && wave === 'following' && (index % 9 === 5 || random.chance(0.05));
    const yesIds = memberIds.filter(() => random.chance(zone === 'learning' || zone === 'comfort' ? 0.9 : 0.6));
    let phases: TeamPhase[] = [];
    if (wave === 'pilot') phases = ['pilot', 'forming', 'performing'];
    else if (started && !stalled) phases = random.chance(0.5) ? ['forming', 'performing'] : ['forming'];
    if (phases[phases.length - 1] === 'performing' && yesIds.length === memberIds.length && zone === 'learning') phases.push('self-steering');

    const levelFor = (base: number) => Math.min(7, Math.max(1, base + random.int(-1, 1)));
    const trustBase = zone === 'learning' ? 6 : zone === 'comfort' ? 5 : zone === 'anxiety' ? 3 : 2;
    const levels = DECISION_AREAS.map((area) => ({ area, level: levelFor(trustBase) }));
    const budgetLimit = Math.min(unit.budgetLimit, 5_000 + 1_000 * random.int(0, 10));
    const budgetBoundaryId = id('boundary', `budget-${index}`);

    const decisions: DecisionPlan[] = Array.from({ length: random.int(2, 4) }, (_, d) => {
      const escalated = d === 0 ? index % 3 === 0 : random.chance(0.15);
      const area = escalated || random.chance(0.5) ? 'budget-spend' : random.pick(DECISION_AREAS);
      return {
        decisionId: id('decision', `decision-${index}-${d}`),
        area,
        title: area === 'budget-spend' ? (escalated ? 'Buy a second test environment' : 'Team training budget') : `Decide on ${area.replace('-', ' ')}`,
        escalated,
        ...(area === 'budget-spend' ? { amount: escalated ? budgetLimit + 1_000 * random.int(1, 5) : 100 * random.int(1, 9) } : {}),
      };
    });

    // Failures of every kind; some basic ones repeat, some get control taken back right after.
    const failures: FailurePlan[] = [];
    const failureCount = random.int(1, 3) + (zone === 'learning' ? 1 : 0);
    const areas = random.shuffle(FAILURE_AREAS);
    for (let f = 0; f < failureCount; f++) {
      const kind: FailureKind = f === 0 ? (['basic', 'complex', 'intelligent'] as const)[index % 3]! : random.pick(['basic', 'basic', 'complex', 'intelligent'] as const);
      const occurred = random.int(60 * 24, 60 * 24 * 200);
      failures.push({
        reportId: uuid(`report-${index}-${f}`),
        reporterId: random.pick(memberIds),
        kind,
        cause: random.pick(CAUSES[kind]),
        area: areas[f]!,
        // An experiment is new territory: its own tag, so no other team's lesson "already knew" it.
        tags: kind === 'intelligent' ? [`experiment-${index + 1}-${f + 1}`] : random.shuffle(TAGS[kind]).slice(0, random.int(1, 2)),
        severity: random.pick(['low', 'medium', 'medium', 'high'] as const),
        anonymous: zone === 'anxiety' || zone === 'apathy' ? random.chance(0.5) : random.chance(0.1),
        occurredMinutesAgo: occurred,
        // Noticed 5 minutes to 3 days after it happened, and never after now.
        noticedMinutesAgo: occurred - random.int(5, Math.min(60 * 24 * 3, occurred - 1)),
        preventionDone: random.chance(0.5),
      });
    }
    const firstBasic = failures.find((failure) => failure.kind === 'basic');
    if (firstBasic && (index % 4 === 0 || random.chance(0.2))) {
      // The same basic failure again: same area and tags, the prevention left undone in most cases.
      failures.push({
        ...firstBasic,
        reportId: uuid(`report-${index}-repeat`),
        reporterId: random.pick(memberIds),
        anonymous: false,
        occurredMinutesAgo: random.int(60, 60 * 24 * 20),
        noticedMinutesAgo: 30,
        repeatOf: firstBasic.reportId,
        preventionDone: false,
      });
    }
    const takeBack = index % 5 === 1 || (zone !== 'learning' && random.chance(0.25));
    if (takeBack) {
      const last = failures.length - 1;
      const hiring = levels.find((level) => level.area === 'planning')!;
      const controlTakenBack: ControlTakenBack =
        random.chance(0.5) && hiring.level > 1
          ? { kind: 'delegation', area: 'planning', level: Math.max(1, hiring.level - 2) }
          : { kind: 'boundary', boundaryId: budgetBoundaryId, limit: Math.max(500, Math.round(budgetLimit / 2)) };
      failures[last] = { ...failures[last]!, controlTakenBack };
    }

    // Goals set safe: aspirational key results that all end at 1.0 — mostly where fear rules.
    const safeGoals = zone === 'anxiety' || zone === 'apathy' ? random.chance(0.7) : random.chance(0.1);
    const objectives: ObjectivePlan[] = cycles.map((cycle, c) => {
      const commitment = c % 2 === 0 || safeGoals ? 'aspirational' : 'committed';
      const keyResults = Array.from({ length: 3 }, (_, k): KeyResultPlan => {
        const target = 10 * random.int(2, 10);
        const final = safeGoals || commitment === 'committed' ? (commitment === 'committed' && random.chance(0.2) ? Math.round(target * 0.8) : target) : Math.round(target * (0.4 + 0.5 * random.next()));
        const checkIns = cycle.closes ? [Math.round(final / 2), final] : [Math.round(final * 0.6)];
        return { keyResultId: id('kr', `kr-${index}-${c}-${k}`), title: `Key result ${k + 1} of ${cycle.quarter}`, target, checkIns };
      });
      return { objectiveId: uuid(`objective-${index}-${c}`), cycleId: cycle.cycleId, title: `Team ${TEAM_WORDS[index % TEAM_WORDS.length]} delivers in ${cycle.quarter}`, commitment, keyResults };
    });

    const profile = ZONE_PROFILE[zone];
    const round = (r: number): RoundPlan => {
      // Some teams answer below the threshold (5): their round ends with "not enough answers".
      const answering = r === 1 && index % 11 === 7 ? memberIds.slice(0, 4) : memberIds.filter((_, m) => m < 5 || random.chance(0.85));
      const drift = r === 1 && takeBack ? -0.8 : 0;
      return {
        roundId: uuid(`round-${index}-${r}`),
        respondents: answering.map((memberId) => ({
          memberId,
          safety: answers(random, profile.safety + drift, SAFETY_REVERSE, 7, 0.7),
          standards: answers(random, profile.standards, STANDARDS_REVERSE, 7, 0.7),
          abi: answers(random, 1 + ((profile.safety + drift - 1) * 4) / 6, ABI_REVERSE, 5, 0.6),
        })),
      };
    };

    const trust = zone === 'learning' ? 1 : zone === 'comfort' ? 0.6 : zone === 'anxiety' ? 0.3 : 0;
    const round1 = (value: number) => Math.round(value * 10) / 10;
    const outcomes: OutcomePlan[] = quarters.map((period) => ({
      period,
      engagement: round1(Math.min(100, Math.max(0, random.normal(45 + 35 * trust, 6)))),
      absenteeismRate: round1(Math.min(100, Math.max(0, random.normal(8 - 4 * trust, 1.2)))),
      innovativeIdeas: Math.max(0, Math.round(random.normal(2 + 10 * trust, 2))),
      projectLeadTimeDays: round1(Math.max(1, random.normal(60 - 25 * trust, 8))),
    }));

    return {
      teamId,
      name: `Team ${TEAM_WORDS[index % TEAM_WORDS.length]} ${Math.floor(index / TEAM_WORDS.length) + 1}`,
      unitId: unit.unitId,
      coachId,
      memberIds,
      yesIds,
      wave,
      plannedStartOn,
      phases,
      stalled,
      zone,
      safeGoals,
      levels,
      budgetBoundaryId,
      budgetLimit,
      decisions,
      failures,
      objectives,
      rounds: [round(0), round(1)],
      outcomes,
    };
  });

  const caseCount = Math.max(1, Math.round(teamCount / 15));
  const cases: CasePlan[] = Array.from({ length: caseCount }, (_, i) => {
    const team = teams[random.int(0, teams.length - 1)]!;
    return {
      caseId: uuid(`case-${i}`),
      boundary: i % 2 === 0 ? 'ignored-safety-rules' : 'withheld-crucial-information',
      teamId: team.teamId,
      concernedPersonId: random.pick(team.memberIds),
      account: i % 2 === 0 ? 'The lockout procedure was skipped on purpose during maintenance.' : 'A known defect was kept from the release review on purpose.',
    };
  });

  return {
    options,
    leadId: id('lead', 'transformation-lead'),
    officerId: id('officer', 'confidential-officer'),
    organisationId: uuid('organisation'),
    organisationName: `Demo organisation ${seed}`,
    units,
    people,
    teams,
    rolloutPlanId: uuid('rollout-plan'),
    cycles,
    cases,
    outcomeImportIds: Array.from({ length: Math.ceil(teams.length / OUTCOME_TEAMS_PER_IMPORT) }, (_, i) => uuid(`outcomes-${i}`)),
  };
}

/** What the plan holds, for the summary and the tests. */
export function planCounts(plan: DemoPlan) {
  const failures = plan.teams.flatMap((team) => team.failures);
  return {
    units: plan.units.length,
    teams: plan.teams.length,
    people: plan.people.length,
    failures: failures.length,
    repeats: failures.filter((failure) => failure.repeatOf).length,
    controlTakenBack: failures.filter((failure) => failure.controlTakenBack).length,
    decisions: plan.teams.reduce((n, team) => n + team.decisions.length, 0),
    escalated: plan.teams.reduce((n, team) => n + team.decisions.filter((decision) => decision.escalated).length, 0),
    objectives: plan.teams.reduce((n, team) => n + team.objectives.length, 0),
    rounds: plan.teams.length * 2,
    outcomeRows: plan.teams.reduce((n, team) => n + team.outcomes.length, 0),
    cases: plan.cases.length,
  };
}
