import { Body, Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { NEW_ID, Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { TEAM_ROLES } from '../../shared/access';
import { ReportIdParam } from '../../shared/fields';
import { LibraryForwarder } from '../../library/application/library-forwarder';
import { ReportCommands } from '../application/report-commands';
import { RecordIntelligentLearningRequest } from './record-intelligent-learning.request';

@ApiTags('failure-learning: responses')
@Controller('api/failure-learning/reports')
export class RecordIntelligentLearningController {
  constructor(
    private readonly reports: ReportCommands,
    private readonly forwarder: LibraryForwarder,
    @Inject(NEW_ID) private readonly newId: () => string,
  ) {}

  @Post(':reportId/intelligent-learning')
  @HttpCode(200)
  @Roles(...TEAM_ROLES)
  @ApiOperation({ summary: 'Intelligent failure: what the hypothesis taught and at what cost; the lesson goes into the tenant’s lessons library.' })
  @ApiBody({ schema: jsonSchemaOf(RecordIntelligentLearningRequest) })
  @ApiOkResponse({ schema: { example: { reportId: '0199a0b2-7c1e-7000-8000-000000000001', lessonId: '0199a0b2-7c1e-7000-8000-0000000000ac', version: 5, events: [{ type: 'IntelligentFailureLearningRecorded' }, { type: 'LessonRecorded' }] } } })
  @ApiParamsFrom(ReportIdParam)
  async record(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { reportId } = parseRequest(ReportIdParam, params, 'params');
    const { learned, cost, lesson } = parseRequest(RecordIntelligentLearningRequest, body);
    const lessonId = this.newId();
    const result = await this.reports.run(write, reportId, {
      what: 'respond to its failures',
      commandType: 'RecordIntelligentFailureLearning',
      command: () => ({ type: 'RecordIntelligentFailureLearning', data: { reportId, learned, cost: cost ?? null, lesson: { ...lesson, lessonId } } }),
    });
    await this.forwarder.forwardNow(result.events);
    return commandAnswer(response, result, { reportId, lessonId });
  }
}
