import { Body, Controller, HttpCode, Inject, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { NEW_ID, ProblemException, Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { ORGANISATION_LEADS } from '../../shared/access';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { OrganisationCommands } from '../application/organisation-commands';
import { UnitFrames } from '../application/unit-frames';
import { OrganisationIdParam } from '../organisation-id.param';
import { AddUnitRequest } from './add-unit.request';

@ApiTags('governance: organisations')
@Controller('api/governance/organisations')
export class AddUnitController {
  constructor(
    private readonly organisations: OrganisationCommands,
    private readonly frames: UnitFrames,
    @Inject(NEW_ID) private readonly newId: () => string,
  ) {}

  @Post(':organisationId/units')
  @HttpCode(201)
  @Roles(...ORGANISATION_LEADS)
  @ApiOperation({ summary: 'Add a unit to the tree, at the top or under a parent unit.' })
  @ApiBody({ schema: jsonSchemaOf(AddUnitRequest) })
  @ApiParamsFrom(OrganisationIdParam)
  async add(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { organisationId } = parseRequest(OrganisationIdParam, params, 'params');
    const { unitId: requested, name, parentUnitId, reason } = parseRequest(AddUnitRequest, body);
    const unitId = requested ?? this.newId();
    // Teams name their unit by id alone, so a unit id may belong to one organisation per tenant.
    const owner = await this.frames.organisationOf(write.principal.tenantId, unitId);
    if (owner !== null && owner !== organisationId) {
      throw ProblemException.of(409, 'UNIT.ID_TAKEN', `Unit id ${unitId} is already used by another organisation of this tenant; choose another.`, { field: 'unitId' });
    }
    const result = await this.organisations.run(write, organisationId, { type: 'AddUnit', data: { organisationId, unitId, name, parentUnitId: parentUnitId ?? null } }, reason);
    return commandAnswer(response, result, { organisationId, unitId });
  }
}
