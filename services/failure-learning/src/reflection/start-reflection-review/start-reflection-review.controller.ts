import { Body, Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { TeamScoped, NEW_ID, Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { type ReflectionReviewStarted } from '@leerzone/failure-learning-domain';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { TEAM_ROLES } from '../../shared/access';
import { TeamIdParam } from '../../shared/fields';
import { LearningFacts } from '../../shared/learning-facts';
import { ReflectionCommands } from '../application/reflection-commands';
import { StartReflectionReviewRequest } from './start-reflection-review.request';

@ApiTags('failure-learning: reflection')
@Controller('api/failure-learning/teams')
export class StartReflectionReviewController {
  constructor(
    private readonly reflections: ReflectionCommands,
    private readonly facts: LearningFacts,
    @Inject(NEW_ID) private readonly newId: () => string,
  ) {}

  @TeamScoped('teamId', 'member', 'coach')
  @Post(':teamId/reflection-reviews')
  @HttpCode(201)
  @Roles(...TEAM_ROLES)
  @ApiOperation({ summary: 'Start a reflection review. It starts from the team’s open actions and the reports since its last review, as the read models hold them at that moment.' })
  @ApiBody({ schema: jsonSchemaOf(StartReflectionReviewRequest) })
  @ApiCreatedResponse({
    schema: {
      example: {
        teamId: '0199a0b2-7c1e-7000-8000-0000000000t1',
        reviewId: 'review-1',
        since: null,
        openActions: [{ reportId: '0199a0b2-7c1e-7000-8000-000000000001', actionId: 'checklist', description: 'Handover checklist item', dueOn: '2026-12-04', overdue: false }],
        reports: [{ reportId: '0199a0b2-7c1e-7000-8000-000000000001', reportedAt: '2026-12-01T09:00:00.000Z', kind: 'basic' }],
        version: 2,
        events: [{ type: 'ReflectionReviewStarted' }],
      },
    },
  })
  @ApiParamsFrom(TeamIdParam)
  async start(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { teamId } = parseRequest(TeamIdParam, params, 'params');
    const { reviewId: requested } = parseRequest(StartReflectionReviewRequest, body ?? {});
    const reviewId = requested ?? this.newId();
    const tenantId = write.principal.tenantId;
    const now = write.context().now;
    const result = await this.reflections.run(write, teamId, 'team', 'start its reflection reviews', async (state) => {
      const since = state.reviews.at(-1)?.startedAt ?? null;
      const [openActions, reportsSinceLastReview] = await Promise.all([this.facts.openActions(tenantId, teamId), this.facts.reportsSince(tenantId, teamId, since, now)]);
      return { type: 'StartReflectionReview', data: { teamId, reviewId, openActions, reportsSinceLastReview } };
    });
    const started = result.events.find((e) => e.type === 'ReflectionReviewStarted')?.data as ReflectionReviewStarted['data'] | undefined;
    response.setHeader('Location', `/api/failure-learning/teams/${teamId}/reflection`);
    return commandAnswer(response, result, { teamId, reviewId, since: started?.since ?? null, openActions: started?.openActions ?? [], reports: started?.reports ?? [] });
  }
}
