import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AnyRole, CurrentPrincipal, ProblemException, parseRequest, type Principal, ApiParamsFrom } from '@leerzone/nest-platform';
import { unitTree } from '@leerzone/governance-domain';
import { etagOf } from '@leerzone/service-kit';
import { UnitFrames } from '../application/unit-frames';
import { OrganisationIdParam } from '../organisation-id.param';
import { EXAMPLES } from '../../shared/examples';

@ApiTags('governance: organisations')
@Controller('api/governance/organisations')
export class GetOrganisationController {
  constructor(private readonly frames: UnitFrames) {}

  @AnyRole('read open to every user of the tenant')
  @Get(':organisationId')
  @ApiOkResponse({ schema: { example: EXAMPLES.organisation } })
  @ApiOperation({ summary: "An organisation's unit tree with each unit's own boundaries. ETag = the organisation stream version." })
  @ApiParamsFrom(OrganisationIdParam)
  async get(@Param() params: unknown, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) response: Response) {
    const { organisationId } = parseRequest(OrganisationIdParam, params, 'params');
    const organisation = await this.frames.organisationFromReadModel(principal.tenantId, organisationId);
    if (!organisation) throw ProblemException.notFound('ORGANISATION.NOT_FOUND', `There is no organisation ${organisationId}.`);
    response.setHeader('ETag', etagOf(organisation.document.version));
    const { createdBy, createdAt, version } = organisation.document;
    return { ...unitTree(organisation.state), createdBy, createdAt, version };
  }
}
