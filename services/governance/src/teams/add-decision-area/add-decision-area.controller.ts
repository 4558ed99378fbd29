import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { TeamScoped, Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { TEAM_MANAGERS } from '../../shared/access';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { TeamCommands } from '../application/team-commands';
import { TeamIdParam } from '../team-id.param';
import { AddDecisionAreaRequest } from './add-decision-area.request';

@ApiTags('governance: delegation board')
@Controller('api/governance/teams')
export class AddDecisionAreaController {
  constructor(private readonly teams: TeamCommands) {}

  @TeamScoped('teamId', 'coach')
  @Post(':teamId/delegation-board/areas')
  @HttpCode(201)
  @Roles(...TEAM_MANAGERS)
  @ApiOperation({ summary: 'Add a key decision area to the board (hiring, budget-spend, tooling, planning and working-hours are there already).' })
  @ApiBody({ schema: jsonSchemaOf(AddDecisionAreaRequest) })
  @ApiParamsFrom(TeamIdParam)
  async add(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { teamId } = parseRequest(TeamIdParam, params, 'params');
    const { area, title, reason } = parseRequest(AddDecisionAreaRequest, body);
    const result = await this.teams.run(write, teamId, { access: 'manager', what: 'add decision areas', reason, command: () => ({ type: 'AddDecisionArea', data: { teamId, area, title } }) });
    return commandAnswer(response, result, { teamId, area });
  }
}
