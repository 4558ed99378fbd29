import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { rollUp, unitAndDescendants, unitRollUps, withinPeriod } from '@leerzone/analytics-domain';
import { CLOCK, CurrentPrincipal, Roles, parseRequest, type Principal, ApiQueryFrom } from '@leerzone/nest-platform';
import { AnalyticsData } from '../../shared/analytics-data';
import { ANALYTICS_READERS, period, teamScope } from '../../shared/analytics-query';
import { ROLL_UP_EXAMPLE } from '../../shared/examples';
import { UnitRollUpsQuery } from './unit-roll-ups.request';

@ApiTags('analytics: roll-ups')
@Controller('api/analytics/roll-ups')
export class UnitRollUpsController {
  constructor(
    private readonly data: AnalyticsData,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  @Get()
  @Roles(...ANALYTICS_READERS)
  @ApiOperation({
    summary:
      "Roll-ups per unit (its own teams and those of every unit below it), per organisation and for the tenant: teams per phase and zone, yes, decisions, changes, trust (respondent-weighted over each team's latest round at or above the threshold; withheld below it), OKR scores and failure intelligence. Filter: unit, phase, from/to.",
  })
  @ApiQueryFrom(UnitRollUpsQuery)
  @ApiOkResponse({
    schema: {
      example: {
        threshold: 5,
        tenant: ROLL_UP_EXAMPLE,
        organisations: [{ organisationId: '0199a0b2-7c1e-7000-8000-0000000000f1', figures: ROLL_UP_EXAMPLE }],
        units: [{ unitId: 'u-care', name: 'Care', organisationId: '0199a0b2-7c1e-7000-8000-0000000000f1', parentUnitId: null, figures: ROLL_UP_EXAMPLE }],
      },
    },
  })
  async list(@Query() query: unknown, @CurrentPrincipal() principal: Principal) {
    const request = parseRequest(UnitRollUpsQuery, query, 'query');
    const { tenantId } = principal;
    const now = this.clock().toISOString();
    const [threshold, allUnits, sources] = await Promise.all([this.data.threshold(tenantId), this.data.units(tenantId), this.data.allSources(tenantId, teamScope(request))]);
    const teams = sources.map((s) => withinPeriod(s, period(request)));
    const units = request.unit === undefined ? allUnits : allUnits.filter((u) => unitAndDescendants(allUnits, request.unit!).has(u.unitId));
    const organisations = [...new Set(units.map((u) => u.organisationId))].sort().map((organisationId) => {
      const inOrganisation = new Set(allUnits.filter((u) => u.organisationId === organisationId).map((u) => u.unitId));
      return { organisationId, figures: rollUp(teams.filter((t) => t.team.unitId !== null && inOrganisation.has(t.team.unitId)), now, threshold) };
    });
    return { threshold, tenant: rollUp(teams, now, threshold), organisations, units: unitRollUps(units, teams, now, threshold) };
  }
}
