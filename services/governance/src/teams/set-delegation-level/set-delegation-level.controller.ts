import { Body, Controller, Param, Put, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { TeamScoped, Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { TEAM_MANAGERS } from '../../shared/access';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { TeamCommands } from '../application/team-commands';
import { TeamAreaParams } from '../team-id.param';
import { SetDelegationLevelRequest } from './set-delegation-level.request';

@ApiTags('governance: delegation board')
@Controller('api/governance/teams')
export class SetDelegationLevelController {
  constructor(private readonly teams: TeamCommands) {}

  @TeamScoped('teamId', 'coach')
  @Put(':teamId/delegation-board/areas/:area/level')
  @Roles(...TEAM_MANAGERS)
  @ApiOperation({ summary: 'Set the delegation level of an area, with a reason; the event keeps the previous level. Send If-Match to refuse (412) when the board changed since you read it.' })
  @ApiBody({ schema: jsonSchemaOf(SetDelegationLevelRequest) })
  @ApiParamsFrom(TeamAreaParams)
  async set(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { teamId, area } = parseRequest(TeamAreaParams, params, 'params');
    const { level, reviewBy = null, reason } = parseRequest(SetDelegationLevelRequest, body);
    const result = await this.teams.run(write, teamId, { access: 'manager', what: 'change delegation levels', reason, command: () => ({ type: 'SetDelegationLevel', data: { teamId, area, level, reviewBy } }) });
    const entry = result.state.decisionAreas.get(area);
    return commandAnswer(response, result, { teamId, area, level: entry?.level ?? null, reviewBy: entry?.reviewBy ?? null });
  }
}
