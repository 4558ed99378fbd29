import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyRole, CLOCK, CurrentPrincipal, parseRequest, type Principal, ApiQueryFrom, ApiParamsFrom } from '@leerzone/nest-platform';
import { teamMandateAsOf } from '@leerzone/governance-domain';
import { TeamPast } from '../application/team-past';
import { TeamIdParam } from '../team-id.param';
import { MandateQuery } from './get-mandate.request';
import { EXAMPLES } from '../../shared/examples';

@ApiTags('governance: time travel')
@Controller('api/governance/teams')
export class GetMandateController {
  constructor(
    private readonly past: TeamPast,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  @AnyRole('read open to every user of the tenant')
  @Get(':teamId/mandate')
  @ApiOkResponse({ schema: { example: EXAMPLES.mandate } })
  @ApiOperation({
    summary:
      '"What could this team decide about <area> on <date>, within which boundaries?": the board level, every financial limit with what was already spent in its period, and the rule boundaries in force. asOf defaults to now.',
  })
  @ApiQueryFrom(MandateQuery)
  @ApiParamsFrom(TeamIdParam)
  async get(@Param() params: unknown, @Query() query: unknown, @CurrentPrincipal() principal: Principal) {
    const { teamId } = parseRequest(TeamIdParam, params, 'params');
    const { area, asOf } = parseRequest(MandateQuery, query, 'query');
    const moment = asOf ? new Date(asOf) : this.clock();
    const events = await this.past.events(principal.tenantId, teamId);
    return { teamId, ...teamMandateAsOf(events, moment, area, await this.past.unitBoundariesAsOf(principal.tenantId, events, moment)) };
  }
}
