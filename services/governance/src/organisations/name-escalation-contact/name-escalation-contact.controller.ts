import { Body, Controller, Param, Put, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { ORGANISATION_LEADS } from '../../shared/access';
import { OrganisationCommands } from '../application/organisation-commands';
import { UnitParams } from '../organisation-id.param';
import { NameEscalationContactRequest } from './name-escalation-contact.request';

@ApiTags('governance: escalations')
@Controller('api/governance/organisations')
export class NameEscalationContactController {
  constructor(private readonly organisations: OrganisationCommands) {}

  @Put(':organisationId/units/:unitId/escalation-contact')
  @Roles(...ORGANISATION_LEADS)
  @ApiOperation({ summary: "Name who answers escalations from the unit's teams — and from units below it — besides the teams' coaches, with a reason (transformation lead or admin). contactId null takes it back." })
  @ApiBody({ schema: jsonSchemaOf(NameEscalationContactRequest) })
  @ApiParamsFrom(UnitParams)
  @ApiOkResponse({ schema: { example: { organisationId: 'org-1', unitId: 'unit-care', contactId: 'user-lead', version: 4, events: [{ type: 'UnitEscalationContactNamed' }] } } })
  async name(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { organisationId, unitId } = parseRequest(UnitParams, params, 'params');
    const { contactId, reason } = parseRequest(NameEscalationContactRequest, body);
    const result = await this.organisations.run(write, organisationId, { type: 'NameUnitEscalationContact', data: { organisationId, unitId, contactId } }, reason);
    return commandAnswer(response, result, { organisationId, unitId, contactId: result.state.units.get(unitId)?.escalationContactId ?? null });
  }
}
