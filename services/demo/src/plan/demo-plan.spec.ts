import { lastFourQuarters, planCounts, planDemo, ZONES, type DemoPlan } from './demo-plan';

const options = { seed: 42, teams: 40, tenant: 'demo', today: '2026-12-01' };

describe('the demo plan', () => {
  it('is the same plan for the same seed, and another for another seed', () => {
    expect(planDemo(options)).toEqual(planDemo(options));
    const other = planDemo({ ...options, seed: 43 });
    expect(other.teams.map((team) => team.teamId)).not.toEqual(planDemo(options).teams.map((team) => team.teamId));
    expect(JSON.stringify(other.teams.map((team) => team.rounds))).not.toBe(JSON.stringify(planDemo(options).teams.map((team) => team.rounds)));
  });

  it('derives every id from the seed: valid UUIDs for root ids, unique across the plan', () => {
    const plan = planDemo(options);
    const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
    const roots = [plan.organisationId, plan.rolloutPlanId, ...plan.cycles.map((c) => c.cycleId), ...plan.teams.flatMap((t) => [t.teamId, ...t.objectives.map((o) => o.objectiveId), ...t.failures.map((f) => f.reportId), ...t.rounds.map((r) => r.roundId)]), ...plan.cases.map((c) => c.caseId)];
    for (const id of roots) expect(id).toMatch(uuid);
    expect(new Set(roots).size).toBe(roots.length);
    expect(new Set(plan.people).size).toBe(plan.people.length);
  });

  it('scales people, units and everything else with the number of teams', () => {
    const small = planCounts(planDemo({ ...options, teams: 40 }));
    const large = planCounts(planDemo({ ...options, teams: 400 }));
    expect(small).toMatchObject({ units: 5, teams: 40 });
    expect(small.people).toBeGreaterThanOrEqual(240);
    expect(small.people).toBeLessThanOrEqual(420);
    expect(large.units).toBe(50);
    for (const key of ['people', 'failures', 'decisions', 'objectives', 'rounds', 'cases'] as const) {
      expect(large[key] / small[key]).toBeGreaterThan(5);
      expect(large[key] / small[key]).toBeLessThan(20);
    }
    expect(() => planDemo({ ...options, teams: 3 })).toThrow(/--teams/);
  });

  describe.each([1, 2, 42, 2026])('is realistic for seed %i', (seed) => {
    let plan: DemoPlan;
    beforeAll(() => {
      plan = planDemo({ ...options, seed });
    });

    it('has failures of every kind, repeats of basic failures and control taken back right after a failure', () => {
      const failures = plan.teams.flatMap((team) => team.failures);
      for (const kind of ['basic', 'complex', 'intelligent']) expect(failures.some((f) => f.kind === kind)).toBe(true);
      const repeats = failures.filter((f) => f.repeatOf);
      expect(repeats.length).toBeGreaterThan(0);
      for (const repeat of repeats) {
        const original = failures.find((f) => f.reportId === repeat.repeatOf)!;
        expect(original).toMatchObject({ kind: 'basic', area: repeat.area, tags: repeat.tags });
        expect(repeat.kind).toBe('basic');
      }
      expect(failures.filter((f) => f.controlTakenBack?.kind === 'delegation').length + failures.filter((f) => f.controlTakenBack?.kind === 'boundary').length).toBeGreaterThan(0);
      for (const failure of failures) {
        expect(failure.noticedMinutesAgo).toBeLessThanOrEqual(failure.occurredMinutesAgo);
        // Failure-learning refuses a report noticed in the future (REPORT.TIME_INVALID).
        expect(failure.noticedMinutesAgo).toBeGreaterThan(0);
      }
    });

    it('puts teams in every zone, with answers that lead there, and some teams that set safe goals', () => {
      for (const zone of ZONES) expect(plan.teams.some((team) => team.zone === zone)).toBe(true);
      const mean = (values: number[], reverse: boolean[], points: number) => values.reduce((sum, v, i) => sum + (reverse[i] ? points + 1 - v : v), 0) / values.length;
      for (const team of plan.teams) {
        const first = team.rounds[0].respondents;
        if (first.length === 0) continue;
        const safety = first.reduce((s, r) => s + mean(r.safety, [true, false, true, false, true, false, false], 7), 0) / first.length;
        const standards = first.reduce((s, r) => s + mean(r.standards, [false, false, true, false, false, true], 7), 0) / first.length;
        expect(safety >= 5).toBe(team.zone === 'learning' || team.zone === 'comfort');
        expect(standards >= 5).toBe(team.zone === 'learning' || team.zone === 'anxiety');
        for (const respondent of first) expect(respondent.abi).toHaveLength(17);
      }
      const safe = plan.teams.filter((team) => team.safeGoals);
      expect(safe.length).toBeGreaterThan(0);
      for (const team of safe) for (const objective of team.objectives) for (const kr of objective.keyResults) if (objective.commitment === 'aspirational') expect(kr.checkIns[kr.checkIns.length - 1]).toBe(objective.cycleId === plan.cycles[3]!.cycleId ? Math.round(kr.target * 0.6) : kr.target);
    });

    it('runs a pilot and a rollout, with stalled teams, escalated decisions, thin rounds and confidential cases', () => {
      const pilots = plan.teams.filter((team) => team.wave === 'pilot');
      expect(pilots.length).toBeGreaterThan(0);
      for (const pilot of pilots) expect(pilot.phases[0]).toBe('pilot');
      expect(plan.teams.some((team) => team.stalled && team.phases.length === 0 && team.plannedStartOn < options.today)).toBe(true);
      expect(plan.teams.some((team) => team.phases.length === 0 && team.plannedStartOn > options.today)).toBe(true);
      for (const team of plan.teams) if (team.phases.includes('self-steering')) expect(team.yesIds).toEqual(team.memberIds);
      expect(plan.teams.some((team) => team.decisions.some((d) => d.escalated && d.amount! > team.budgetLimit))).toBe(true);
      expect(plan.teams.some((team) => team.rounds.some((round) => round.respondents.length < 5))).toBe(true);
      expect(plan.cases.length).toBeGreaterThan(0);
      expect(plan.cycles.map((c) => c.closes)).toEqual([true, true, true, false]);
    });
  });

  it('plans outcomes that are better where trust is higher, for every team and quarter', () => {
    const plan = planDemo({ ...options, teams: 200 });
    const mean = (zone: string, measure: 'engagement' | 'absenteeismRate') => {
      const values = plan.teams.filter((team) => team.zone === zone).flatMap((team) => team.outcomes.map((outcome) => outcome[measure]));
      return values.reduce((a, b) => a + b, 0) / values.length;
    };
    expect(mean('learning', 'engagement')).toBeGreaterThan(mean('apathy', 'engagement') + 20);
    expect(mean('learning', 'absenteeismRate')).toBeLessThan(mean('apathy', 'absenteeismRate'));
    for (const team of plan.teams) expect(team.outcomes.map((outcome) => outcome.period)).toEqual(plan.cycles.map((cycle) => cycle.quarter));
    expect(planCounts(plan).outcomeRows).toBe(800);
    expect(planDemo({ ...options, teams: 1001 }).outcomeImportIds).toHaveLength(2);
  });

  it('plans the four quarters up to the seeding day', () => {
    expect(lastFourQuarters('2026-12-01')).toEqual(['2026-Q1', '2026-Q2', '2026-Q3', '2026-Q4']);
    expect(lastFourQuarters('2027-02-10')).toEqual(['2026-Q2', '2026-Q3', '2026-Q4', '2027-Q1']);
  });
});
