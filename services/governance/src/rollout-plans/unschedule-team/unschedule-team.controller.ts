import { Body, Controller, Delete, Param, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { ORGANISATION_LEADS } from '../../shared/access';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { ReasonOnly } from '../../shared/governance-fields';
import { RolloutPlanCommands } from '../application/rollout-plan-commands';
import { PlanTeamParams } from '../plan-id.param';

@ApiTags('governance: rollout')
@Controller('api/governance/rollout-plans')
export class UnscheduleTeamController {
  constructor(private readonly plans: RolloutPlanCommands) {}

  @Delete(':planId/teams/:teamId')
  @Roles(...ORGANISATION_LEADS)
  @ApiOperation({ summary: 'Take a team out of the plan, with a reason. The last pilot cannot go while teams follow it.' })
  @ApiBody({ schema: jsonSchemaOf(ReasonOnly) })
  @ApiParamsFrom(PlanTeamParams)
  async unschedule(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { planId, teamId } = parseRequest(PlanTeamParams, params, 'params');
    const { reason } = parseRequest(ReasonOnly, body);
    const result = await this.plans.run(write, planId, { type: 'UnscheduleTeam', data: { planId, teamId } }, reason);
    return commandAnswer(response, result, { planId, teamId });
  }
}
