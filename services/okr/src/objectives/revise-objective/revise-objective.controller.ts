import { Body, Controller, Param, Patch, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { TEAM_ROLES } from '../../shared/access';
import { commandAnswerExample, OBJECTIVE_ID } from '../../shared/openapi-examples';
import { ObjectiveCommands } from '../application/objective-commands';
import { ObjectiveIdParam } from '../objective-id.param';
import { ReviseObjectiveRequest } from './revise-objective.request';

@ApiTags('okr: objectives')
@Controller('api/okr/objectives')
export class ReviseObjectiveController {
  constructor(private readonly objectives: ObjectiveCommands) {}

  @Patch(':objectiveId')
  @Roles(...TEAM_ROLES)
  @ApiOperation({ summary: "Revise an objective's title, description or commitment (the owner's members or coach, a lead). A commitment change while the cycle runs needs a reason." })
  @ApiBody({ schema: jsonSchemaOf(ReviseObjectiveRequest), examples: { commitment: { value: { commitment: 'aspirational', reason: 'The supplier left; this is now a stretch.' } } } })
  @ApiOkResponse({ schema: { example: commandAnswerExample({ objectiveId: OBJECTIVE_ID }, 'ObjectiveRevised', 6) } })
  @ApiParamsFrom(ObjectiveIdParam)
  async revise(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { objectiveId } = parseRequest(ObjectiveIdParam, params, 'params');
    const { reason, ...changes } = parseRequest(ReviseObjectiveRequest, body);
    const result = await this.objectives.run(write, objectiveId, {
      access: 'owner',
      what: 'revise this objective',
      reason,
      commandType: 'ReviseObjective',
      build: ({ cycle }) => ({ type: 'ReviseObjective', data: { objectiveId, cycle, ...changes } }),
    });
    return commandAnswer(response, result, { objectiveId });
  }
}
