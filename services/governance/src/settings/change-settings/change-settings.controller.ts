import { Body, Controller, Put, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles, jsonSchemaOf, parseRequest } from '@leerzone/nest-platform';
import { governanceSettingsDecider, governanceSettingsStreamId } from '@leerzone/governance-domain';
import { commandAnswer, ServiceCommands, Write, type WriteRequest } from '@leerzone/service-kit';
import { ORGANISATION_LEADS } from '../../shared/access';
import { ChangeSettingsRequest } from './change-settings.request';

@ApiTags('governance: settings')
@Controller('api/governance/settings')
export class ChangeSettingsController {
  constructor(private readonly commands: ServiceCommands) {}

  @Put()
  @Roles(...ORGANISATION_LEADS)
  @ApiOperation({ summary: "Change the tenant's governance settings (transformation lead or admin), with a reason; each change is an event. If-Match takes the settings' ETag." })
  @ApiBody({ schema: jsonSchemaOf(ChangeSettingsRequest) })
  @ApiOkResponse({
    description: 'Changed',
    schema: { example: { settings: { maxMonthsInPhase: 9, maxMonthsOnJourney: 18, escalationTimeoutDays: 7, consentDeadlineDays: 5 }, version: 1, events: [{ type: 'GovernanceSettingsChanged' }] } },
  })
  async change(@Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { reason, ...settings } = parseRequest(ChangeSettingsRequest, body);
    const ctx = write.context(reason);
    const result = await this.commands.run(governanceSettingsDecider, governanceSettingsStreamId(ctx.tenantId), { type: 'ChangeGovernanceSettings', data: settings }, ctx, {
      ifMatch: write.ifMatch,
    });
    return commandAnswer(response, result, { settings: result.state.settings });
  }
}
