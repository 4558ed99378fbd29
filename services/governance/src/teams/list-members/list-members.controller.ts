import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyRole, CurrentPrincipal, parseRequest, type Principal, ApiQueryFrom, ApiParamsFrom } from '@leerzone/nest-platform';
import { membershipView, teamMembershipAsOf } from '@leerzone/governance-domain';
import { AsOfQuery } from '@leerzone/service-kit';
import { TeamPast } from '../application/team-past';
import { TeamReadModels } from '../application/team-read-models';
import { TeamIdParam } from '../team-id.param';
import { EXAMPLES } from '../../shared/examples';

@ApiTags('governance: members')
@Controller('api/governance/teams')
export class ListMembersController {
  constructor(
    private readonly teams: TeamReadModels,
    private readonly past: TeamPast,
  ) {}

  @AnyRole('read open to every user of the tenant')
  @Get(':teamId/members')
  @ApiOkResponse({ schema: { example: EXAMPLES.members } })
  @ApiOperation({ summary: "Members, their roles and their yes, with the team's readiness for self-steering. ?asOf=<ISO instant> rebuilds the membership at that moment from the events." })
  @ApiQueryFrom(AsOfQuery)
  @ApiParamsFrom(TeamIdParam)
  async list(@Param() params: unknown, @Query() query: unknown, @CurrentPrincipal() principal: Principal) {
    const { teamId } = parseRequest(TeamIdParam, params, 'params');
    const { asOf } = parseRequest(AsOfQuery, query, 'query');
    if (asOf) return teamMembershipAsOf(await this.past.events(principal.tenantId, teamId), new Date(asOf));
    const team = await this.teams.requireTeam(principal.tenantId, teamId);
    return membershipView(await this.teams.teamState(principal.tenantId, team, { members: true }));
  }
}
