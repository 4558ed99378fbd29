import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyRole, CurrentPrincipal, ProblemException, ProjectionsHost, parseRequest, type Principal, ApiParamsFrom } from '@leerzone/nest-platform';
import { isPublishedInstrumentId, PUBLISHED_INSTRUMENTS, type InstrumentDefinition } from '@leerzone/assessment-domain';
import { InstrumentIdParam, InstrumentVersionParams } from '../../shared/assessment-fields';
import { TENANT_INSTRUMENTS_PROJECTION, tenantInstrumentId, type TenantInstrumentDocument } from '../read-model/tenant-instruments.projection';

@ApiTags('assessment: instruments')
@Controller('api/assessment/instruments')
export class GetInstrumentController {
  constructor(private readonly projections: ProjectionsHost) {}

  private async versions(tenantId: string, instrumentId: string): Promise<{ versions: readonly InstrumentDefinition[]; readOnly: boolean; retiredAt: string | null }> {
    if (isPublishedInstrumentId(instrumentId)) return { versions: PUBLISHED_INSTRUMENTS.filter((d) => d.instrumentId === instrumentId), readOnly: true, retiredAt: null };
    const doc = await this.projections.readModels
      .collection<TenantInstrumentDocument>(TENANT_INSTRUMENTS_PROJECTION, 'instruments')
      .findOne({ _id: tenantInstrumentId(tenantId, instrumentId), tenantId });
    if (!doc) throw ProblemException.notFound('INSTRUMENT.NOT_FOUND', `There is no instrument ${instrumentId}.`);
    return { versions: doc.versions, readOnly: false, retiredAt: doc.retiredAt };
  }

  @AnyRole('read open to every user of the tenant')
  @Get(':instrumentId')
  @ApiOperation({ summary: 'An instrument: its latest version in full (items, scale, reverse flags, scoring, source) and the versions that exist.' })
  @ApiOkResponse({ schema: { example: { instrumentId: 'psychological-safety', readOnly: true, versions: [1], latest: { version: 1, items: [{ itemId: 'ps-1', reverse: true }] } } } })
  @ApiParamsFrom(InstrumentIdParam)
  async get(@Param() params: unknown, @CurrentPrincipal() principal: Principal) {
    const { instrumentId } = parseRequest(InstrumentIdParam, params, 'params');
    const { versions, readOnly, retiredAt } = await this.versions(principal.tenantId, instrumentId);
    return { instrumentId, readOnly, retiredAt, versions: versions.map((v) => v.version), latest: versions[versions.length - 1] };
  }

  @AnyRole('read open to every user of the tenant')
  @Get(':instrumentId/versions/:version')
  @ApiOperation({ summary: 'One version of an instrument in full, as rounds copy it.' })
  @ApiOkResponse({ schema: { example: { instrumentId: 'psychological-safety', version: 1, scale: { points: 7 }, items: [{ itemId: 'ps-1', dimensionId: 'safety', reverse: true }] } } })
  @ApiParamsFrom(InstrumentVersionParams)
  async version(@Param() params: unknown, @CurrentPrincipal() principal: Principal) {
    const { instrumentId, version } = parseRequest(InstrumentVersionParams, params, 'params');
    const { versions, readOnly } = await this.versions(principal.tenantId, instrumentId);
    const definition = versions.find((v) => v.version === version);
    if (!definition) throw ProblemException.notFound('INSTRUMENT.VERSION_UNKNOWN', `Instrument ${instrumentId} has no version ${version}.`);
    return { ...definition, readOnly };
  }
}
