import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AnyRole, CurrentPrincipal, parseRequest, type Principal, ApiParamsFrom } from '@leerzone/nest-platform';
import { etagOf } from '@leerzone/service-kit';
import { TeamReadModels } from '../application/team-read-models';
import { TeamIdParam } from '../team-id.param';
import { EXAMPLES } from '../../shared/examples';

@ApiTags('governance: teams')
@Controller('api/governance/teams')
export class GetTeamController {
  constructor(private readonly teams: TeamReadModels) {}

  @AnyRole('read open to every user of the tenant')
  @Get(':teamId')
  @ApiOkResponse({ schema: { example: EXAMPLES.team } })
  @ApiOperation({ summary: 'A team as the read model has it: name, unit, phase and since when, member count. ETag = the team stream version (send it as If-Match on writes).' })
  @ApiParamsFrom(TeamIdParam)
  async get(@Param() params: unknown, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) response: Response) {
    const { teamId } = parseRequest(TeamIdParam, params, 'params');
    // The precomputed stall moments serve the list's filter; the phase endpoint says whether the team stalled.
    const { _id, phaseStallsAt: _p, journeyStallsAt: _j, ...team } = await this.teams.requireTeam(principal.tenantId, teamId);
    response.setHeader('ETag', etagOf(team.version));
    return team;
  }
}
