import { Body, Controller, Param, Patch, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { TEAM_ROLES } from '../../shared/access';
import { commandAnswerExample, OBJECTIVE_ID } from '../../shared/openapi-examples';
import { ObjectiveCommands } from '../application/objective-commands';
import { KeyResultParams } from '../objective-id.param';
import { RedefineKeyResultRequest } from './redefine-key-result.request';

@ApiTags('okr: key results')
@Controller('api/okr/objectives')
export class RedefineKeyResultController {
  constructor(private readonly objectives: ObjectiveCommands) {}

  @Patch(':objectiveId/key-results/:keyResultId')
  @Roles(...TEAM_ROLES)
  @ApiOperation({
    summary:
      'Redefine a key result. Free while the cycle is planned; once the committed objective’s cycle runs, a goalpost change is KeyResultGoalpostMoved with a mandatory reason (400 OKR.REASON_REQUIRED without one), shown in its history and in grading.',
  })
  @ApiBody({ schema: jsonSchemaOf(RedefineKeyResultRequest), examples: { move: { value: { measure: { kind: 'numeric', start: 120, target: 60, unit: 'clients', direction: 'decrease-to' }, reason: 'Two colleagues left in July.' } } } })
  @ApiOkResponse({ schema: { example: commandAnswerExample({ objectiveId: OBJECTIVE_ID, keyResultId: 'kr-1' }, 'KeyResultGoalpostMoved', 9) } })
  @ApiParamsFrom(KeyResultParams)
  async redefine(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { objectiveId, keyResultId } = parseRequest(KeyResultParams, params, 'params');
    const { reason, ...changes } = parseRequest(RedefineKeyResultRequest, body);
    const result = await this.objectives.run(write, objectiveId, {
      access: 'owner',
      what: 'change key results of this objective',
      reason,
      commandType: 'RedefineKeyResult',
      build: ({ cycle }) => ({ type: 'RedefineKeyResult', data: { objectiveId, cycle, keyResultId, ...changes } }),
    });
    return commandAnswer(response, result, { objectiveId, keyResultId });
  }
}
