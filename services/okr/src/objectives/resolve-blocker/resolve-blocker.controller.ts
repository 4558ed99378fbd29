import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { TEAM_ROLES } from '../../shared/access';
import { commandAnswerExample, OBJECTIVE_ID } from '../../shared/openapi-examples';
import { ReasonOnly } from '../../shared/okr-fields';
import { ObjectiveCommands } from '../application/objective-commands';
import { BlockerParams } from '../objective-id.param';

@ApiTags('okr: check-ins')
@Controller('api/okr/objectives')
export class ResolveBlockerController {
  constructor(private readonly objectives: ObjectiveCommands) {}

  @Post(':objectiveId/blockers/:blockerId/resolve')
  @HttpCode(200)
  @Roles(...TEAM_ROLES)
  @ApiOperation({ summary: "Mark a blocker resolved (the owner's members or coach, a lead). Resolving twice changes nothing." })
  @ApiBody({ schema: jsonSchemaOf(ReasonOnly), required: false })
  @ApiOkResponse({ schema: { example: commandAnswerExample({ objectiveId: OBJECTIVE_ID, blockerId: 'b-1' }, 'BlockerResolved', 9) } })
  @ApiParamsFrom(BlockerParams)
  async resolve(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { objectiveId, blockerId } = parseRequest(BlockerParams, params, 'params');
    const { reason } = parseRequest(ReasonOnly, body);
    const result = await this.objectives.run(write, objectiveId, {
      access: 'owner',
      what: 'resolve blockers of this objective',
      reason,
      commandType: 'ResolveBlocker',
      build: () => ({ type: 'ResolveBlocker', data: { objectiveId, blockerId } }),
    });
    return commandAnswer(response, result, { objectiveId, blockerId });
  }
}
