import { Body, Controller, Param, Patch, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { ORGANISATION_LEADS } from '../../shared/access';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { OrganisationCommands } from '../application/organisation-commands';
import { UnitParams } from '../organisation-id.param';
import { RenameUnitRequest } from './rename-unit.request';

@ApiTags('governance: organisations')
@Controller('api/governance/organisations')
export class RenameUnitController {
  constructor(private readonly organisations: OrganisationCommands) {}

  @Patch(':organisationId/units/:unitId')
  @Roles(...ORGANISATION_LEADS)
  @ApiOperation({ summary: 'Rename a unit.' })
  @ApiBody({ schema: jsonSchemaOf(RenameUnitRequest) })
  @ApiParamsFrom(UnitParams)
  async rename(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { organisationId, unitId } = parseRequest(UnitParams, params, 'params');
    const { name, reason } = parseRequest(RenameUnitRequest, body);
    const result = await this.organisations.run(write, organisationId, { type: 'RenameUnit', data: { organisationId, unitId, name } }, reason);
    return commandAnswer(response, result, { organisationId, unitId });
  }
}
