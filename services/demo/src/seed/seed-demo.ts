import { OUTCOME_TEAMS_PER_IMPORT, type DemoPlan, type FailurePlan, type TeamPlan } from '../plan/demo-plan';
import { DemoClient, inParallel, type ServiceName } from './demo-client';

/** One tick per finished step; `total` is known from the plan before anything is sent. */
export interface DemoProgress {
  start(total: number): void;
  tick(step: string): void;
  stop(): void;
}

export interface SeedResult {
  readonly requests: Readonly<Record<ServiceName, number>>;
  readonly retries: number;
  readonly elapsedMs: number;
}

const LEAD_ROLES = ['transformation-lead'] as const;
const COACH_ROLES = ['coach'] as const;
const MEMBER_ROLES = ['member'] as const;
const INSTRUMENTS = [
  { instrumentId: 'psychological-safety', version: 1 },
  { instrumentId: 'abi-trustworthiness', version: 1 },
  { instrumentId: 'leerzone-standards', version: 1 },
];
const EUR = (amount: number) => ({ amount, currency: 'EUR' });
const minutesAgo = (now: number, minutes: number) => new Date(now - minutes * 60_000).toISOString();

/** The steps per stage, for the progress bar: stages are done one after another, teams in parallel within one. */
export function stepCount(plan: DemoPlan): number {
  // organisation, rollout plan, cases, outcomes; per team: creation, phases, board, decisions, two rounds, failures; per cycle: start, its teams, grading.
  return 4 + plan.teams.length * 7 + plan.cycles.length * (2 + plan.teams.length);
}

/**
 * Seeds the plan through the services' public HTTP commands, in the order an organisation
 * lives it: structure and rollout, boards and boundaries, a first survey round, four quarters
 * of OKRs, failures (with control taken back right after some), a second round, cases, and
 * the outcome measures an analyst uploads.
 */
