import { Body, Controller, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { NEW_ID, Roles, jsonSchemaOf, parseRequest } from '@leerzone/nest-platform';
import { UnitFrames } from '../../organisations/application/unit-frames';
import { ORGANISATION_LEADS } from '../../shared/access';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { RolloutPlanCommands } from '../application/rollout-plan-commands';
import { CreateRolloutPlanRequest } from './create-rollout-plan.request';

@ApiTags('governance: rollout')
@Controller('api/governance/rollout-plans')
export class CreateRolloutPlanController {
  constructor(
    private readonly plans: RolloutPlanCommands,
    private readonly frames: UnitFrames,
    @Inject(NEW_ID) private readonly newId: () => string,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles(...ORGANISATION_LEADS)
  @ApiOperation({ summary: 'Create a rollout plan: which teams pilot, which follow, and when (transformation lead, admin).' })
  @ApiBody({ schema: jsonSchemaOf(CreateRolloutPlanRequest) })
  async create(@Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { planId: requested, name, unitId, reason } = parseRequest(CreateRolloutPlanRequest, body);
    if (unitId) await this.frames.requireOrganisationOf(write.principal.tenantId, unitId);
    const planId = requested ?? this.newId();
    const result = await this.plans.run(write, planId, { type: 'CreateRolloutPlan', data: { planId, name, unitId: unitId ?? null } }, reason);
    response.setHeader('Location', `/api/governance/rollout-plans/${planId}`);
    return commandAnswer(response, result, { planId });
  }
}
