import { randomUUID } from 'node:crypto';
import type { FaultStack, ServiceName } from '../stack/fault-stack';
import type { Ledger, Outcome } from './ledger';

interface Principal {
  readonly userId: string;
  readonly roles: readonly string[];
}

interface TeamFixture {
  readonly teamId: string;
  readonly coach: Principal;
  readonly member: Principal;
  readonly objectives: string[];
}

interface TenantFixture {
  readonly tenantId: string;
  readonly lead: Principal;
  readonly cycleId: string;
  readonly teams: TeamFixture[];
}

export interface Answer {
  readonly outcome: Outcome;
  readonly status?: number;
  readonly body: Record<string, unknown>;
}

const AREAS = ['hiring', 'budget-spend', 'tooling', 'planning', 'working-hours'];
const INSTRUMENTS = [{ instrumentId: 'psychological-safety', version: 1 }];
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pick = <T>(items: readonly T[]): T => items[Math.floor(Math.random() * items.length)]!;
const currentQuarter = (now = new Date()) => `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;

/**
 * A steady load of commands over several tenants and teams into the four writing services
 * (analytics consumes all four topics). Each command is recorded in the ledger with its
 * correlation id and what came back; it is never retried, so every application of a command
 * in the store is the one we sent.
 */
export class Load {
  private readonly tenants: TenantFixture[] = [];
  private readonly tokens = new Map<string, string>();
  private running = false;
  private workers: Promise<void>[] = [];
  /** Aim every worker at one team of one tenant (many writers on the same aggregates). */
  hot = false;

  constructor(
    private readonly stack: FaultStack,
    public ledger: Ledger,
    private readonly shape: { readonly tenants: number; readonly teamsPerTenant: number; readonly concurrency: number },
  ) {}

  /** Tenants, teams with a coach and a member, a running OKR cycle; waits until every service has heard of every team. */
  async setup(): Promise<void> {
    for (let t = 0; t < this.shape.tenants; t++) {
      const tenantId = `faults-${t + 1}`;
      const lead = { userId: `lead-${t + 1}`, roles: ['transformation-lead'] };
      const tenant: TenantFixture = { tenantId, lead, cycleId: randomUUID(), teams: [] };
      await this.token(tenantId, lead);
      for (let n = 0; n < this.shape.teamsPerTenant; n++) {
        const created = await this.must(tenantId, 'governance', lead, 'POST', '/api/governance/teams', { name: `Team ${t + 1}.${n + 1}`, purpose: 'Serve our customers end to end' }, 'create-team');
        const teamId = String(created['teamId']);
        const coach = { userId: `coach-${t + 1}-${n + 1}`, roles: ['coach'] };
        const member = { userId: `member-${t + 1}-${n + 1}`, roles: ['member'] };
        await this.must(tenantId, 'governance', lead, 'POST', `/api/governance/teams/${teamId}/members`, { memberId: coach.userId, roles: ['coach'] }, 'add-coach');
        // Five members: a survey round opens only for a group at its anonymity threshold.
        for (const memberId of [member.userId, ...[2, 3, 4, 5].map((k) => `member-${t + 1}-${n + 1}-${k}`)]) {
          await this.must(tenantId, 'governance', coach, 'POST', `/api/governance/teams/${teamId}/members`, { memberId }, 'add-member');
        }
        tenant.teams.push({ teamId, coach, member, objectives: [] });
      }
      await this.must(tenantId, 'okr', lead, 'POST', '/api/okr/cycles', { cycleId: tenant.cycleId, quarter: currentQuarter() }, 'create-cycle');
      await this.must(tenantId, 'okr', lead, 'POST', `/api/okr/cycles/${tenant.cycleId}/start`, undefined, 'start-cycle');
      this.tenants.push(tenant);
    }
    // The other services learn the teams from governance's topic: wait for the first objective and report of each team.
    const deadline = Date.now() + 90_000;
    for (const tenant of this.tenants) {
      for (const team of tenant.teams) {
        for (const op of ['create-objective', 'report-failure'] as const) {
          for (;;) {
            const answer = await (op === 'create-objective' ? this.createObjective(tenant, team) : this.reportFailure(tenant, team));
            if (answer.outcome === 'acknowledged') break;
            if (Date.now() > deadline) throw new Error(`${op} for ${team.teamId} still refused after 90 s: ${answer.status} ${JSON.stringify(answer.body)}`);
            await sleep(250);
          }
        }
      }
    }
  }

  start(): void {
    this.running = true;
    this.workers = Array.from({ length: this.shape.concurrency }, () => this.worker());
  }

  async stop(): Promise<void> {
    this.running = false;
    await Promise.all(this.workers);
    this.workers = [];
  }

  private async worker(): Promise<void> {
    while (this.running) {
      const tenant = this.hot ? this.tenants[0]! : pick(this.tenants);
      const team = this.hot ? tenant.teams[0]! : pick(tenant.teams);
      const roll = Math.random();
      const answer =
        roll < 0.3
          ? await this.setLevel(tenant, team)
          : roll < 0.4
            ? await this.addMember(tenant, team)
            : roll < 0.5
              ? await this.createObjective(tenant, team)
              : roll < 0.7
                ? await this.addKeyResult(tenant, team)
                : roll < 0.9
                  ? await this.reportFailure(tenant, team)
                  : await this.openRound(tenant, team);
      // A process that is down answers at once; do not spin.
      if (answer.outcome !== 'acknowledged' && answer.outcome !== 'refused') await sleep(100);
    }
  }

  private setLevel(tenant: TenantFixture, team: TeamFixture): Promise<Answer> {
    const level = 1 + Math.floor(Math.random() * 7);
    return this.send(tenant.tenantId, 'governance', team.coach, 'PUT', `/api/governance/teams/${team.teamId}/delegation-board/areas/${pick(AREAS)}/level`, { level, reason: 'Agreed at the delegation poker session' }, 'set-level');
  }

  private addMember(tenant: TenantFixture, team: TeamFixture): Promise<Answer> {
    return this.send(tenant.tenantId, 'governance', team.coach, 'POST', `/api/governance/teams/${team.teamId}/members`, { memberId: `m-${randomUUID().slice(0, 8)}` }, 'add-member');
  }

  private async createObjective(tenant: TenantFixture, team: TeamFixture): Promise<Answer> {
    const objectiveId = randomUUID();
    const answer = await this.send(
      tenant.tenantId,
      'okr',
      team.coach,
      'POST',
      '/api/okr/objectives',
      { objectiveId, cycleId: tenant.cycleId, level: 'team', owner: { kind: 'team', id: team.teamId }, title: 'Deliver end to end', commitment: 'aspirational' },
      'create-objective',
    );
    if (answer.outcome === 'acknowledged') team.objectives.push(objectiveId);
    return answer;
  }

  private addKeyResult(tenant: TenantFixture, team: TeamFixture): Promise<Answer> {
    const objectiveId = team.objectives.length > 0 ? pick(team.objectives) : undefined;
    if (!objectiveId) return this.createObjective(tenant, team);
    return this.send(
      tenant.tenantId,
      'okr',
      team.coach,
      'POST',
      `/api/okr/objectives/${objectiveId}/key-results`,
      { keyResultId: `kr-${randomUUID().slice(0, 12)}`, title: 'Lead time down', measure: { kind: 'numeric', start: 0, target: 10, unit: 'points', direction: 'increase-to' } },
      'add-key-result',
    );
  }

  private reportFailure(tenant: TenantFixture, team: TeamFixture): Promise<Answer> {
    const now = Date.now();
    return this.send(
      tenant.tenantId,
      'failure-learning',
      team.member,
      'POST',
      '/api/failure-learning/reports',
      {
        reportId: randomUUID(),
        teamId: team.teamId,
        expected: 'The deployment to go as agreed',
        happened: 'The deployment went wrong',
        context: 'A normal week with the usual load',
        impact: { description: 'Customers waited longer than promised' },
        severity: 'medium',
        occurredAt: new Date(now - 3_600_000).toISOString(),
        noticedAt: new Date(now - 1_800_000).toISOString(),
        area: 'deployments',
        tags: ['faults'],
        anonymous: false,
      },
      'report-failure',
    );
  }

  private openRound(tenant: TenantFixture, team: TeamFixture): Promise<Answer> {
    return this.send(tenant.tenantId, 'assessment', team.coach, 'POST', '/api/assessment/rounds', { roundId: randomUUID(), teamId: team.teamId, instruments: INSTRUMENTS }, 'open-round');
  }

  private async must(tenantId: string, service: ServiceName, as: Principal, method: string, path: string, body: unknown, op: string): Promise<Record<string, unknown>> {
    const answer = await this.send(tenantId, service, as, method, path, body, op);
    if (answer.outcome !== 'acknowledged') throw new Error(`${method} ${path} (${op}) during set-up: ${answer.status ?? answer.outcome} ${JSON.stringify(answer.body)}`);
    return answer.body;
  }

  private async token(tenantId: string, as: Principal): Promise<string> {
    const key = `${tenantId}|${as.userId}|${as.roles.join(',')}`;
    const cached = this.tokens.get(key);
    if (cached) return cached;
    const response = await fetch(`${this.stack.url('governance')}/api/auth/dev-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tenantId, userId: as.userId, roles: as.roles }),
      signal: AbortSignal.timeout(10_000),
    });
    const body = (await response.json()) as { access_token?: string };
    if (!response.ok || !body.access_token) throw new Error(`dev-token for ${as.userId}: ${response.status} ${JSON.stringify(body)}`);
    this.tokens.set(key, body.access_token);
    return body.access_token;
  }

  /** One command, recorded in the ledger; never retried. */
  async send(tenantId: string, service: ServiceName, as: Principal, method: string, path: string, body: unknown, op: string): Promise<Answer> {
    const correlationId = this.ledger.correlationId();
    const base = { correlationId, service, op, tenant: tenantId };
    let url: string;
    try {
      url = `${this.stack.url(service)}${path}`;
    } catch {
      // The process is down (killed by a scenario): the command was never sent.
      this.ledger.record({ ...base, outcome: 'unknown', eventIds: [] });
      return { outcome: 'unknown', body: { error: `${service} is down` } };
    }
    const token = await this.token(tenantId, as);
    let response: Response;
    let text: string;
    try {
      response = await fetch(url, {
        method,
        headers: { authorization: `Bearer ${token}`, 'x-correlation-id': correlationId, ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
        ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
        signal: AbortSignal.timeout(15_000),
      });
      text = await response.text();
    } catch (error) {
      this.ledger.record({ ...base, outcome: 'unknown', eventIds: [] });
      return { outcome: 'unknown', body: { error: (error as Error).message } };
    }
    let answer: Record<string, unknown> = {};
    try {
      answer = text ? (JSON.parse(text) as Record<string, unknown>) : {};
    } catch {
      answer = { text };
    }
    const status = response.status;
    const outcome: Outcome = response.ok ? 'acknowledged' : status === 503 ? 'unavailable' : status >= 500 ? 'failed' : 'refused';
    const eventIds = outcome === 'acknowledged' && Array.isArray(answer['events']) ? (answer['events'] as Array<{ eventId: string }>).map((e) => e.eventId) : [];
    const code = typeof answer['code'] === 'string' ? answer['code'] : undefined;
    this.ledger.record({ ...base, outcome, status, ...(code ? { code } : {}), eventIds });
    return { outcome, status, body: answer };
  }
}
