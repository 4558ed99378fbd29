import { Controller, Get, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { COUNTED_FIELDS, summariseTeamGroups, type TeamOverview } from '@leerzone/analytics-domain';
import { CurrentPrincipal, ProjectionsHost, Roles, parseRequest, type Principal, ApiQueryFrom } from '@leerzone/nest-platform';
import { guardedQuery } from '@leerzone/service-kit';
import { TEAM_OVERVIEW_PROJECTION, type TeamOverviewDocument } from '../read-model/team-overview.projection';
import { ListTeamOverviewQuery } from './list-team-overview.request';

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
  @ApiOkResponse({
    schema: {
      example: {
        items: [
          {
            tenantId: 'acme',
            teamId: '0199a0b2-7c1e-7000-8000-0000000000a1',
            name: 'Noord',
            unitId: 'u-care',
            phase: 'pilot',
            phaseSince: '2026-04-01T00:00:00.000Z',
            memberCount: 7,
            decisionsRecorded: 12,
            decisionsEscalated: 3,
            createdAt: '2026-03-02T09:00:00.000Z',
            lastActivityAt: '2026-04-10T09:00:00.000Z',
          },
        ],
        next: 'eyJrIjpbIk5vb3JkIl19',
        summary: { teams: 40, byPhase: { preparing: 20, pilot: 8, forming: 6, performing: 4, 'self-steering': 2 }, members: 300, decisionsRecorded: 410, decisionsEscalated: 37, escalationShare: 0.083 },
      },
    },
  })
  async list(@Query() query: unknown, @CurrentPrincipal() principal: Principal) {
    const request = parseRequest(ListTeamOverviewQuery, query, 'query');
    const { tenantId } = principal;
    const teams = this.projections.readModels.collection<TeamOverviewDocument>(TEAM_OVERVIEW_PROJECTION, 'teams');
    const [page, byPhase] = await Promise.all([
      guardedQuery(() =>
        teams.find({ tenantId, ...(request.phase ? { phase: request.phase } : {}) }, { sort: { name: 1 }, limit: request.limit, ...(request.after ? { after: request.after } : {}) }),
      ),
      // Counted and summed by the store per phase: the tenant's thousands of team documents are never read here.
      teams.summarise({ tenantId }, { groupBy: 'phase', sum: COUNTED_FIELDS }),
    ]);
    return {
      items: page.items.map(overview),
      ...(page.next ? { next: page.next } : {}),
      summary: summariseTeamGroups(byPhase),
    };
  }
}

/** The overview's fields of a team's document (the full figures are at /api/analytics/team-figures). */
const overview = (team: TeamOverviewDocument): TeamOverview => ({
  tenantId: team.tenantId,
  teamId: team.teamId,
  name: team.name,
  unitId: team.unitId,
  phase: team.phase,
  phaseSince: team.phaseSince,
  memberCount: team.memberCount,
  decisionsRecorded: team.decisionsRecorded,
  decisionsEscalated: team.decisionsEscalated,
  createdAt: team.createdAt,
  lastActivityAt: team.lastActivityAt,
});
