import { Body, Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { NEW_ID, Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { contributingFactorTaxonomy } from '@leerzone/failure-learning-domain';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { TEAM_ROLES } from '../../shared/access';
import { ReportIdParam } from '../../shared/fields';
import { LearningFacts } from '../../shared/learning-facts';
import { LibraryForwarder } from '../../library/application/library-forwarder';
import { ReportCommands } from '../application/report-commands';
import { RecordSystemAnalysisRequest } from './record-system-analysis.request';

@ApiTags('failure-learning: responses')
@Controller('api/failure-learning/reports')
export class RecordSystemAnalysisController {
  constructor(
    private readonly reports: ReportCommands,
    private readonly facts: LearningFacts,
    private readonly forwarder: LibraryForwarder,
    @Inject(NEW_ID) private readonly newId: () => string,
  ) {}

  @Post(':reportId/system-analysis')
  @HttpCode(200)
  @Roles(...TEAM_ROLES)
  @ApiOperation({ summary: 'Complex failure: a system analysis — contributing factors from the tenant’s taxonomy, the weak signals that were missed, how to spot them sooner — and its lesson.' })
  @ApiBody({ schema: jsonSchemaOf(RecordSystemAnalysisRequest) })
  @ApiOkResponse({ schema: { example: { reportId: '0199a0b2-7c1e-7000-8000-000000000001', lessonId: '0199a0b2-7c1e-7000-8000-0000000000ab', version: 5, events: [{ type: 'SystemAnalysisRecorded' }, { type: 'LessonRecorded' }] } } })
  @ApiParamsFrom(ReportIdParam)
  async analyse(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { reportId } = parseRequest(ReportIdParam, params, 'params');
    const { lesson, ...analysis } = parseRequest(RecordSystemAnalysisRequest, body);
    const lessonId = this.newId();
    const result = await this.reports.run(write, reportId, {
      what: 'respond to its failures',
      commandType: 'RecordSystemAnalysis',
      command: async () => ({
        type: 'RecordSystemAnalysis',
        data: { reportId, ...analysis, lesson: { ...lesson, lessonId }, taxonomy: contributingFactorTaxonomy(await this.facts.library(write.principal.tenantId)) },
      }),
    });
    await this.forwarder.forwardNow(result.events);
    return commandAnswer(response, result, { reportId, lessonId });
  }
}
