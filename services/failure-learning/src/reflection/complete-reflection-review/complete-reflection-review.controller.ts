import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { TeamScoped, Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { TEAM_ROLES } from '../../shared/access';
import { TeamReviewParams } from '../../shared/fields';
import { ReflectionCommands } from '../application/reflection-commands';
import { CompleteReflectionReviewRequest } from './complete-reflection-review.request';

@ApiTags('failure-learning: reflection')
@Controller('api/failure-learning/teams')
export class CompleteReflectionReviewController {
  constructor(private readonly reflections: ReflectionCommands) {}

  @TeamScoped('teamId', 'member', 'coach')
  @Post(':teamId/reflection-reviews/:reviewId/completion')
  @HttpCode(200)
  @Roles(...TEAM_ROLES)
  @ApiOperation({ summary: 'Complete the open review with the team’s takeaways.' })
  @ApiBody({ schema: jsonSchemaOf(CompleteReflectionReviewRequest) })
  @ApiOkResponse({ schema: { example: { teamId: '0199a0b2-7c1e-7000-8000-0000000000t1', reviewId: 'review-1', version: 3, events: [{ type: 'ReflectionReviewCompleted' }] } } })
  @ApiParamsFrom(TeamReviewParams)
  async complete(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { teamId, reviewId } = parseRequest(TeamReviewParams, params, 'params');
    const { takeaways } = parseRequest(CompleteReflectionReviewRequest, body);
    const result = await this.reflections.run(write, teamId, 'team', 'complete its reflection reviews', () => ({ type: 'CompleteReflectionReview', data: { teamId, reviewId, takeaways } }));
    return commandAnswer(response, result, { teamId, reviewId });
  }
}
