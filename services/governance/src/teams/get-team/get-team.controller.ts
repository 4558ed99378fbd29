import { Controller, Get, Param } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, ProblemException, ProjectionsHost, parseRequest, type Principal } from '@leerzone/nest-platform';
import { TEAMS_PROJECTION, type TeamDocument } from '../read-model/teams.projection';
import { TeamIdParam } from '../team-id.param';

@ApiTags('governance: teams')
@Controller('api/governance/teams')
export class GetTeamController {
  constructor(private readonly projections: ProjectionsHost) {}

  @Get(':teamId')
  @ApiOperation({ summary: 'A team as the read model has it: name, unit, phase and since when, member count.' })
  async get(@Param() params: unknown, @CurrentPrincipal() principal: Principal) {
    const { teamId } = parseRequest(TeamIdParam, params, 'params');
    const team = await this.projections.readModels
      .collection<TeamDocument>(TEAMS_PROJECTION, 'teams')
      // The tenant is part of every read-model query: ids alone never cross tenants.
      .findOne({ _id: teamId, tenantId: principal.tenantId });
    if (!team) throw ProblemException.notFound('TEAM.NOT_FOUND', `There is no team ${teamId}.`);
    const { _id, ...body } = team;
    return body;
  }
}
