import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyRole, CurrentPrincipal, ProblemException, parseRequest, type Principal, ApiParamsFrom } from '@leerzone/nest-platform';
import { organisationHistory, organisationStreamId } from '@leerzone/governance-domain';
import { TenantStreams } from '@leerzone/service-kit';
import { OrganisationIdParam } from '../organisation-id.param';
import { EXAMPLES } from '../../shared/examples';

@ApiTags('governance: time travel')
@Controller('api/governance/organisations')
export class OrganisationHistoryController {
  constructor(private readonly streams: TenantStreams) {}

  @AnyRole('read open to every user of the tenant')
  @Get(':organisationId/history')
  @ApiOkResponse({ schema: { example: EXAMPLES.organisationHistory } })
  @ApiOperation({ summary: 'Every change of the unit tree and unit boundaries, with who, when and why.' })
  @ApiParamsFrom(OrganisationIdParam)
  async history(@Param() params: unknown, @CurrentPrincipal() principal: Principal) {
    const { organisationId } = parseRequest(OrganisationIdParam, params, 'params');
    const events = await this.streams.read(organisationStreamId(principal.tenantId, organisationId), principal.tenantId);
    if (!events) throw ProblemException.notFound('ORGANISATION.NOT_FOUND', `There is no organisation ${organisationId}.`);
    return { organisationId, entries: organisationHistory(events) };
  }
}
