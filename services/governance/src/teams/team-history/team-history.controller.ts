import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyRole, CurrentPrincipal, parseRequest, type Principal, ApiQueryFrom, ApiParamsFrom } from '@leerzone/nest-platform';
import { teamHistory } from '@leerzone/governance-domain';
import { TeamPast } from '../application/team-past';
import { TeamIdParam } from '../team-id.param';
import { TeamHistoryQuery } from './team-history.request';
import { EXAMPLES } from '../../shared/examples';

@ApiTags('governance: time travel')
@Controller('api/governance/teams')
export class TeamHistoryController {
  constructor(private readonly past: TeamPast) {}

  @AnyRole('read open to every user of the tenant')
  @Get(':teamId/history')
  @ApiOkResponse({ schema: { example: EXAMPLES.teamHistory } })
  @ApiOperation({ summary: "Every change of a team with who, when and why, oldest first. Filter with topic (membership, yes, phase, coaching, boundaries, consent, delegation, decisions, principles, team) and from/to." })
  @ApiQueryFrom(TeamHistoryQuery)
  @ApiParamsFrom(TeamIdParam)
  async history(@Param() params: unknown, @Query() query: unknown, @CurrentPrincipal() principal: Principal) {
    const { teamId } = parseRequest(TeamIdParam, params, 'params');
    const { topic, from, to } = parseRequest(TeamHistoryQuery, query, 'query');
    const events = await this.past.events(principal.tenantId, teamId);
    const entries = teamHistory(events, { ...(topic ? { topics: topic } : {}), ...(from ? { from: new Date(from) } : {}), ...(to ? { to: new Date(to) } : {}) });
    return { teamId, entries };
  }
}
