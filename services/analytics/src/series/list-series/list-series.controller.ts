import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { periodsBetween, series } from '@leerzone/analytics-domain';
import { CLOCK, CurrentPrincipal, Roles, parseRequest, validationProblem, type Principal, ApiQueryFrom } from '@leerzone/nest-platform';
import { AnalyticsData } from '../../shared/analytics-data';
import { ANALYTICS_READERS, teamScope } from '../../shared/analytics-query';
import { SERIES_EXAMPLE } from '../../shared/examples';
import { ListSeriesQuery } from './list-series.request';

/** A series covers at most 10 years of months. */
export const MAX_PERIODS = 120;

@ApiTags('analytics: series')
@Controller('api/analytics/series')
export class ListSeriesController {
  constructor(
    private readonly data: AnalyticsData,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  @Get()
  @Roles(...ANALYTICS_READERS)
  @ApiOperation({
    summary:
      'Per month or quarter (`by`): teams per phase at the end of the period (the adoption funnel over time), delegation and boundary changes, escalations, zone changes, failures reported and basic repeats, trust over the rounds closed in the period (withheld below the threshold) and the mean score of objectives whose cycle ended in it. Filter: unit, team, phase.',
  })
  @ApiQueryFrom(ListSeriesQuery)
  @ApiOkResponse({ schema: { example: { by: 'quarter', threshold: 5, points: [SERIES_EXAMPLE] } } })
  async list(@Query() query: unknown, @CurrentPrincipal() principal: Principal) {
    const request = parseRequest(ListSeriesQuery, query, 'query');
    const { tenantId } = principal;
    const to = request.to ?? this.clock().toISOString();
    if (to < request.from) throw validationProblem([{ field: 'to', message: 'to must not be before from.', code: 'ANALYTICS.PERIOD_REVERSED' }]);
    if (periodsBetween(request.by, request.from, to).length > MAX_PERIODS) {
      throw validationProblem([{ field: 'from', message: `A series covers at most ${MAX_PERIODS} periods; narrow from/to or use by=quarter.`, code: 'ANALYTICS.SERIES_TOO_LONG' }]);
    }
    const [threshold, teams] = await Promise.all([this.data.threshold(tenantId), this.data.allSources(tenantId, teamScope(request))]);
    return { by: request.by, threshold, points: series(request.by, teams, request.from, to, threshold) };
  }
}
