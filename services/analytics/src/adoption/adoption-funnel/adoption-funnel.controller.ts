import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { TEAM_PHASES, periodsBetween, series } from '@leerzone/analytics-domain';
import { CLOCK, CurrentPrincipal, Roles, parseRequest, validationProblem, type Principal, ApiQueryFrom } from '@leerzone/nest-platform';
import { AnalyticsData } from '../../shared/analytics-data';
import { ANALYTICS_READERS, teamScope } from '../../shared/analytics-query';
import { MAX_PERIODS } from '../../series/list-series/list-series.controller';
import { AdoptionFunnelQuery } from './adoption-funnel.request';

@ApiTags('analytics: adoption')
@Controller('api/analytics/adoption-funnel')
export class AdoptionFunnelController {
  constructor(
    private readonly data: AnalyticsData,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  @Get()
  @Roles(...ANALYTICS_READERS)
  @ApiOperation({ summary: "Teams per rollout phase at the end of each month or quarter, and how many have reached each phase or a later one (the funnel). Filter: unit (with the units below it)." })
  @ApiQueryFrom(AdoptionFunnelQuery)
  @ApiOkResponse({
    schema: {
      example: {
        by: 'quarter',
        phases: TEAM_PHASES,
        points: [{ period: '2026-Q1', teams: 40, byPhase: { preparing: 20, pilot: 8, forming: 6, performing: 4, 'self-steering': 2 }, reached: { preparing: 40, pilot: 20, forming: 12, performing: 6, 'self-steering': 2 } }],
      },
    },
  })
  async funnel(@Query() query: unknown, @CurrentPrincipal() principal: Principal) {
    const request = parseRequest(AdoptionFunnelQuery, query, 'query');
    const to = request.to ?? this.clock().toISOString();
    if (to < request.from) throw validationProblem([{ field: 'to', message: 'to must not be before from.', code: 'ANALYTICS.PERIOD_REVERSED' }]);
    if (periodsBetween(request.by, request.from, to).length > MAX_PERIODS) {
      throw validationProblem([{ field: 'from', message: `A funnel covers at most ${MAX_PERIODS} periods.`, code: 'ANALYTICS.SERIES_TOO_LONG' }]);
    }
    const teams = await this.data.allSources(principal.tenantId, teamScope(request));
    const points = series(request.by, teams, request.from, to, Number.MAX_SAFE_INTEGER).map(({ period, byPhase }) => {
      const reached = Object.fromEntries(TEAM_PHASES.map((phase, i) => [phase, TEAM_PHASES.slice(i).reduce((sum, later) => sum + byPhase[later], 0)]));
      return { period, teams: reached['preparing'], byPhase, reached };
    });
    return { by: request.by, phases: TEAM_PHASES, points };
  }
}
