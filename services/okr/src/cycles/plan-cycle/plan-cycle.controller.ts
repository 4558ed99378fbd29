import { Body, Controller, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { NEW_ID, Roles, jsonSchemaOf, parseRequest } from '@leerzone/nest-platform';
import { cycleDecider, cycleStreamId } from '@leerzone/okr-domain';
import { commandAnswer, ServiceCommands, Write, type WriteRequest } from '@leerzone/service-kit';
import { CYCLE_LEADS } from '../../shared/access';
import { commandAnswerExample, CYCLE_ID } from '../../shared/openapi-examples';
import { PlanCycleRequest } from './plan-cycle.request';

@ApiTags('okr: cycles')
@Controller('api/okr/cycles')
export class PlanCycleController {
  constructor(
    private readonly commands: ServiceCommands,
    @Inject(NEW_ID) private readonly newId: () => string,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles(...CYCLE_LEADS)
  @ApiOperation({ summary: 'Plan a cycle (transformation lead, admin): the next calendar quarter by default, a named quarter, or any dates. Starts in planning.' })
  @ApiBody({ schema: jsonSchemaOf(PlanCycleRequest), examples: { quarter: { value: { quarter: '2026-Q3' } }, dates: { value: { name: 'Autumn', startsOn: '2026-09-01', endsOn: '2026-11-30' } } } })
  @ApiCreatedResponse({ description: 'CyclePlanned', schema: { example: commandAnswerExample({ cycleId: CYCLE_ID }, 'CyclePlanned') } })
  async plan(@Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { reason, cycleId: given, ...dates } = parseRequest(PlanCycleRequest, body);
    const cycleId = given ?? this.newId();
    const result = await this.commands.run(cycleDecider, cycleStreamId(write.principal.tenantId, cycleId), { type: 'PlanCycle', data: { cycleId, ...dates } }, write.context(reason), { ifMatch: write.ifMatch });
    response.setHeader('Location', `/api/okr/cycles/${cycleId}`);
    return commandAnswer(response, result, { cycleId });
  }
}
