import { Controller, Get, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { summariseTeams, type TeamOverview } from '@leerzone/analytics-domain';
import { CurrentPrincipal, ProjectionsHost, Roles, parseRequest, type Principal, ApiQueryFrom } from '@leerzone/nest-platform';
import { guardedQuery } from '@leerzone/service-kit';
import type { ReadModelCollection } from '@leerzone/projections';
import { TEAM_OVERVIEW_PROJECTION, type TeamOverviewDocument } from '../read-model/team-overview.projection';
import { ListTeamOverviewQuery } from './list-team-overview.request';

const SUMMARY_PAGE = 1_000;

@ApiTags('analytics: teams')
@Controller('api/analytics/teams')
export class ListTeamOverviewController {
  constructor(private readonly projections: ProjectionsHost) {}

  @Get()
  @Roles('analyst', 'transformation-lead', 'admin')
  @ApiOperation({
    summary:
      "The tenant's teams as analytics sees them (from governance's events, over the bus): phase and since when, members, decisions recorded and escalated, last activity; with a tenant-wide summary. Filter: phase; limit/after.",
  })
  @ApiQueryFrom(ListTeamOverviewQuery)
  async list(@Query() query: unknown, @CurrentPrincipal() principal: Principal) {
    const request = parseRequest(ListTeamOverviewQuery, query, 'query');
    const { tenantId } = principal;
    const teams = this.projections.readModels.collection<TeamOverviewDocument>(TEAM_OVERVIEW_PROJECTION, 'teams');
    const page = await guardedQuery(() =>
      teams.find({ tenantId, ...(request.phase ? { phase: request.phase } : {}) }, { sort: { name: 1 }, limit: request.limit, ...(request.after ? { after: request.after } : {}) }),
    );
    return {
      items: page.items.map(({ _id, ...team }): TeamOverview => team),
      ...(page.next ? { next: page.next } : {}),
      summary: summariseTeams(await allTeams(teams, tenantId)),
    };
  }
}

async function allTeams(teams: ReadModelCollection<TeamOverviewDocument>, tenantId: string): Promise<TeamOverviewDocument[]> {
  const all: TeamOverviewDocument[] = [];
  let after: string | undefined;
  do {
    const page = await teams.find({ tenantId }, { sort: { _id: 1 }, limit: SUMMARY_PAGE, ...(after ? { after } : {}) });
    all.push(...page.items);
    after = page.next;
  } while (after);
  return all;
}
