import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { unitAndDescendants, zoneHeatMap } from '@leerzone/analytics-domain';
import { CLOCK, CurrentPrincipal, Roles, parseRequest, type Principal, ApiQueryFrom } from '@leerzone/nest-platform';
import { AnalyticsData } from '../../shared/analytics-data';
import { ANALYTICS_READERS, teamScope } from '../../shared/analytics-query';
import { ZoneHeatMapQuery } from './zone-heat-map.request';

@ApiTags('analytics: zones')
@Controller('api/analytics/zone-heat-map')
export class ZoneHeatMapController {
  constructor(
    private readonly data: AnalyticsData,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  @Get()
  @Roles(...ANALYTICS_READERS)
  @ApiOperation({ summary: "Units × teams: each team's current zone (from its latest round at or above the threshold; null when none), counted per unit. Filter: unit, phase." })
  @ApiQueryFrom(ZoneHeatMapQuery)
  @ApiOkResponse({
    schema: {
      example: {
        threshold: 5,
        rows: [
          {
            unitId: 'u-care',
            name: 'Care',
            byZone: { learning: 1, comfort: 0, anxiety: 1, apathy: 0, unplaced: 0 },
            teams: [
              { teamId: '0199a0b2-7c1e-7000-8000-0000000000a1', name: 'Noord', zone: 'learning', since: '2026-03-15T17:00:00.000Z' },
              { teamId: '0199a0b2-7c1e-7000-8000-0000000000a2', name: 'Zuid', zone: 'anxiety', since: '2026-03-16T17:00:00.000Z' },
            ],
          },
        ],
      },
    },
  })
  async heatMap(@Query() query: unknown, @CurrentPrincipal() principal: Principal) {
    const request = parseRequest(ZoneHeatMapQuery, query, 'query');
    const { tenantId } = principal;
    const [threshold, allUnits, teams] = await Promise.all([this.data.threshold(tenantId), this.data.units(tenantId), this.data.allSources(tenantId, teamScope(request))]);
    const units = request.unit === undefined ? allUnits : allUnits.filter((u) => unitAndDescendants(allUnits, request.unit!).has(u.unitId));
    return { threshold, rows: zoneHeatMap(units, teams, this.clock().toISOString(), threshold) };
  }
}
