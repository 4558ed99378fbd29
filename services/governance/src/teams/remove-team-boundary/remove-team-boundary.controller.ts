import { Body, Controller, Delete, Param, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { TeamScoped, Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { TEAM_MANAGERS } from '../../shared/access';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { ReasonOnly } from '../../shared/governance-fields';
import { TeamCommands } from '../application/team-commands';
import { TeamBoundaryParams } from '../team-id.param';

@ApiTags('governance: boundaries')
@Controller('api/governance/teams')
export class RemoveTeamBoundaryController {
  constructor(private readonly teams: TeamCommands) {}

  @TeamScoped('teamId', 'coach')
  @Delete(':teamId/boundaries/:boundaryId')
  @Roles(...TEAM_MANAGERS)
  @ApiOperation({ summary: "Remove one of the team's own boundaries, with a reason (body or X-Reason)." })
  @ApiBody({ schema: jsonSchemaOf(ReasonOnly) })
  @ApiParamsFrom(TeamBoundaryParams)
  async remove(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { teamId, boundaryId } = parseRequest(TeamBoundaryParams, params, 'params');
    const { reason } = parseRequest(ReasonOnly, body);
    const result = await this.teams.run(write, teamId, {
      access: 'manager',
      what: 'remove boundaries',
      reason,
      frame: 'team-unit',
      command: (unitBoundaries) => ({ type: 'RemoveTeamBoundary', data: { teamId, boundaryId, unitBoundaries } }),
    });
    return commandAnswer(response, result, { teamId, boundaryId });
  }
}
