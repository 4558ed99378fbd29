import { Body, Controller, Param, Patch, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { TeamScoped, Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { TEAM_MANAGERS } from '../../shared/access';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { TeamCommands } from '../application/team-commands';
import { TeamIdParam } from '../team-id.param';
import { RenameTeamRequest } from './rename-team.request';

@ApiTags('governance: teams')
@Controller('api/governance/teams')
export class RenameTeamController {
  constructor(private readonly teams: TeamCommands) {}

  @TeamScoped('teamId', 'coach')
  @Patch(':teamId')
  @Roles(...TEAM_MANAGERS)
  @ApiOperation({ summary: 'Rename a team (its coach, a transformation lead or admin). Honours If-Match.' })
  @ApiBody({ schema: jsonSchemaOf(RenameTeamRequest) })
  @ApiParamsFrom(TeamIdParam)
  async rename(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { teamId } = parseRequest(TeamIdParam, params, 'params');
    const { name, reason } = parseRequest(RenameTeamRequest, body);
    const result = await this.teams.run(write, teamId, { access: 'manager', what: 'rename the team', reason, command: () => ({ type: 'RenameTeam', data: { teamId, name } }) });
    return commandAnswer(response, result, { teamId });
  }
}
