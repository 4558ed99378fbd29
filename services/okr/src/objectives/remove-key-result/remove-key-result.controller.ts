import { Body, Controller, Delete, Param, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { TEAM_ROLES } from '../../shared/access';
import { commandAnswerExample, OBJECTIVE_ID } from '../../shared/openapi-examples';
import { ReasonOnly } from '../../shared/okr-fields';
import { ObjectiveCommands } from '../application/objective-commands';
import { KeyResultParams } from '../objective-id.param';

@ApiTags('okr: key results')
@Controller('api/okr/objectives')
export class RemoveKeyResultController {
  constructor(private readonly objectives: ObjectiveCommands) {}

  @Delete(':objectiveId/key-results/:keyResultId')
  @Roles(...TEAM_ROLES)
  @ApiOperation({ summary: 'Remove a key result (a committed objective keeps at least 3). While the cycle runs, a reason is required; the history keeps it.' })
  @ApiBody({ schema: jsonSchemaOf(ReasonOnly), required: false })
  @ApiOkResponse({ schema: { example: commandAnswerExample({ objectiveId: OBJECTIVE_ID, keyResultId: 'kr-4' }, 'KeyResultRemoved', 7) } })
  @ApiParamsFrom(KeyResultParams)
  async remove(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { objectiveId, keyResultId } = parseRequest(KeyResultParams, params, 'params');
    const { reason } = parseRequest(ReasonOnly, body);
    const result = await this.objectives.run(write, objectiveId, {
      access: 'owner',
      what: 'remove key results of this objective',
      reason,
      commandType: 'RemoveKeyResult',
      build: ({ cycle }) => ({ type: 'RemoveKeyResult', data: { objectiveId, cycle, keyResultId } }),
    });
    return commandAnswer(response, result, { objectiveId, keyResultId });
  }
}
