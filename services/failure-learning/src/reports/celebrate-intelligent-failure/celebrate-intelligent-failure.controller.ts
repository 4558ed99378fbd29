import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { TEAM_ROLES } from '../../shared/access';
import { ReportIdParam } from '../../shared/fields';
import { ReportCommands } from '../application/report-commands';
import { CelebrateIntelligentFailureRequest } from './celebrate-intelligent-failure.request';

@ApiTags('failure-learning: responses')
@Controller('api/failure-learning/reports')
export class CelebrateIntelligentFailureController {
  constructor(private readonly reports: ReportCommands) {}

  @Post(':reportId/celebration')
  @HttpCode(200)
  @Roles(...TEAM_ROLES)
  @ApiOperation({ summary: 'Record how the team celebrated an intelligent failure, once what it taught is recorded.' })
  @ApiBody({ schema: jsonSchemaOf(CelebrateIntelligentFailureRequest) })
  @ApiOkResponse({ schema: { example: { reportId: '0199a0b2-7c1e-7000-8000-000000000001', version: 6, events: [{ type: 'IntelligentFailureCelebrated' }] } } })
  @ApiParamsFrom(ReportIdParam)
  async celebrate(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { reportId } = parseRequest(ReportIdParam, params, 'params');
    const celebration = parseRequest(CelebrateIntelligentFailureRequest, body);
    const result = await this.reports.run(write, reportId, {
      what: 'celebrate its failures',
      commandType: 'CelebrateIntelligentFailure',
      command: () => ({ type: 'CelebrateIntelligentFailure', data: { reportId, ...celebration } }),
    });
    return commandAnswer(response, result, { reportId });
  }
}
