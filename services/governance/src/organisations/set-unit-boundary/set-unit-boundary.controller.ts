import { Body, Controller, Param, Put, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { ORGANISATION_LEADS } from '../../shared/access';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { OrganisationCommands } from '../application/organisation-commands';
import { UnitBoundaryParams } from '../organisation-id.param';
import { SetUnitBoundaryRequest } from './set-unit-boundary.request';

@ApiTags('governance: organisations')
@Controller('api/governance/organisations')
export class SetUnitBoundaryController {
  constructor(private readonly organisations: OrganisationCommands) {}

  @Put(':organisationId/units/:unitId/boundaries/:boundaryId')
  @Roles(...ORGANISATION_LEADS)
  @ApiOperation({ summary: "Set a unit boundary, with a reason. Inherited by every unit and team below; never wider than the ancestors' (403 BOUNDARY.WIDER_THAN_PARENT)." })
  @ApiBody({ schema: jsonSchemaOf(SetUnitBoundaryRequest) })
  @ApiParamsFrom(UnitBoundaryParams)
  async set(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { organisationId, unitId, boundaryId } = parseRequest(UnitBoundaryParams, params, 'params');
    const { boundary, reason } = parseRequest(SetUnitBoundaryRequest, body);
    const result = await this.organisations.run(write, organisationId, { type: 'SetUnitBoundary', data: { organisationId, unitId, boundary: { ...boundary, boundaryId } } }, reason);
    return commandAnswer(response, result, { organisationId, unitId, boundaryId });
  }
}
