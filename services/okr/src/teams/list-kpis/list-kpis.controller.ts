import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { CurrentPrincipal, ProblemException, Roles, parseRequest, type Principal, ApiParamsFrom } from '@leerzone/nest-platform';
import { kpiViews, okrTeamDecider, okrTeamStreamId } from '@leerzone/okr-domain';
import { etagOf, TenantStreams } from '@leerzone/service-kit';
import { READERS } from '../../shared/access';
import { OkrAccess } from '../../shared/okr-access';
import { OBJECTIVE_ID, TEAM_ID } from '../../shared/openapi-examples';
import { TeamIdParam } from '../team-id.param';

@ApiTags('okr: teams')
@Controller('api/okr/teams')
export class ListKpisController {
  constructor(
    private readonly access: OkrAccess,
    private readonly streams: TenantStreams,
  ) {}

  @Get(':teamId/kpis')
  @Roles(...READERS)
  @ApiOperation({ summary: "A team's check-in cadence and its active KPIs with their values over time (one per period, the latest measurement counts) and whether the latest meets the target." })
  @ApiOkResponse({
    schema: {
      example: {
        teamId: TEAM_ID,
        checkInCadenceDays: 7,
        kpis: [
          {
            kpiId: 'kpi-1',
            name: 'Sick leave',
            unit: '%',
            targetType: 'stay-at-most',
            target: 4,
            objectiveId: OBJECTIVE_ID,
            series: [{ value: 3.6, measuredOn: '2026-07-31', period: '2026-07', recordedAt: '2026-08-01T09:00:00.000Z' }],
            latest: { value: 3.6, measuredOn: '2026-07-31', period: '2026-07', recordedAt: '2026-08-01T09:00:00.000Z' },
            meetsTarget: true,
          },
        ],
        version: 2,
      },
    },
  })
  @ApiParamsFrom(TeamIdParam)
  async list(@Param() params: unknown, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) response: Response) {
    const { teamId } = parseRequest(TeamIdParam, params, 'params');
    const unknownTeam = await this.access.requireTeam(principal.tenantId, teamId);
    if (unknownTeam) throw ProblemException.fromRejection(unknownTeam);
    const { state, version } = await this.streams.load(okrTeamDecider, okrTeamStreamId(principal.tenantId, teamId), principal.tenantId);
    response.setHeader('ETag', etagOf(version));
    return { teamId, checkInCadenceDays: state.checkInCadenceDays, kpis: kpiViews(state), version };
  }
}
