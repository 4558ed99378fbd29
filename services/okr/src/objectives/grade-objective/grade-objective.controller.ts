import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { TEAM_ROLES } from '../../shared/access';
import { commandAnswerExample, OBJECTIVE_ID } from '../../shared/openapi-examples';
import { ObjectiveCommands } from '../application/objective-commands';
import { ObjectiveIdParam } from '../objective-id.param';
import { GradeObjectiveRequest } from './grade-objective.request';

@ApiTags('okr: grading')
@Controller('api/okr/objectives')
export class GradeObjectiveController {
  constructor(private readonly objectives: ObjectiveCommands) {}

  @Post(':objectiveId/grade')
  @HttpCode(200)
  @Roles(...TEAM_ROLES)
  @ApiOperation({
    summary:
      "Grade the objective once its cycle is in grading (the owning team's coach, a transformation lead or an admin): each key result scored 0.0-1.0 from its values, direction-aware, against the final and the original definition; objective = weighted mean. Not achieved opens a blockers review. No check-ins after this.",
  })
  @ApiBody({ schema: jsonSchemaOf(GradeObjectiveRequest), examples: { override: { value: { overrides: [{ keyResultId: 'kr-2', score: 0.5, reason: 'Measured on the old definition by mistake.' }] } } } })
  @ApiOkResponse({ schema: { example: commandAnswerExample({ objectiveId: OBJECTIVE_ID }, 'ObjectiveGraded', 14) } })
  @ApiParamsFrom(ObjectiveIdParam)
  async grade(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { objectiveId } = parseRequest(ObjectiveIdParam, params, 'params');
    const { overrides, reason } = parseRequest(GradeObjectiveRequest, body);
    const result = await this.objectives.run(write, objectiveId, {
      access: 'steer',
      what: 'grade this objective',
      reason,
      commandType: 'GradeObjective',
      build: ({ cycle }) => ({ type: 'GradeObjective', data: { objectiveId, cycle, ...(overrides ? { overrides } : {}) } }),
    });
    return commandAnswer(response, result, { objectiveId });
  }
}
