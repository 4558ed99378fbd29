import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { TEAM_ROLES } from '../../shared/access';
import { ReportIdParam } from '../../shared/fields';
import { LearningFacts } from '../../shared/learning-facts';
import { ReportCommands } from '../application/report-commands';
import { CLASSIFICATION_EXAMPLE, repeatsOf } from '../classify-failure/classify-failure.controller';
import { ReclassifyFailureRequest } from './reclassify-failure.request';

@ApiTags('failure-learning: reports')
@Controller('api/failure-learning/reports')
export class ReclassifyFailureController {
  constructor(
    private readonly reports: ReportCommands,
    private readonly facts: LearningFacts,
  ) {}

  @Post(':reportId/reclassification')
  @HttpCode(200)
  @Roles(...TEAM_ROLES)
  @ApiOperation({ summary: 'Reclassify a classified failure, with a reason (body or X-Reason); the same checks as classifying apply, and a basic one is checked for repeats again.' })
  @ApiBody({ schema: jsonSchemaOf(ReclassifyFailureRequest) })
  @ApiOkResponse({ schema: { example: { ...CLASSIFICATION_EXAMPLE, events: [{ type: 'FailureReclassified' }] } } })
  @ApiParamsFrom(ReportIdParam)
  async reclassify(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { reportId } = parseRequest(ReportIdParam, params, 'params');
    const { reason, ...classification } = parseRequest(ReclassifyFailureRequest, body);
    const result = await this.reports.run(write, reportId, {
      what: 'reclassify its failures',
      commandType: 'ReclassifyFailure',
      reason,
      command: async (state) => ({
        type: 'ReclassifyFailure',
        data: { reportId, ...classification, knownLessons: await this.facts.knownLessons(write.principal.tenantId, state.teamId!, state.area, state.linkedLessonIds) },
      }),
    });
    return commandAnswer(response, result, { reportId, kind: classification.kind, repeats: repeatsOf(result.events) });
  }
}
