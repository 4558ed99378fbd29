import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyRole, CurrentPrincipal, ProjectionsHost, parseRequest, type Principal, ApiQueryFrom, ApiParamsFrom } from '@leerzone/nest-platform';
import { safeScalar } from '@leerzone/projection-store';
import { guardedQuery } from '@leerzone/service-kit';
import { TeamReadModels } from '../application/team-read-models';
import { PRINCIPLES_PROJECTION, type PrincipleDocument } from '../read-model/principles.projection';
import { TeamIdParam } from '../team-id.param';
import { ListPrinciplesQuery } from './list-principles.request';
import { EXAMPLES } from '../../shared/examples';

@ApiTags('governance: principles')
@Controller('api/governance/teams')
export class ListPrinciplesController {
  constructor(
    private readonly teams: TeamReadModels,
    private readonly projections: ProjectionsHost,
  ) {}

  @AnyRole('read open to every user of the tenant')
  @Get(':teamId/principles')
  @ApiOkResponse({ schema: { example: EXAMPLES.principles } })
  @ApiOperation({ summary: "The team's principles, each a rule with the value it expresses, oldest first. ?status=active|retired." })
  @ApiQueryFrom(ListPrinciplesQuery)
  @ApiParamsFrom(TeamIdParam)
  async list(@Param() params: unknown, @Query() query: unknown, @CurrentPrincipal() principal: Principal) {
    const { teamId } = parseRequest(TeamIdParam, params, 'params');
    const { status } = parseRequest(ListPrinciplesQuery, query, 'query');
    const tenantId = principal.tenantId;
    await this.teams.requireTeam(tenantId, teamId);
    const { items } = await guardedQuery(() =>
      this.projections.readModels
        .collection<PrincipleDocument>(PRINCIPLES_PROJECTION, 'principles')
        .find({ tenantId, teamId, ...(status ? { status: safeScalar(status, 'status') } : {}) }, { sort: { adoptedAt: 1 } }),
    );
    return { teamId, principles: items.map(({ _id, tenantId: _t, teamId: _team, ...principle }) => principle) };
  }
}
