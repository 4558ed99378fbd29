import { Controller, Get, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AnyRole, CurrentPrincipal, type Principal } from '@leerzone/nest-platform';
import { MIN_ANONYMITY_THRESHOLD } from '@leerzone/assessment-domain';
import { AssessmentStreams } from '../../shared/assessment-streams';

@ApiTags('assessment: settings')
@Controller('api/assessment/settings')
export class GetSettingsController {
  constructor(private readonly streams: AssessmentStreams) {}

  @AnyRole('read open to every user of the tenant')
  @Get()
  @ApiOperation({ summary: "The tenant's anonymity threshold and zone thresholds (the defaults until an admin configures them)." })
  @ApiOkResponse({ schema: { example: { configured: false, anonymityThreshold: 5, minimumAnonymityThreshold: 3, zoneThresholds: { safetyHighFrom: 5, standardsHighFrom: 5 }, version: 0 } } })
  async get(@CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) response: Response) {
    const settings = await this.streams.settings(principal.tenantId);
    response.setHeader('ETag', `"${settings.version}"`);
    return { configured: settings.configured, anonymityThreshold: settings.anonymityThreshold, minimumAnonymityThreshold: MIN_ANONYMITY_THRESHOLD, zoneThresholds: settings.zoneThresholds, version: settings.version };
  }
}
