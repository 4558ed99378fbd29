import { Body, Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { NEW_ID, Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { TEAM_ROLES } from '../../shared/access';
import { commandAnswerExample, OBJECTIVE_ID } from '../../shared/openapi-examples';
import { ObjectiveCommands } from '../application/objective-commands';
import { ObjectiveIdParam } from '../objective-id.param';
import { AddKeyResultRequest } from './add-key-result.request';

@ApiTags('okr: key results')
@Controller('api/okr/objectives')
export class AddKeyResultController {
  constructor(
    private readonly objectives: ObjectiveCommands,
    @Inject(NEW_ID) private readonly newId: () => string,
  ) {}

  @Post(':objectiveId/key-results')
  @HttpCode(201)
  @Roles(...TEAM_ROLES)
  @ApiOperation({ summary: 'Step 4: add a key result (numeric, percentage, milestone or ordinal; at most 5). While the committed objective’s cycle runs, a reason is required.' })
  @ApiBody({
    schema: jsonSchemaOf(AddKeyResultRequest),
    examples: {
      numeric: { value: { title: 'Waiting list below 40', measure: { kind: 'numeric', start: 120, target: 40, unit: 'clients', direction: 'decrease-to' } } },
      ordinal: { value: { title: 'Night shift rota', measure: { kind: 'ordinal', levels: { commit: 'Draft agreed', target: 'Rota live', stretch: 'Rota shared with two teams' } }, weight: 2 } },
    },
  })
  @ApiCreatedResponse({ schema: { example: commandAnswerExample({ objectiveId: OBJECTIVE_ID, keyResultId: 'kr-1' }, 'KeyResultAdded', 2) } })
  @ApiParamsFrom(ObjectiveIdParam)
  async add(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { objectiveId } = parseRequest(ObjectiveIdParam, params, 'params');
    const { reason, keyResultId: given, ...definition } = parseRequest(AddKeyResultRequest, body);
    const keyResultId = given ?? this.newId();
    const result = await this.objectives.run(write, objectiveId, {
      access: 'owner',
      what: 'add key results to this objective',
      reason,
      commandType: 'AddKeyResult',
      build: ({ cycle }) => ({ type: 'AddKeyResult', data: { objectiveId, cycle, keyResultId, ...definition } }),
    });
    response.setHeader('Location', `/api/okr/objectives/${objectiveId}/key-results/${keyResultId}/history`);
    return commandAnswer(response, result, { objectiveId, keyResultId });
  }
}