export async function seedDemo(plan: DemoPlan, client: DemoClient, progress: DemoProgress, options: { readonly parallelism?: number; readonly now?: () => number } = {}): Promise<SeedResult> {
  const started = Date.now();
  const now = options.now ?? Date.now;
  const parallel = options.parallelism ?? 8;
  const lead = { userId: plan.leadId, roles: LEAD_ROLES };
  const coach = (team: TeamPlan) => ({ userId: team.coachId, roles: COACH_ROLES });
  const member = (memberId: string) => ({ userId: memberId, roles: MEMBER_ROLES });
  const g = (as: { userId: string; roles: readonly string[] }, method: string, path: string, body?: unknown) => client.call('governance', as, method, `/api/governance${path}`, body);
  const teams = plan.teams;
  progress.start(stepCount(plan));
  const forEachTeam = async (step: string, work: (team: TeamPlan, index: number) => Promise<void>) => {
    await inParallel(teams, parallel, async (team, index) => {
      await work(team, index);
      progress.tick(step);
    });
  };

  try {
    // 1. The organisation: units with their budget frame, the teams, members and the yes.
    await g(lead, 'POST', '/organisations', { organisationId: plan.organisationId, name: plan.organisationName });
    for (const unit of plan.units) {
      await g(lead, 'POST', `/organisations/${plan.organisationId}/units`, { unitId: unit.unitId, name: unit.name });
      await g(lead, 'PUT', `/organisations/${plan.organisationId}/units/${unit.unitId}/boundaries/budget-${unit.unitId}`, {
        boundary: { kind: 'financial', title: 'Unit budget per month', limit: EUR(unit.budgetLimit), period: 'month', decisionArea: 'budget-spend' },
        reason: 'The frame the unit gives its teams',
      });
    }
    await g(lead, 'POST', '/rollout-plans', { planId: plan.rolloutPlanId, name: 'Self-steering rollout' });
    progress.tick('organisation');

    await forEachTeam('teams', async (team) => {
      await g(lead, 'POST', '/teams', { teamId: team.teamId, name: team.name, unitId: team.unitId, purpose: 'Serve our customers end to end' });
      await g(lead, 'POST', `/teams/${team.teamId}/members`, { memberId: team.coachId, roles: ['coach'] });
      for (const memberId of team.memberIds) await g(coach(team), 'POST', `/teams/${team.teamId}/members`, { memberId });
      for (const memberId of team.yesIds) await g(member(memberId), 'POST', `/teams/${team.teamId}/members/${memberId}/yes`);
    });

    // 2. The rollout: the pilot first, then the following waves; phases as far as each team got.
    const pilots = teams.filter((team) => team.wave === 'pilot');
    for (const team of [...pilots, ...teams.filter((t) => t.wave === 'following')]) {
      await g(lead, 'POST', `/rollout-plans/${plan.rolloutPlanId}/teams`, { teamId: team.teamId, wave: team.wave, plannedStartOn: team.plannedStartOn });
    }
    progress.tick('rollout plan');
    await forEachTeam('phases', async (team) => {
      for (const phase of team.phases) await g(coach(team), 'PUT', `/teams/${team.teamId}/phase`, { phase });
    });

    // 3. The delegation board, the team's own budget boundary and its decisions (some escalated).
    await forEachTeam('boards and boundaries', async (team) => {
      for (const { area, level } of team.levels) {
        await g(coach(team), 'PUT', `/teams/${team.teamId}/delegation-board/areas/${area}/level`, { level, reason: 'Agreed at the delegation poker session' });
      }
      await g(coach(team), 'PUT', `/teams/${team.teamId}/boundaries/${team.budgetBoundaryId}`, {
        boundary: { kind: 'financial', title: 'Team budget per month', limit: EUR(team.budgetLimit), period: 'month', decisionArea: 'budget-spend' },
        reason: 'Freedom within the unit frame',
      });
    });
    await forEachTeam('decisions', async (team) => {
      for (const decision of team.decisions) {
        const level = team.levels.find((l) => l.area === decision.area)!.level;
        await g(member(team.memberIds[0]!), 'POST', `/teams/${team.teamId}/decisions`, {
          decisionId: decision.decisionId,
          area: decision.area,
          title: decision.title,
          actedUnderLevel: level,
          rationale: 'We weighed cost against what it brings the customer.',
          optionsConsidered: ['Do it now', 'Wait a quarter'],
          ...(decision.amount !== undefined ? { amount: EUR(decision.amount) } : {}),
          onOutsideMandate: decision.escalated ? 'escalate' : 'reject',
        });
      }
    });

    // 4. The first survey round: psychological safety, ABI trust and standards, answered anonymously.
    await forEachTeam('survey round 1', (team) => surveyRound(client, team, 0));

    // 5. Four quarters of OKRs: the last three graded and closed, the current one running.
    const o = (as: { userId: string; roles: readonly string[] }, method: string, path: string, body?: unknown, awaitDirectory = false) => client.call('okr', as, method, `/api/okr${path}`, body, { awaitDirectory });
    for (const [c, cycle] of plan.cycles.entries()) {
      await o(lead, 'POST', '/cycles', { cycleId: cycle.cycleId, quarter: cycle.quarter });
      await o(lead, 'POST', `/cycles/${cycle.cycleId}/start`);
      progress.tick(`cycle ${cycle.quarter}`);
      await forEachTeam(`OKRs ${cycle.quarter}`, async (team) => {
        const objective = team.objectives[c]!;
        await o(coach(team), 'POST', '/objectives', { objectiveId: objective.objectiveId, cycleId: cycle.cycleId, level: 'team', owner: { kind: 'team', id: team.teamId }, title: objective.title, commitment: objective.commitment }, true);
        for (const kr of objective.keyResults) {
          await o(coach(team), 'POST', `/objectives/${objective.objectiveId}/key-results`, { keyResultId: kr.keyResultId, title: kr.title, measure: { kind: 'numeric', start: 0, target: kr.target, unit: 'points', direction: 'increase-to' } });
        }
        await o(coach(team), 'POST', `/objectives/${objective.objectiveId}/commit`);
        for (const kr of objective.keyResults) {
          for (const value of kr.checkIns) {
            const behind = value < kr.target;
            await o(member(team.memberIds[0]!), 'POST', `/objectives/${objective.objectiveId}/key-results/${kr.keyResultId}/check-ins`, {
              value,
              confidence: behind ? 3 : 8,
              ...(behind ? { blockers: [{ description: 'Waiting on a dependency of another team', removableBy: { kind: 'coach' } }] } : {}),
            }, true);
          }
        }
      });
      if (cycle.closes) {
        await o(lead, 'POST', `/cycles/${cycle.cycleId}/grading`);
        await inParallel(teams, parallel, async (team) => {
          await o(coach(team), 'POST', `/objectives/${team.objectives[c]!.objectiveId}/grade`, {});
        });
        await o(lead, 'POST', `/cycles/${cycle.cycleId}/close`);
      }
      progress.tick(`cycle ${cycle.quarter} graded`);
    }

    // 6. Failures, blamelessly reported and answered by kind; control taken back right after some.
    await forEachTeam('failures', async (team) => {
      for (const failure of team.failures) await reportFailure(client, team, failure, now());
    });

    // 7. The second round, after all of it: zones shift where control was taken back.
    await forEachTeam('survey round 2', (team) => surveyRound(client, team, 1));

    // 8. A few confidential cases (hard boundaries), by the confidential-case officer.
    const officer = { userId: plan.officerId, roles: ['confidential-officer'] };
    for (const c of plan.cases) {
      await client.call('failure-learning', officer, 'POST', '/api/failure-learning/cases', { caseId: c.caseId, boundary: c.boundary, teamId: c.teamId, concernedPersonId: c.concernedPersonId, account: c.account }, { awaitDirectory: true });
    }
    progress.tick('confidential cases');

    // 9. Outcomes next to trust: engagement, absenteeism, ideas and lead time per quarter, uploaded by an analyst.
    const analyst = { userId: 'demo-analyst', roles: ['analyst'] };
    for (const [i, importId] of plan.outcomeImportIds.entries()) {
      const rows = teams.slice(i * OUTCOME_TEAMS_PER_IMPORT, (i + 1) * OUTCOME_TEAMS_PER_IMPORT).flatMap((team) => team.outcomes.map((outcome) => ({ teamId: team.teamId, ...outcome })));
      await client.call('analytics', analyst, 'POST', '/api/analytics/outcomes', { importId, rows }, { awaitDirectory: true });
    }
    progress.tick('outcomes');
  } finally {
    progress.stop();
  }
  return { requests: { ...client.sent }, retries: client.retries, elapsedMs: Date.now() - started };
}

