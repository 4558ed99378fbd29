import { Body, Controller, Param, Put, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { TeamScoped, Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { TEAM_MANAGERS } from '../../shared/access';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { TeamCommands } from '../application/team-commands';
import { TeamBoundaryParams } from '../team-id.param';
import { SetTeamBoundaryRequest } from './set-team-boundary.request';

@ApiTags('governance: boundaries')
@Controller('api/governance/teams')
export class SetTeamBoundaryController {
  constructor(private readonly teams: TeamCommands) {}

  @TeamScoped('teamId', 'coach')
  @Put(':teamId/boundaries/:boundaryId')
  @Roles(...TEAM_MANAGERS)
  @ApiOperation({
    summary:
      "Set (or change) a team boundary directly, with a reason. Never wider than the unit's (403 BOUNDARY.WIDER_THAN_UNIT), inherited unit boundaries cannot be changed here (403 BOUNDARY.INHERITED). For a change by consent, use proposals.",
  })
  @ApiBody({ schema: jsonSchemaOf(SetTeamBoundaryRequest) })
  @ApiParamsFrom(TeamBoundaryParams)
  async set(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { teamId, boundaryId } = parseRequest(TeamBoundaryParams, params, 'params');
    const { boundary, reason } = parseRequest(SetTeamBoundaryRequest, body);
    const result = await this.teams.run(write, teamId, {
      access: 'manager',
      what: 'set boundaries',
      reason,
      frame: 'team-unit',
      command: (unitBoundaries) => ({ type: 'SetTeamBoundary', data: { teamId, boundary: { ...boundary, boundaryId }, unitBoundaries } }),
    });
    return commandAnswer(response, result, { teamId, boundaryId, boundary: result.state.boundaries.get(boundaryId)?.boundary ?? null });
  }
}
