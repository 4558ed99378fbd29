import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyRole, CurrentPrincipal, ProjectionsHost, parseRequest, type Principal, ApiQueryFrom, ApiParamsFrom } from '@leerzone/nest-platform';
import { teamBoundariesAsOf } from '@leerzone/governance-domain';
import { UnitFrames } from '../../organisations/application/unit-frames';
import { AsOfQuery } from '@leerzone/service-kit';
import { TeamPast } from '../application/team-past';
import { TeamReadModels } from '../application/team-read-models';
import { TEAM_BOUNDARIES_PROJECTION, type TeamBoundaryDocument } from '../read-model/team-boundaries.projection';
import { TeamIdParam } from '../team-id.param';
import { EXAMPLES } from '../../shared/examples';

@ApiTags('governance: boundaries')
@Controller('api/governance/teams')
export class GetTeamBoundariesController {
  constructor(
    private readonly teams: TeamReadModels,
    private readonly past: TeamPast,
    private readonly frames: UnitFrames,
    private readonly projections: ProjectionsHost,
  ) {}

  @AnyRole('read open to every user of the tenant')
  @Get(':teamId/boundaries')
  @ApiOkResponse({ schema: { example: EXAMPLES.teamBoundaries } })
  @ApiOperation({
    summary:
      "The team's own boundaries (who set them, when, why) and the effective frame (the unit's, inherited down the tree, plus the team's). ?asOf=<ISO instant> answers what held at that moment, rebuilt from the team's and the organisation's events.",
  })
  @ApiQueryFrom(AsOfQuery)
  @ApiParamsFrom(TeamIdParam)
  async get(@Param() params: unknown, @Query() query: unknown, @CurrentPrincipal() principal: Principal) {
    const { teamId } = parseRequest(TeamIdParam, params, 'params');
    const { asOf } = parseRequest(AsOfQuery, query, 'query');
    const tenantId = principal.tenantId;
    if (asOf) {
      const moment = new Date(asOf);
      const events = await this.past.events(tenantId, teamId);
      return teamBoundariesAsOf(events, moment, await this.past.unitBoundariesAsOf(tenantId, events, moment));
    }
    const team = await this.teams.requireTeam(tenantId, teamId);
    const [{ items }, unitBoundaries] = await Promise.all([
      this.projections.readModels.collection<TeamBoundaryDocument>(TEAM_BOUNDARIES_PROJECTION, 'boundaries').find({ tenantId, teamId }, { sort: { order: 1 } }),
      this.frames.forQuery(tenantId, team.unitId),
    ]);
    const own = items.map(({ boundary, setBy, setAt, reason, proposalId }) => ({ boundary, setBy, setAt, reason, proposalId }));
    return {
      teamId,
      unitId: team.unitId,
      own,
      effective: [...unitBoundaries, ...own.map((entry) => ({ boundary: entry.boundary, source: { level: 'team' as const, teamId } }))],
    };
  }
}
