import { Body, Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiCreatedResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { TeamScoped, NEW_ID, Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { ObjectiveReadModels } from '../../objectives/application/objective-read-models';
import { objectiveNotFound } from '../../objectives/application/objective-commands';
import { objectiveDocumentId } from '../../objectives/read-model/objectives.projection';
import { TEAM_ROLES } from '../../shared/access';
import { commandAnswerExample, OBJECTIVE_ID, TEAM_ID } from '../../shared/openapi-examples';
import { OkrTeamCommands } from '../application/okr-team-commands';
import { TeamIdParam } from '../team-id.param';
import { DefineKpiRequest } from './define-kpi.request';

@ApiTags('okr: teams')
@Controller('api/okr/teams')
export class DefineKpiController {
  constructor(
    private readonly teams: OkrTeamCommands,
    private readonly objectives: ObjectiveReadModels,
    @Inject(NEW_ID) private readonly newId: () => string,
  ) {}

  @TeamScoped('teamId', 'member', 'coach')
  @Post(':teamId/kpis')
  @HttpCode(201)
  @Roles(...TEAM_ROLES)
  @ApiOperation({ summary: 'Define a team KPI (name, unit, target type, target, period), linked to the objective it serves. KPIs are health metrics, kept apart from key results.' })
  @ApiBody({
    schema: jsonSchemaOf(DefineKpiRequest),
    examples: { kpi: { value: { name: 'Sick leave', unit: '%', targetType: 'stay-at-most', target: 4, period: 'month', objectiveId: OBJECTIVE_ID } } },
  })
  @ApiCreatedResponse({ schema: { example: commandAnswerExample({ teamId: TEAM_ID, kpiId: 'kpi-1' }, 'KpiDefined') } })
  @ApiParamsFrom(TeamIdParam)
  async define(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { teamId } = parseRequest(TeamIdParam, params, 'params');
    const { reason, kpiId: given, ...kpi } = parseRequest(DefineKpiRequest, body);
    const kpiId = given ?? this.newId();
    const tenantId = write.principal.tenantId;
    const result = await this.teams.run(write, teamId, {
      what: 'define its KPIs',
      reason,
      commandType: 'DefineKpi',
      build: async () =>
        (await this.objectives.objectives.findOne({ _id: objectiveDocumentId(tenantId, kpi.objectiveId) }))
          ? { type: 'DefineKpi', data: { teamId, kpiId, ...kpi } }
          : objectiveNotFound(kpi.objectiveId),
    });
    response.setHeader('Location', `/api/okr/teams/${teamId}/kpis`);
    return commandAnswer(response, result, { teamId, kpiId });
  }
}
