import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { TEAM_ROLES } from '../../shared/access';
import { ReportActionParams } from '../../shared/fields';
import { ReportCommands, ownerTeamOf } from '../application/report-commands';
import { CompleteFollowUpRequest } from './complete-follow-up.request';

@ApiTags('failure-learning: follow-ups')
@Controller('api/failure-learning/reports')
export class CompleteFollowUpController {
  constructor(private readonly reports: ReportCommands) {}

  @Post(':reportId/actions/:actionId/completion')
  @HttpCode(200)
  @Roles(...TEAM_ROLES)
  @ApiOperation({ summary: 'The owner team marks an open follow-up action done.' })
  @ApiBody({ schema: jsonSchemaOf(CompleteFollowUpRequest) })
  @ApiOkResponse({ schema: { example: { reportId: '0199a0b2-7c1e-7000-8000-000000000001', actionId: 'checklist', status: 'done', version: 7, events: [{ type: 'FollowUpActionCompleted' }] } } })
  @ApiParamsFrom(ReportActionParams)
  async complete(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { reportId, actionId } = parseRequest(ReportActionParams, params, 'params');
    const { note } = parseRequest(CompleteFollowUpRequest, body ?? {});
    const result = await this.reports.run(write, reportId, {
      what: 'complete this action (it belongs to the owner team)',
      commandType: 'CompleteFollowUpAction',
      actingTeam: ownerTeamOf(actionId),
      command: () => ({ type: 'CompleteFollowUpAction', data: { reportId, actionId, ...(note ? { note } : {}) } }),
    });
    return commandAnswer(response, result, { reportId, actionId, status: 'done' });
  }
}
