import { Body, Controller, HttpCode, Inject, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { NEW_ID, Roles, jsonSchemaOf, parseRequest } from '@leerzone/nest-platform';
import { ORGANISATION_LEADS } from '../../shared/access';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { OrganisationCommands } from '../application/organisation-commands';
import { CreateOrganisationRequest } from './create-organisation.request';

@ApiTags('governance: organisations')
@Controller('api/governance/organisations')
export class CreateOrganisationController {
  constructor(
    private readonly organisations: OrganisationCommands,
    @Inject(NEW_ID) private readonly newId: () => string,
  ) {}

  @Post()
  @HttpCode(201)
  @Roles(...ORGANISATION_LEADS)
  @ApiOperation({ summary: 'Create an organisation: the root of a unit tree (transformation lead, admin).' })
  @ApiBody({ schema: jsonSchemaOf(CreateOrganisationRequest) })
  async create(@Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { organisationId: requested, name, reason } = parseRequest(CreateOrganisationRequest, body);
    const organisationId = requested ?? this.newId();
    const result = await this.organisations.run(write, organisationId, { type: 'CreateOrganisation', data: { organisationId, name } }, reason);
    response.setHeader('Location', `/api/governance/organisations/${organisationId}`);
    return commandAnswer(response, result, { organisationId });
  }
}
