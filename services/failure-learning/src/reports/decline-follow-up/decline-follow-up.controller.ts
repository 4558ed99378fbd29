import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { TEAM_ROLES } from '../../shared/access';
import { ReportActionParams } from '../../shared/fields';
import { ReportCommands, ownerTeamOf } from '../application/report-commands';
import { DeclineFollowUpRequest } from './decline-follow-up.request';

@ApiTags('failure-learning: follow-ups')
@Controller('api/failure-learning/reports')
export class DeclineFollowUpController {
  constructor(private readonly reports: ReportCommands) {}

  @Post(':reportId/actions/:actionId/decline')
  @HttpCode(200)
  @Roles(...TEAM_ROLES)
  @ApiOperation({ summary: 'The owner team decides not to do an open action, with a reason (body or X-Reason).' })
  @ApiBody({ schema: jsonSchemaOf(DeclineFollowUpRequest) })
  @ApiOkResponse({ schema: { example: { reportId: '0199a0b2-7c1e-7000-8000-000000000001', actionId: 'checklist', status: 'not-doing', version: 7, events: [{ type: 'FollowUpActionDeclined' }] } } })
  @ApiParamsFrom(ReportActionParams)
  async decline(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { reportId, actionId } = parseRequest(ReportActionParams, params, 'params');
    const { reason } = parseRequest(DeclineFollowUpRequest, body ?? {});
    const result = await this.reports.run(write, reportId, {
      what: 'decline this action (it belongs to the owner team)',
      commandType: 'DeclineFollowUpAction',
      actingTeam: ownerTeamOf(actionId),
      reason,
      command: () => ({ type: 'DeclineFollowUpAction', data: { reportId, actionId } }),
    });
    return commandAnswer(response, result, { reportId, actionId, status: 'not-doing' });
  }
}
