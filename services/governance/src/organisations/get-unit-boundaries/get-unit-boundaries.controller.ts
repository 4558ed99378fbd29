import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyRole, CLOCK, CurrentPrincipal, ProblemException, parseRequest, type Principal, ApiQueryFrom, ApiParamsFrom } from '@leerzone/nest-platform';
import { effectiveUnitBoundaries, organisationStateAsOf, organisationStreamId, unitBoundariesAsOf } from '@leerzone/governance-domain';
import { AsOfQuery, TenantStreams } from '@leerzone/service-kit';
import { UnitFrames } from '../application/unit-frames';
import { UnitParams } from '../organisation-id.param';
import { EXAMPLES } from '../../shared/examples';

@ApiTags('governance: organisations')
@Controller('api/governance/organisations')
export class GetUnitBoundariesController {
  constructor(
    private readonly frames: UnitFrames,
    private readonly streams: TenantStreams,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  @AnyRole('read open to every user of the tenant')
  @Get(':organisationId/units/:unitId/boundaries')
  @ApiOkResponse({ schema: { example: EXAMPLES.unitBoundaries } })
  @ApiOperation({ summary: "A unit's effective boundaries (its own and the inherited ones, root first, each with its source). ?asOf=<ISO instant> rebuilds them from the organisation's events." })
  @ApiQueryFrom(AsOfQuery)
  @ApiParamsFrom(UnitParams)
  async get(@Param() params: unknown, @Query() query: unknown, @CurrentPrincipal() principal: Principal) {
    const { organisationId, unitId } = parseRequest(UnitParams, params, 'params');
    const { asOf } = parseRequest(AsOfQuery, query, 'query');
    const tenantId = principal.tenantId;
    if (asOf) {
      const moment = new Date(asOf);
      const events = await this.streams.read(organisationStreamId(tenantId, organisationId), tenantId);
      if (!events) throw ProblemException.notFound('ORGANISATION.NOT_FOUND', `There is no organisation ${organisationId}.`);
      if (!organisationStateAsOf(events, this.clock()).units.has(unitId)) throw unitNotFound(unitId);
      return { organisationId, unitId, asOf: moment.toISOString(), exists: organisationStateAsOf(events, moment).units.has(unitId), effective: unitBoundariesAsOf(events, unitId, moment) };
    }
    const organisation = await this.frames.organisationFromReadModel(tenantId, organisationId);
    if (!organisation) throw ProblemException.notFound('ORGANISATION.NOT_FOUND', `There is no organisation ${organisationId}.`);
    if (!organisation.state.units.has(unitId)) throw unitNotFound(unitId);
    return { organisationId, unitId, effective: effectiveUnitBoundaries(organisation.state, unitId) };
  }
}

const unitNotFound = (unitId: string) => ProblemException.notFound('UNIT.NOT_FOUND', `There is no unit ${unitId} in this organisation.`);
