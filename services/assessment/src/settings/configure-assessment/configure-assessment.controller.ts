import { Body, Controller, Put, Res } from '@nestjs/common';
import { ApiBody, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles, jsonSchemaOf, parseRequest } from '@leerzone/nest-platform';
import { settingsDecider, settingsStreamId } from '@leerzone/assessment-domain';
import { commandAnswer, ServiceCommands, Write, type WriteRequest } from '@leerzone/service-kit';
import { ConfigureAssessmentRequest } from './configure-assessment.request';

@ApiTags('assessment: settings')
@Controller('api/assessment/settings')
export class ConfigureAssessmentController {
  constructor(private readonly commands: ServiceCommands) {}

  @Put()
  @Roles('admin')
  @ApiOperation({ summary: "Set the tenant's anonymity threshold (never below 3) and zone thresholds, with a reason. Applies to rounds opened (threshold) and closed (zones) from now on." })
  @ApiBody({ schema: jsonSchemaOf(ConfigureAssessmentRequest) })
  @ApiOkResponse({ description: 'Recorded', schema: { example: { anonymityThreshold: 6, zoneThresholds: { safetyHighFrom: 5, standardsHighFrom: 5 }, version: 1, events: [{ type: 'AssessmentSettingsChanged' }] } } })
  async configure(@Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { reason, anonymityThreshold, zoneThresholds } = parseRequest(ConfigureAssessmentRequest, body);
    const ctx = write.context(reason);
    const result = await this.commands.run(settingsDecider, settingsStreamId(ctx.tenantId), { type: 'ConfigureAssessment', data: { anonymityThreshold, zoneThresholds } }, ctx, {
      ifMatch: write.ifMatch,
    });
    return commandAnswer(response, result, { anonymityThreshold, zoneThresholds });
  }
}