async function surveyRound(client: DemoClient, team: TeamPlan, index: 0 | 1): Promise<void> {
  const round = team.rounds[index];
  const a = (as: { userId: string; roles: readonly string[] }, method: string, path: string, body?: unknown, awaitDirectory = false) => client.call('assessment', as, method, `/api/assessment${path}`, body, { awaitDirectory });
  const coach = { userId: team.coachId, roles: COACH_ROLES };
  await a(coach, 'POST', '/rounds', { roundId: round.roundId, teamId: team.teamId, instruments: INSTRUMENTS }, true);
  for (const respondent of round.respondents) {
    const responses = (prefix: string, values: readonly number[]) => values.map((value, i) => ({ itemId: `${prefix}-${i + 1}`, value }));
    await a({ userId: respondent.memberId, roles: MEMBER_ROLES }, 'PUT', `/rounds/${round.roundId}/my-answer`, {
      answers: [
        { ...INSTRUMENTS[0]!, responses: responses('ps', respondent.safety) },
        { ...INSTRUMENTS[1]!, responses: responses('abi', respondent.abi) },
        { ...INSTRUMENTS[2]!, responses: responses('std', respondent.standards) },
      ],
    });
  }
  await a(coach, 'POST', `/rounds/${round.roundId}/close`);
}

