import { Controller, Get, Inject, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AnyRole, CLOCK, CurrentPrincipal, parseRequest, type Principal, ApiQueryFrom } from '@leerzone/nest-platform';
import { DEFAULT_GOVERNANCE_SETTINGS } from '@leerzone/governance-domain';
import { GovernanceSettingsReader } from '../application/governance-settings';
import { GetSettingsQuery } from './get-settings.request';

@ApiTags('governance: settings')
@Controller('api/governance/settings')
export class GetSettingsController {
  constructor(
    private readonly settings: GovernanceSettingsReader,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  @AnyRole('read open to every user of the tenant')
  @Get()
  @ApiOperation({
    summary:
      "The tenant's governance settings: stall thresholds (months in one phase, months on the journey), the escalation timeout and the consent default deadline. The defaults (6, 12, 14 days, 7 days) until a lead or admin changes them; ?asOf= for any moment.",
  })
  @ApiQueryFrom(GetSettingsQuery)
  @ApiOkResponse({
    schema: {
      example: {
        asOf: '2026-03-01T09:00:00.000Z',
        configured: true,
        settings: { maxMonthsInPhase: 9, maxMonthsOnJourney: 18, escalationTimeoutDays: 7, consentDeadlineDays: 5 },
        defaults: DEFAULT_GOVERNANCE_SETTINGS,
        changedAt: '2026-02-01T09:00:00.000Z',
        changedBy: 'user-lead',
        reason: 'large units need more time per phase',
        version: 1,
      },
    },
  })
  async get(@Query() query: unknown, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) response: Response) {
    const { asOf } = parseRequest(GetSettingsQuery, query, 'query');
    if (asOf) {
      const past = await this.settings.asOf(principal.tenantId, new Date(asOf));
      return { asOf: past.asOf, configured: past.configured, settings: past.settings, defaults: DEFAULT_GOVERNANCE_SETTINGS, changedAt: past.changedAt, changedBy: past.changedBy, reason: past.reason };
    }
    const current = await this.settings.current(principal.tenantId);
    response.setHeader('ETag', `"${current.version}"`);
    return {
      asOf: this.clock().toISOString(),
      configured: current.configured,
      settings: current.settings,
      defaults: DEFAULT_GOVERNANCE_SETTINGS,
      changedAt: current.changedAt,
      changedBy: current.changedBy,
      reason: current.reason,
      version: current.version,
    };
  }
}
