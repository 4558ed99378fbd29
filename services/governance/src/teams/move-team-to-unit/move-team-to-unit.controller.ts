import { Body, Controller, Param, Put, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { TeamScoped, Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { TEAM_MANAGERS } from '../../shared/access';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { TeamCommands } from '../application/team-commands';
import { TeamIdParam } from '../team-id.param';
import { MoveTeamToUnitRequest } from './move-team-to-unit.request';

@ApiTags('governance: teams')
@Controller('api/governance/teams')
export class MoveTeamToUnitController {
  constructor(private readonly teams: TeamCommands) {}

  @TeamScoped('teamId', 'coach')
  @Put(':teamId/unit')
  @Roles(...TEAM_MANAGERS)
  @ApiOperation({ summary: "Move a team to another unit, with a reason. Refused (403 BOUNDARY.WIDER_THAN_UNIT) when the team's own boundaries would be wider than the new unit's." })
  @ApiBody({ schema: jsonSchemaOf(MoveTeamToUnitRequest) })
  @ApiParamsFrom(TeamIdParam)
  async move(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { teamId } = parseRequest(TeamIdParam, params, 'params');
    const { unitId, reason } = parseRequest(MoveTeamToUnitRequest, body);
    const result = await this.teams.run(write, teamId, {
      access: 'manager',
      what: 'move the team',
      reason,
      frame: { unitId },
      command: (unitBoundaries) => ({ type: 'MoveTeamToUnit', data: { teamId, unitId, unitBoundaries } }),
    });
    return commandAnswer(response, result, { teamId, unitId: result.state.unitId });
  }
}