async function reportFailure(client: DemoClient, team: TeamPlan, failure: FailurePlan, now: number): Promise<void> {
  const f = (as: { userId: string; roles: readonly string[] }, method: string, path: string, body?: unknown, awaitDirectory = false) => client.call('failure-learning', as, method, `/api/failure-learning${path}`, body, { awaitDirectory });
  const reporter = { userId: failure.reporterId, roles: MEMBER_ROLES };
  const coach = { userId: team.coachId, roles: COACH_ROLES };
  const id = failure.reportId;
  await f(reporter, 'POST', '/reports', {
    reportId: id,
    teamId: team.teamId,
    expected: `The ${failure.area} work to go as agreed`,
    happened: `The ${failure.area} work went wrong`,
    context: 'A normal week with the usual load',
    impact: { description: 'Customers waited longer than promised' },
    severity: failure.severity,
    occurredAt: minutesAgo(now, failure.occurredMinutesAgo),
    noticedAt: minutesAgo(now, failure.noticedMinutesAgo),
    area: failure.area,
    tags: failure.tags,
    anonymous: failure.anonymous,
  }, true);
  if (failure.controlTakenBack) {
    // The pitfall: the coach takes control back right after the report.
    const change = failure.controlTakenBack;
    if (change.kind === 'delegation') {
      await client.call('governance', coach, 'PUT', `/api/governance/teams/${team.teamId}/delegation-board/areas/${change.area}/level`, { level: change.level, reason: 'After the failure we decide this ourselves again' });
    } else {
      await client.call('governance', coach, 'PUT', `/api/governance/teams/${team.teamId}/boundaries/${change.boundaryId}`, {
        boundary: { kind: 'financial', title: 'Team budget per month', limit: EUR(change.limit), period: 'month', decisionArea: 'budget-spend' },
        reason: 'Tighter budget after the failure',
      });
    }
  }
  const attributes = { newTerritory: true, credibleOpportunity: true, hypothesis: 'A smaller batch size shortens lead time', asSmallAsPossible: true };
  await f(coach, 'POST', `/reports/${id}/classification`, { kind: failure.kind, cause: failure.cause, ...(failure.kind === 'intelligent' ? { attributes } : {}) });
  const lesson = { summary: `Lesson from ${failure.area}: ${failure.kind} failure`, shareWithLibrary: failure.kind !== 'basic' };
  if (failure.kind === 'basic') {
    if (failure.repeatOf) {
      // "Not twice" broken: the repeat is flagged by the service; the team plans one more action.
      await f(coach, 'POST', `/reports/${id}/actions`, { description: 'Walk through the checklist together' });
      return;
    }
    const answer = await f(coach, 'POST', `/reports/${id}/basic-response`, {
      prevention: { kind: 'checklist-item', description: `Add a ${failure.area} step to the checklist` },
      lesson,
    });
    const actionId = String(answer.body['actionId']);
    if (failure.preventionDone) await f(coach, 'POST', `/reports/${id}/actions/${actionId}/completion`, {});
  } else if (failure.kind === 'complex') {
    await f(coach, 'POST', `/reports/${id}/system-analysis`, {
      contributingFactors: [{ factor: 'dependency', description: 'Two teams changed the same system in one week' }],
      missedWeakSignals: ['Alerts that were muted'],
      howToSpotSooner: 'A shared change calendar',
      lesson,
    });
  } else {
    await f(coach, 'POST', `/reports/${id}/intelligent-learning`, { learned: 'Small batches do not fit this customer', lesson });
    await f(coach, 'POST', `/reports/${id}/celebration`, { how: 'Pizza at the retro', celebratedOn: new Date(now).toISOString().slice(0, 10) });
  }
}
