import { Body, Controller, Delete, Param, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { TeamScoped, Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { TEAM_ROLES } from '../../shared/access';
import { commandAnswerExample, TEAM_ID } from '../../shared/openapi-examples';
import { ReasonOnly } from '../../shared/okr-fields';
import { OkrTeamCommands } from '../application/okr-team-commands';
import { KpiParams } from '../team-id.param';

@ApiTags('okr: teams')
@Controller('api/okr/teams')
export class RetireKpiController {
  constructor(private readonly teams: OkrTeamCommands) {}

  @TeamScoped('teamId', 'member', 'coach')
  @Delete(':teamId/kpis/:kpiId')
  @Roles(...TEAM_ROLES)
  @ApiOperation({ summary: 'Retire a KPI, with a reason (body or X-Reason); its values stay in the history.' })
  @ApiBody({ schema: jsonSchemaOf(ReasonOnly) })
  @ApiOkResponse({ schema: { example: commandAnswerExample({ teamId: TEAM_ID, kpiId: 'kpi-1' }, 'KpiRetired', 5) } })
  @ApiParamsFrom(KpiParams)
  async retire(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { teamId, kpiId } = parseRequest(KpiParams, params, 'params');
    const { reason } = parseRequest(ReasonOnly, body);
    const result = await this.teams.run(write, teamId, { what: 'retire its KPIs', reason, commandType: 'RetireKpi', build: () => ({ type: 'RetireKpi', data: { teamId, kpiId } }) });
    return commandAnswer(response, result, { teamId, kpiId });
  }
}
