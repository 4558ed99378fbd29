import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { TEAM_ROLES } from '../../shared/access';
import { ReportIdParam } from '../../shared/fields';
import { LearningFacts } from '../../shared/learning-facts';
import { ReportCommands } from '../application/report-commands';
import { ClassifyFailureRequest } from './classify-failure.request';

export const CLASSIFICATION_EXAMPLE = {
  reportId: '0199a0b2-7c1e-7000-8000-000000000001',
  kind: 'basic',
  repeats: [{ lessonId: '0199a0b2-7c1e-7000-8000-0000000000aa', matchedBy: 'area-and-tags', preventionAction: { actionId: 'checklist', status: 'open', done: false } }],
  version: 4,
  events: [{ type: 'FailureClassified' }, { type: 'RepeatFailureFlagged' }],
};

@ApiTags('failure-learning: reports')
@Controller('api/failure-learning/reports')
export class ClassifyFailureController {
  constructor(
    private readonly reports: ReportCommands,
    private readonly facts: LearningFacts,
  ) {}

  @Post(':reportId/classification')
  @HttpCode(200)
  @Roles(...TEAM_ROLES)
  @ApiOperation({
    summary:
      'The team (or its coach) classifies the failure: basic, complex or intelligent, with a cause that fits. Intelligent needs all four attributes, and is refused when an intelligent lesson already covers it (the knowledge existed). A basic failure that repeats a lesson is flagged, with whether that lesson’s prevention was done.',
  })
  @ApiBody({ schema: jsonSchemaOf(ClassifyFailureRequest) })
  @ApiOkResponse({ schema: { example: CLASSIFICATION_EXAMPLE } })
  @ApiParamsFrom(ReportIdParam)
  async classify(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { reportId } = parseRequest(ReportIdParam, params, 'params');
    const classification = parseRequest(ClassifyFailureRequest, body);
    const result = await this.reports.run(write, reportId, {
      what: 'classify its failures',
      commandType: 'ClassifyFailure',
      command: async (state) => ({
        type: 'ClassifyFailure',
        data: { reportId, ...classification, knownLessons: await this.facts.knownLessons(write.principal.tenantId, state.teamId!, state.area, state.linkedLessonIds) },
      }),
    });
    return commandAnswer(response, result, { reportId, kind: classification.kind, repeats: repeatsOf(result.events) });
  }
}

export const repeatsOf = (events: readonly { type: string; data: unknown }[]) =>
  events.filter((e) => e.type === 'RepeatFailureFlagged').map((e) => {
    const { lessonId, lessonTeamId, matchedBy, preventionAction } = e.data as { lessonId: string; lessonTeamId: string; matchedBy: string; preventionAction: unknown };
    return { lessonId, lessonTeamId, matchedBy, preventionAction };
  });
