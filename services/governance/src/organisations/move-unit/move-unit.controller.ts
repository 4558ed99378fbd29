import { Body, Controller, Param, Put, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { ORGANISATION_LEADS } from '../../shared/access';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { OrganisationCommands } from '../application/organisation-commands';
import { UnitParams } from '../organisation-id.param';
import { MoveUnitRequest } from './move-unit.request';

@ApiTags('governance: organisations')
@Controller('api/governance/organisations')
export class MoveUnitController {
  constructor(private readonly organisations: OrganisationCommands) {}

  @Put(':organisationId/units/:unitId/parent')
  @Roles(...ORGANISATION_LEADS)
  @ApiOperation({ summary: 'Move a unit (and its subtree) under another parent, with a reason. No cycles (400 UNIT.CYCLE); the subtree must fit the new frame (403 BOUNDARY.WIDER_THAN_PARENT).' })
  @ApiBody({ schema: jsonSchemaOf(MoveUnitRequest) })
  @ApiParamsFrom(UnitParams)
  async move(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { organisationId, unitId } = parseRequest(UnitParams, params, 'params');
    const { parentUnitId, reason } = parseRequest(MoveUnitRequest, body);
    const result = await this.organisations.run(write, organisationId, { type: 'MoveUnit', data: { organisationId, unitId, parentUnitId } }, reason);
    return commandAnswer(response, result, { organisationId, unitId, parentUnitId });
  }
}
