import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyRole, CurrentPrincipal, parseRequest, type Principal, ApiQueryFrom, ApiParamsFrom } from '@leerzone/nest-platform';
import { delegationBoardView, teamDelegationBoardAsOf } from '@leerzone/governance-domain';
import { AsOfQuery } from '@leerzone/service-kit';
import { TeamPast } from '../application/team-past';
import { TeamReadModels } from '../application/team-read-models';
import { TeamIdParam } from '../team-id.param';
import { EXAMPLES } from '../../shared/examples';

@ApiTags('governance: delegation board')
@Controller('api/governance/teams')
export class GetDelegationBoardController {
  constructor(
    private readonly teams: TeamReadModels,
    private readonly past: TeamPast,
  ) {}

  @AnyRole('read open to every user of the tenant')
  @Get(':teamId/delegation-board')
  @ApiOkResponse({ schema: { example: EXAMPLES.delegationBoard } })
  @ApiOperation({
    summary:
      'The delegation board: each key decision area with its level (1 Tell … 7 Delegate), who set it, when and why; unset areas are level 1. ?asOf=<ISO instant> rebuilds the board at that moment from the events.',
  })
  @ApiQueryFrom(AsOfQuery)
  @ApiParamsFrom(TeamIdParam)
  async get(@Param() params: unknown, @Query() query: unknown, @CurrentPrincipal() principal: Principal) {
    const { teamId } = parseRequest(TeamIdParam, params, 'params');
    const { asOf } = parseRequest(AsOfQuery, query, 'query');
    if (asOf) return teamDelegationBoardAsOf(await this.past.events(principal.tenantId, teamId), new Date(asOf));
    const team = await this.teams.requireTeam(principal.tenantId, teamId);
    return delegationBoardView(await this.teams.teamState(principal.tenantId, team, { board: true }));
  }
}
