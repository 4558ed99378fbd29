import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { TeamScoped, Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { TEAM_MANAGERS } from '../../shared/access';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { TeamCommands } from '../application/team-commands';
import { TeamIdParam } from '../team-id.param';
import { PlanCoachingTopicRequest } from './plan-coaching-topic.request';

@ApiTags('governance: coaching')
@Controller('api/governance/teams')
export class PlanCoachingTopicController {
  constructor(private readonly teams: TeamCommands) {}

  @TeamScoped('teamId', 'coach')
  @Post(':teamId/coaching/topics')
  @HttpCode(201)
  @Roles(...TEAM_MANAGERS)
  @ApiOperation({ summary: "Add a topic (budgeting, planning, giving-feedback, …) to the team's coaching plan." })
  @ApiBody({ schema: jsonSchemaOf(PlanCoachingTopicRequest) })
  @ApiParamsFrom(TeamIdParam)
  async plan(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { teamId } = parseRequest(TeamIdParam, params, 'params');
    const { topic, goal, reason } = parseRequest(PlanCoachingTopicRequest, body);
    const result = await this.teams.run(write, teamId, {
      access: 'manager',
      what: 'plan coaching',
      reason,
      command: () => ({ type: 'PlanCoachingTopic', data: { teamId, topic, ...(goal !== undefined ? { goal } : {}) } }),
    });
    return commandAnswer(response, result, { teamId, topic });
  }
}
