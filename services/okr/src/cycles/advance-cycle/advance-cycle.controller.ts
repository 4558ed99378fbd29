import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { cycleDecider, cycleStreamId, type CycleCommand } from '@leerzone/okr-domain';
import { commandAnswer, ServiceCommands, Write, type WriteRequest } from '@leerzone/service-kit';
import { CYCLE_LEADS } from '../../shared/access';
import { cycleNotFound } from '../../shared/cycle-lookup';
import { commandAnswerExample, CYCLE_ID } from '../../shared/openapi-examples';
import { ReasonOnly } from '../../shared/okr-fields';
import { CycleIdParam } from '../cycle-id.param';

/** Start a cycle (planning → running) and start its grading (running → grading): no facts from elsewhere. */
@ApiTags('okr: cycles')
@Controller('api/okr/cycles')
export class AdvanceCycleController {
  constructor(private readonly commands: ServiceCommands) {}

  @Post(':cycleId/start')
  @HttpCode(200)
  @Roles(...CYCLE_LEADS)
  @ApiOperation({ summary: 'Start the cycle (transformation lead, admin): check-ins open; goalposts of committed objectives now move only with a reason.' })
  @ApiBody({ schema: jsonSchemaOf(ReasonOnly), required: false })
  @ApiOkResponse({ schema: { example: commandAnswerExample({ cycleId: CYCLE_ID }, 'CycleStarted', 2) } })
  start(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    return this.advance('StartCycle', params, body, write, response);
  }

  @Post(':cycleId/grading')
  @HttpCode(200)
  @Roles(...CYCLE_LEADS)
  @ApiOperation({ summary: 'Start grading (transformation lead, admin): no more check-ins; objectives can be graded.' })
  @ApiBody({ schema: jsonSchemaOf(ReasonOnly), required: false })
  @ApiOkResponse({ schema: { example: commandAnswerExample({ cycleId: CYCLE_ID }, 'CycleGradingStarted', 3) } })
  @ApiParamsFrom(CycleIdParam)
  grading(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    return this.advance('StartGrading', params, body, write, response);
  }

  private async advance(type: 'StartCycle' | 'StartGrading', params: unknown, body: unknown, write: WriteRequest, response: Response) {
    const { cycleId } = parseRequest(CycleIdParam, params, 'params');
    const { reason } = parseRequest(ReasonOnly, body);
    const command: CycleCommand = { type, data: { cycleId } };
    const result = await this.commands.run(cycleDecider, cycleStreamId(write.principal.tenantId, cycleId), command, write.context(reason), {
      ifMatch: write.ifMatch,
      guard: ({ state }) => (state.exists ? null : cycleNotFound(cycleId)),
    });
    return commandAnswer(response, result, { cycleId });
  }
}
