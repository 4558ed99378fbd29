import { Body, Controller, Param, Put, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { TeamScoped, Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { TEAM_ROLES } from '../../shared/access';
import { commandAnswerExample, TEAM_ID } from '../../shared/openapi-examples';
import { OkrTeamCommands } from '../application/okr-team-commands';
import { TeamIdParam } from '../team-id.param';
import { SetCadenceRequest } from './set-cadence.request';

@ApiTags('okr: teams')
@Controller('api/okr/teams')
export class SetCadenceController {
  constructor(private readonly teams: OkrTeamCommands) {}

  @TeamScoped('teamId', 'member', 'coach')
  @Put(':teamId/cadence')
  @Roles(...TEAM_ROLES)
  @ApiOperation({ summary: 'Set the team’s check-in cadence in days (1-31, default 7): the overdue query and the silence signal measure against it.' })
  @ApiBody({ schema: jsonSchemaOf(SetCadenceRequest), examples: { fortnight: { value: { everyDays: 14 } } } })
  @ApiOkResponse({ schema: { example: commandAnswerExample({ teamId: TEAM_ID, everyDays: 14 }, 'CheckInCadenceSet') } })
  @ApiParamsFrom(TeamIdParam)
  async set(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { teamId } = parseRequest(TeamIdParam, params, 'params');
    const { everyDays, reason } = parseRequest(SetCadenceRequest, body);
    const result = await this.teams.run(write, teamId, { what: 'set its cadence', reason, commandType: 'SetCheckInCadence', build: () => ({ type: 'SetCheckInCadence', data: { teamId, everyDays } }) });
    return commandAnswer(response, result, { teamId, everyDays });
  }
}
