import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { OUTCOME_MEASURES, spearman, teamFigures } from '@leerzone/analytics-domain';
import { CLOCK, CurrentPrincipal, Roles, parseRequest, type Principal, ApiQueryFrom } from '@leerzone/nest-platform';
import { AnalyticsData } from '../../shared/analytics-data';
import { ANALYTICS_READERS, teamScope } from '../../shared/analytics-query';
import { OutcomesNextToTrustQuery } from './outcomes-next-to-trust.request';

const TRUST_MEASURES = ['psychologicalSafety', 'abiTotal'] as const;

@ApiTags('analytics: outcomes')
@Controller('api/analytics/outcomes')
export class OutcomesNextToTrustController {
  constructor(
    private readonly data: AnalyticsData,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  @Get()
  @Roles(...ANALYTICS_READERS)
  @ApiOperation({
    summary:
      "Each team's outcome measures of a period next to its trust measures (its latest round at or above the anonymity threshold, closed before the period ended), with Spearman's rank correlation across teams for every outcome × trust pair, its n, and an honest note when n is too small to mean much. Filter: unit, phase.",
  })
  @ApiQueryFrom(OutcomesNextToTrustQuery)
  @ApiOkResponse({
    schema: {
      example: {
        period: '2026-Q1',
        threshold: 5,
        teams: [{ teamId: '0199a0b2-7c1e-7000-8000-0000000000a1', name: 'Noord', unitId: 'u-care', engagement: 72, absenteeismRate: 4.1, innovativeIdeas: 6, projectLeadTimeDays: 31, psychologicalSafety: 5.4, abiTotal: 4.1, trustN: 7 }],
        correlations: [{ outcome: 'engagement', trust: 'psychologicalSafety', rho: 0.62, n: 38, note: 'A correlation across teams, not a cause: teams differ in more than trust.' }],
      },
    },
  })
  async list(@Query() query: unknown, @CurrentPrincipal() principal: Principal) {
    const request = parseRequest(OutcomesNextToTrustQuery, query, 'query');
    const { tenantId } = principal;
    const [threshold, sources, outcomes] = await Promise.all([this.data.threshold(tenantId), this.data.allSources(tenantId, teamScope(request)), this.data.outcomes(tenantId, request.period)]);
    const byTeam = new Map(outcomes.map((o) => [o.teamId, o]));
    const periodEnd = periodEndOf(request.period);
    const now = this.clock().toISOString();
    const teams = sources
      .filter((s) => byTeam.has(s.team.teamId))
      .map((s) => {
        const outcome = byTeam.get(s.team.teamId)!;
        const rounds = teamFigures({ ...s, rounds: s.rounds.filter((r) => r.closedAt !== null && r.closedAt < periodEnd) }, now, threshold).trust.rounds;
        const latest = rounds.at(-1);
        return {
          teamId: s.team.teamId,
          name: s.team.name,
          unitId: s.team.unitId,
          ...Object.fromEntries(OUTCOME_MEASURES.map((m) => [m, outcome[m]])),
          psychologicalSafety: latest?.psychologicalSafety?.mean ?? null,
          abiTotal: latest?.abi?.total ?? null,
          trustN: latest ? Math.min(latest.psychologicalSafety?.n ?? Infinity, latest.abi?.n ?? Infinity) : null,
        } as Record<string, string | number | null>;
      });
    const correlations = OUTCOME_MEASURES.flatMap((outcome) =>
      TRUST_MEASURES.map((trust) => {
        const pairs = teams.filter((t) => typeof t[outcome] === 'number' && typeof t[trust] === 'number').map((t) => [t[outcome] as number, t[trust] as number] as const);
        return { outcome, trust, ...spearman(pairs) };
      }),
    );
    return { period: request.period, threshold, teams, correlations };
  }
}

/** The first instant after a month or quarter. */
function periodEndOf(period: string): string {
  const year = Number(period.slice(0, 4));
  const month = period.includes('Q') ? Number(period.slice(6)) * 3 : Number(period.slice(5, 7));
  return new Date(Date.UTC(year, month, 1)).toISOString();
}
