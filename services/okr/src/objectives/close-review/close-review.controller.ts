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

@ApiTags('okr: grading')
@Controller('api/okr/objectives')
export class CloseReviewController {
  constructor(private readonly objectives: ObjectiveCommands) {}

  @Post(':objectiveId/review/close')
  @HttpCode(200)
  @Roles(...TEAM_ROLES)
  @ApiOperation({ summary: 'Close the blockers review once it holds at least one finding.' })
  @ApiBody({ schema: jsonSchemaOf(ReasonOnly), required: false })
  @ApiOkResponse({ schema: { example: commandAnswerExample({ objectiveId: OBJECTIVE_ID }, 'BlockersReviewClosed', 17) } })
  @ApiParamsFrom(ObjectiveIdParam)
  async close(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { objectiveId } = parseRequest(ObjectiveIdParam, params, 'params');
    const { reason } = parseRequest(ReasonOnly, body);
    const result = await this.objectives.run(write, objectiveId, {
      access: 'owner',
      what: 'close this blockers review',
      reason,
      commandType: 'CloseBlockersReview',
      build: () => ({ type: 'CloseBlockersReview', data: { objectiveId } }),
    });
    return commandAnswer(response, result, { objectiveId });
  }
}
