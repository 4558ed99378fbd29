import { Body, Controller, Param, Put, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { TEAM_ROLES } from '../../shared/access';
import { commandAnswerExample, OBJECTIVE_ID } from '../../shared/openapi-examples';
import { ObjectiveCommands } from '../application/objective-commands';
import { ObjectiveIdParam } from '../objective-id.param';
import { SetContributionsRequest } from './set-contributions.request';

@ApiTags('okr: alignment')
@Controller('api/okr/objectives')
export class SetContributionsController {
  constructor(private readonly objectives: ObjectiveCommands) {}

  @Put(':objectiveId/contributions')
  @Roles(...TEAM_ROLES)
  @ApiOperation({ summary: 'Set the other objectives this one contributes to (at most 10), besides the one it supports.' })
  @ApiBody({ schema: jsonSchemaOf(SetContributionsRequest) })
  @ApiOkResponse({ schema: { example: commandAnswerExample({ objectiveId: OBJECTIVE_ID }, 'ContributionsSet', 5) } })
  @ApiParamsFrom(ObjectiveIdParam)
  async set(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { objectiveId } = parseRequest(ObjectiveIdParam, params, 'params');
    const { objectiveIds, reason } = parseRequest(SetContributionsRequest, body);
    const result = await this.objectives.run(write, objectiveId, {
      access: 'owner',
      what: 'set what this objective contributes to',
      reason,
      commandType: 'SetContributions',
      build: () => ({ type: 'SetContributions', data: { objectiveId, objectiveIds } }),
    });
    return commandAnswer(response, result, { objectiveId });
  }
}
