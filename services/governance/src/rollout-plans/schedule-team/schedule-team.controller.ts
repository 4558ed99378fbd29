import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { ORGANISATION_LEADS } from '../../shared/access';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { RolloutPlanCommands } from '../application/rollout-plan-commands';
import { PlanIdParam } from '../plan-id.param';
import { ScheduleTeamRequest } from './schedule-team.request';

@ApiTags('governance: rollout')
@Controller('api/governance/rollout-plans')
export class ScheduleTeamController {
  constructor(private readonly plans: RolloutPlanCommands) {}

  @Post(':planId/teams')
  @HttpCode(201)
  @Roles(...ORGANISATION_LEADS)
  @ApiOperation({ summary: 'Put a team in the plan as pilot or following, with planned dates. Start small: no following team before the first pilot (422 ROLLOUT.PILOT_FIRST).' })
  @ApiBody({ schema: jsonSchemaOf(ScheduleTeamRequest) })
  @ApiParamsFrom(PlanIdParam)
  async schedule(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { planId } = parseRequest(PlanIdParam, params, 'params');
    const { reason, ...schedule } = parseRequest(ScheduleTeamRequest, body);
    await this.plans.requireTeam(write.principal.tenantId, schedule.teamId);
    const result = await this.plans.run(write, planId, { type: 'ScheduleTeam', data: { planId, ...schedule } }, reason);
    return commandAnswer(response, result, { planId, teamId: schedule.teamId });
  }
}
