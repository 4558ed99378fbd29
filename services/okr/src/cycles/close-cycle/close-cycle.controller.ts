import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { cycleDecider, cycleStreamId } from '@leerzone/okr-domain';
import { commandAnswer, ServiceCommands, Write, type WriteRequest } from '@leerzone/service-kit';
import { ObjectiveReadModels } from '../../objectives/application/objective-read-models';
import { CYCLE_LEADS } from '../../shared/access';
import { cycleNotFound } from '../../shared/cycle-lookup';
import { commandAnswerExample, CYCLE_ID } from '../../shared/openapi-examples';
import { ReasonOnly } from '../../shared/okr-fields';
import { CycleIdParam } from '../cycle-id.param';

@ApiTags('okr: cycles')
@Controller('api/okr/cycles')
export class CloseCycleController {
  constructor(
    private readonly commands: ServiceCommands,
    private readonly objectives: ObjectiveReadModels,
  ) {}

  @Post(':cycleId/close')
  @HttpCode(200)
  @Roles(...CYCLE_LEADS)
  @ApiOperation({ summary: 'Close the cycle (transformation lead, admin). Refused (422 OKR.CYCLE_NOT_GRADED, naming them) while a committed objective is ungraded.' })
  @ApiBody({ schema: jsonSchemaOf(ReasonOnly), required: false })
  @ApiOkResponse({ schema: { example: commandAnswerExample({ cycleId: CYCLE_ID }, 'CycleClosed', 4) } })
  @ApiParamsFrom(CycleIdParam)
  async close(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { cycleId } = parseRequest(CycleIdParam, params, 'params');
    const { reason } = parseRequest(ReasonOnly, body);
    const tenantId = write.principal.tenantId;
    const result = await this.commands.run(cycleDecider, cycleStreamId(write.principal.tenantId, cycleId), null, write.context(reason), {
      ifMatch: write.ifMatch,
      commandType: 'CloseCycle',
      // Read per attempt: the committed objectives of this cycle not graded yet, from the read model.
      lookup: async (state) => {
        if (!state.exists) return cycleNotFound(cycleId);
        const ungraded = await this.objectives.all(this.objectives.objectives, { tenantId, cycleId, committedAt: { $ne: null }, graded: false });
        return { type: 'CloseCycle' as const, data: { cycleId, ungradedObjectiveIds: ungraded.map((o) => o.objectiveId) } };
      },
    });
    return commandAnswer(response, result, { cycleId });
  }
}
