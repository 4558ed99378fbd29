import { Body, Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { NEW_ID, ProblemException, Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { isRejection } from '@leerzone/kernel';
import { REVIEW_FINDING_TEXT } from '@leerzone/okr-domain';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { TEAM_ROLES } from '../../shared/access';
import { commandAnswerExample, OBJECTIVE_ID } from '../../shared/openapi-examples';
import { PersonalText } from '../../shared/personal-text';
import { ObjectiveCommands } from '../application/objective-commands';
import { ObjectiveIdParam } from '../objective-id.param';
import { RecordReviewFindingRequest } from './record-review-finding.request';

@ApiTags('okr: grading')
@Controller('api/okr/objectives')
export class RecordReviewFindingController {
  constructor(
    private readonly objectives: ObjectiveCommands,
    private readonly text: PersonalText,
    @Inject(NEW_ID) private readonly newId: () => string,
  ) {}

  @Post(':objectiveId/review/findings')
  @HttpCode(201)
  @Roles(...TEAM_ROLES)
  @ApiOperation({ summary: "Record what stood in the way in the open blockers review (the owner's members or coach, a lead). An obstacle, never a blame record; sealed with the author's key." })
  @ApiBody({ schema: jsonSchemaOf(RecordReviewFindingRequest), examples: { finding: { value: { obstacle: 'The intake software was down for three weeks', removableBy: { kind: 'unit-above' } } } } })
  @ApiCreatedResponse({ schema: { example: commandAnswerExample({ objectiveId: OBJECTIVE_ID, findingId: 'f-1' }, 'BlockersReviewFindingRecorded', 16) } })
  @ApiParamsFrom(ObjectiveIdParam)
  async record(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { objectiveId } = parseRequest(ObjectiveIdParam, params, 'params');
    const request = parseRequest(RecordReviewFindingRequest, body);
    const obstacle = await this.text.seal(write.principal, request.obstacle, REVIEW_FINDING_TEXT);
    if (isRejection(obstacle)) throw ProblemException.fromRejection(obstacle);
    const findingId = request.findingId ?? this.newId();
    const result = await this.objectives.run(write, objectiveId, {
      access: 'owner',
      what: 'record findings of this blockers review',
      commandType: 'RecordBlockersReviewFinding',
      build: () => ({ type: 'RecordBlockersReviewFinding', data: { objectiveId, findingId, obstacle, removableBy: request.removableBy ?? null } }),
    });
    return commandAnswer(response, result, { objectiveId, findingId });
  }
}
