import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { TEAM_ROLES } from '../../shared/access';
import { commandAnswerExample, OBJECTIVE_ID } from '../../shared/openapi-examples';
import { ReasonOnly } from '../../shared/okr-fields';
import { ObjectiveCommands } from '../application/objective-commands';
import { ObjectiveIdParam } from '../objective-id.param';

@ApiTags('okr: objectives')
@Controller('api/okr/objectives')
export class CommitObjectiveController {
  constructor(private readonly objectives: ObjectiveCommands) {}

  @Post(':objectiveId/commit')
  @HttpCode(200)
  @Roles(...TEAM_ROLES)
  @ApiOperation({ summary: 'Commit the objective to its cycle with 3 to 5 key results (422 OKR.TOO_FEW_KEY_RESULTS / OKR.TOO_MANY_KEY_RESULTS, saying how many and why).' })
  @ApiBody({ schema: jsonSchemaOf(ReasonOnly), required: false })
  @ApiOkResponse({ schema: { example: commandAnswerExample({ objectiveId: OBJECTIVE_ID }, 'ObjectiveCommittedToCycle', 5) } })
  @ApiParamsFrom(ObjectiveIdParam)
  async commit(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { objectiveId } = parseRequest(ObjectiveIdParam, params, 'params');
    const { reason } = parseRequest(ReasonOnly, body);
    const result = await this.objectives.run(write, objectiveId, {
      access: 'owner',
      what: 'commit this objective',
      reason,
      commandType: 'CommitObjectiveToCycle',
      build: ({ cycle }) => ({ type: 'CommitObjectiveToCycle', data: { objectiveId, cycle } }),
    });
    return commandAnswer(response, result, { objectiveId });
  }
}
