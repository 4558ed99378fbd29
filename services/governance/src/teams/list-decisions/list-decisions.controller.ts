import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyRole, CurrentPrincipal, ProjectionsHost, parseRequest, type Principal, ApiQueryFrom, ApiParamsFrom } from '@leerzone/nest-platform';
import { buildSafeFilter } from '@leerzone/projection-store';
import { guardedQuery } from '@leerzone/service-kit';
import { TeamReadModels } from '../application/team-read-models';
import { DECISIONS_PROJECTION, type DecisionDocument } from '../read-model/decisions.projection';
import { TeamIdParam } from '../team-id.param';
import { ListDecisionsQuery } from './list-decisions.request';
import { EXAMPLES } from '../../shared/examples';

const FILTERABLE = { status: { type: 'string', operators: ['in'] }, area: { type: 'string', operators: ['in'] } } as const;

@ApiTags('governance: decisions')
@Controller('api/governance/teams')
export class ListDecisionsController {
  constructor(
    private readonly teams: TeamReadModels,
    private readonly projections: ProjectionsHost,
  ) {}

  @AnyRole('read open to every user of the tenant')
  @Get(':teamId/decisions')
  @ApiOkResponse({ schema: { example: EXAMPLES.decisions } })
  @ApiOperation({ summary: "The team's decisions, newest first, each with the mandate it was checked against. ?status=recorded,escalated&area=budget-spend filter; limit/after page." })
  @ApiQueryFrom(ListDecisionsQuery)
  @ApiParamsFrom(TeamIdParam)
  async list(@Param() params: unknown, @Query() query: unknown, @CurrentPrincipal() principal: Principal) {
    const { teamId } = parseRequest(TeamIdParam, params, 'params');
    const { status, area, limit, after } = parseRequest(ListDecisionsQuery, query, 'query');
    const tenantId = principal.tenantId;
    await this.teams.requireTeam(tenantId, teamId);
    const page = await guardedQuery(() => {
      const filter = buildSafeFilter({ ...(status ? { status: { in: status } } : {}), ...(area ? { area: { in: area } } : {}) }, FILTERABLE);
      return this.projections.readModels
        .collection<DecisionDocument>(DECISIONS_PROJECTION, 'decisions')
        .find({ $and: [{ tenantId, teamId }, ...(Object.keys(filter).length > 0 ? [filter] : [])] }, { sort: { at: -1 }, limit, ...(after ? { after } : {}) });
    });
    return { teamId, items: page.items.map(({ _id, tenantId: _t, ...decision }) => decision), ...(page.next ? { next: page.next } : {}) };
  }
}
