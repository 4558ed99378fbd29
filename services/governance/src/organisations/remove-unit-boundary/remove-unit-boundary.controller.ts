import { Body, Controller, Delete, Param, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { ORGANISATION_LEADS } from '../../shared/access';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { ReasonOnly } from '../../shared/governance-fields';
import { OrganisationCommands } from '../application/organisation-commands';
import { UnitBoundaryParams } from '../organisation-id.param';

@ApiTags('governance: organisations')
@Controller('api/governance/organisations')
export class RemoveUnitBoundaryController {
  constructor(private readonly organisations: OrganisationCommands) {}

  @Delete(':organisationId/units/:unitId/boundaries/:boundaryId')
  @Roles(...ORGANISATION_LEADS)
  @ApiOperation({ summary: 'Remove a unit boundary, with a reason (body or X-Reason).' })
  @ApiBody({ schema: jsonSchemaOf(ReasonOnly) })
  @ApiParamsFrom(UnitBoundaryParams)
  async remove(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { organisationId, unitId, boundaryId } = parseRequest(UnitBoundaryParams, params, 'params');
    const { reason } = parseRequest(ReasonOnly, body);
    const result = await this.organisations.run(write, organisationId, { type: 'RemoveUnitBoundary', data: { organisationId, unitId, boundaryId } }, reason);
    return commandAnswer(response, result, { organisationId, unitId, boundaryId });
  }
}
