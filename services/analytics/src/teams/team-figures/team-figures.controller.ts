import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { matchesZone, teamFigures, withinPeriod } from '@leerzone/analytics-domain';
import { CLOCK, CurrentPrincipal, Roles, parseRequest, type Principal, ApiQueryFrom } from '@leerzone/nest-platform';
import { buildSafeSort } from '@leerzone/projection-store';
import { guardedQuery } from '@leerzone/service-kit';
import { AnalyticsData } from '../../shared/analytics-data';
import { ANALYTICS_READERS, period, teamScope } from '../../shared/analytics-query';
import { TEAM_FIGURES_EXAMPLE } from '../../shared/examples';
import { TEAM_SORT_FIELDS, TeamFiguresQuery } from './team-figures.request';

@ApiTags('analytics: teams')
@Controller('api/analytics/team-figures')
export class TeamFiguresController {
  constructor(
    private readonly data: AnalyticsData,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  @Get()
  @Roles(...ANALYTICS_READERS)
  @ApiOperation({
    summary:
      "Every figure of each team: rollout phase and days in it, yes against members, delegation levels and changes, boundaries, decisions, current zone and its history, trust per round (only rounds at or above the anonymity threshold, with respondent counts), OKR progress, status distribution, final scores and ambition, failure intelligence. Filter: unit (with the units below it), team, phase, zone, from/to (the period of reports, rounds, grades and changes); sort; limit/after. With a zone filter a page may hold fewer than `limit` teams: follow `next` until it is absent.",
  })
  @ApiQueryFrom(TeamFiguresQuery)
  @ApiOkResponse({ schema: { example: { items: [TEAM_FIGURES_EXAMPLE], next: 'eyJrIjpbIk5vb3JkIl19', threshold: 5 } } })
  async list(@Query() query: unknown, @CurrentPrincipal() principal: Principal) {
    const request = parseRequest(TeamFiguresQuery, query, 'query');
    const { tenantId } = principal;
    const now = this.clock().toISOString();
    const sort = await guardedQuery(async () => buildSafeSort(request.sort ?? 'name', TEAM_SORT_FIELDS));
    const filter = await this.data.teamFilter(tenantId, teamScope(request));
    const page = await guardedQuery(() => this.data.teams.find(filter, { sort, limit: request.limit, ...(request.after ? { after: request.after } : {}) }));
    const threshold = await this.data.threshold(tenantId);
    const items = (await this.data.sourcesOf(tenantId, page.items))
      .map((sources) => teamFigures(withinPeriod(sources, period(request)), now, threshold))
      .filter((figures) => matchesZone(figures, request.zone));
    return { items, ...(page.next ? { next: page.next } : {}), threshold };
  }
}
