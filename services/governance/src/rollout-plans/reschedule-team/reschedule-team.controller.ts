import { Body, Controller, Param, Put, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { ORGANISATION_LEADS } from '../../shared/access';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { RolloutPlanCommands } from '../application/rollout-plan-commands';
import { PlanTeamParams } from '../plan-id.param';
import { RescheduleTeamRequest } from './reschedule-team.request';

@ApiTags('governance: rollout')
@Controller('api/governance/rollout-plans')
export class RescheduleTeamController {
  constructor(private readonly plans: RolloutPlanCommands) {}

  @Put(':planId/teams/:teamId')
  @Roles(...ORGANISATION_LEADS)
  @ApiOperation({ summary: "Change a team's wave or dates, with a reason; the event keeps the previous schedule." })
  @ApiBody({ schema: jsonSchemaOf(RescheduleTeamRequest) })
  @ApiParamsFrom(PlanTeamParams)
  async reschedule(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { planId, teamId } = parseRequest(PlanTeamParams, params, 'params');
    const { reason, ...schedule } = parseRequest(RescheduleTeamRequest, body);
    const result = await this.plans.run(write, planId, { type: 'RescheduleTeam', data: { planId, teamId, ...schedule } }, reason);
    return commandAnswer(response, result, { planId, teamId });
  }
}
