import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { TeamScoped, Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { TEAM_ROLES } from '../../shared/access';
import { commandAnswerExample, TEAM_ID } from '../../shared/openapi-examples';
import { OkrTeamCommands } from '../application/okr-team-commands';
import { KpiParams } from '../team-id.param';
import { RecordKpiValueRequest } from './record-kpi-value.request';

@ApiTags('okr: teams')
@Controller('api/okr/teams')
export class RecordKpiValueController {
  constructor(private readonly teams: OkrTeamCommands) {}

  @TeamScoped('teamId', 'member', 'coach')
  @Post(':teamId/kpis/:kpiId/values')
  @HttpCode(201)
  @Roles(...TEAM_ROLES)
  @ApiOperation({ summary: 'Record a KPI value measured on a date (not in the future); the latest measurement within a period counts.' })
  @ApiBody({ schema: jsonSchemaOf(RecordKpiValueRequest), examples: { july: { value: { value: 3.6, measuredOn: '2026-07-31' } } } })
  @ApiCreatedResponse({ schema: { example: commandAnswerExample({ teamId: TEAM_ID, kpiId: 'kpi-1' }, 'KpiValueRecorded', 2) } })
  @ApiParamsFrom(KpiParams)
  async record(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { teamId, kpiId } = parseRequest(KpiParams, params, 'params');
    const { value, measuredOn, reason } = parseRequest(RecordKpiValueRequest, body);
    const result = await this.teams.run(write, teamId, { what: 'record KPI values', reason, commandType: 'RecordKpiValue', build: () => ({ type: 'RecordKpiValue', data: { teamId, kpiId, value, measuredOn } }) });
    return commandAnswer(response, result, { teamId, kpiId });
  }
}
