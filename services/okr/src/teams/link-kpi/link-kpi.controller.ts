import { Body, Controller, Param, Put, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { TeamScoped, Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { ObjectiveReadModels } from '../../objectives/application/objective-read-models';
import { objectiveNotFound } from '../../objectives/application/objective-commands';
import { objectiveDocumentId } from '../../objectives/read-model/objectives.projection';
import { TEAM_ROLES } from '../../shared/access';
import { commandAnswerExample, TEAM_ID } from '../../shared/openapi-examples';
import { OkrTeamCommands } from '../application/okr-team-commands';
import { KpiParams } from '../team-id.param';
import { LinkKpiRequest } from './link-kpi.request';

@ApiTags('okr: teams')
@Controller('api/okr/teams')
export class LinkKpiController {
  constructor(
    private readonly teams: OkrTeamCommands,
    private readonly objectives: ObjectiveReadModels,
  ) {}

  @TeamScoped('teamId', 'member', 'coach')
  @Put(':teamId/kpis/:kpiId/objective')
  @Roles(...TEAM_ROLES)
  @ApiOperation({ summary: 'Link the KPI to another objective it serves (e.g. the carried-forward one).' })
  @ApiBody({ schema: jsonSchemaOf(LinkKpiRequest) })
  @ApiOkResponse({ schema: { example: commandAnswerExample({ teamId: TEAM_ID, kpiId: 'kpi-1' }, 'KpiLinkedToObjective', 3) } })
  @ApiParamsFrom(KpiParams)
  async link(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { teamId, kpiId } = parseRequest(KpiParams, params, 'params');
    const { objectiveId, reason } = parseRequest(LinkKpiRequest, body);
    const tenantId = write.principal.tenantId;
    const result = await this.teams.run(write, teamId, {
      what: 'link its KPIs',
      reason,
      commandType: 'LinkKpiToObjective',
      build: async () =>
        (await this.objectives.objectives.findOne({ _id: objectiveDocumentId(tenantId, objectiveId) })) ? { type: 'LinkKpiToObjective', data: { teamId, kpiId, objectiveId } } : objectiveNotFound(objectiveId),
    });
    return commandAnswer(response, result, { teamId, kpiId });
  }
}
