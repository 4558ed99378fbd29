import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { TeamScoped, CurrentPrincipal, Roles, parseRequest, type Principal, ApiQueryFrom, ApiParamsFrom } from '@leerzone/nest-platform';
import { guardedQuery, PageQuery } from '@leerzone/service-kit';
import { TeamIdParam } from '../../shared/assessment-fields';
import { refuse, TeamAccess } from '../../shared/team-access';
import { MaturityViews } from '../application/maturity-views';

const TeamMaturityQuery = z.strictObject({ ...PageQuery });

@ApiTags('assessment: task maturity')
@Controller('api/assessment/teams')
export class ListTeamTaskMaturityController {
  constructor(
    private readonly views: MaturityViews,
    private readonly access: TeamAccess,
  ) {}

  @TeamScoped('teamId', 'coach')
  @Get(':teamId/task-maturity')
  @Roles('coach')
  @ApiOperation({ summary: "The current task maturity of every member of the team, for the team's coach only (limit/after)." })
  @ApiOkResponse({ schema: { example: { teamId: '0193…', items: [{ memberId: 'anna', task: 'budgeting', current: { developmentLevel: 'D3' } }], next: 'cursor' } } })
  @ApiQueryFrom(TeamMaturityQuery)
  @ApiParamsFrom(TeamIdParam)
  async list(@Param() params: unknown, @Query() query: unknown, @CurrentPrincipal() principal: Principal) {
    const { teamId } = parseRequest(TeamIdParam, params, 'params');
    const { limit, after } = parseRequest(TeamMaturityQuery, query, 'query');
    await this.access.requireTeam(principal.tenantId, teamId);
    refuse(await this.access.coach(principal, teamId, "see its members' task maturity"));
    const page = await guardedQuery(() =>
      this.views.tasks.find({ tenantId: principal.tenantId, teamId, retiredAt: null }, { sort: { memberId: 1, task: 1 }, limit, ...(after ? { after } : {}) }),
    );
    return { teamId, items: await Promise.all(page.items.map((doc) => this.views.view(doc, false))), ...(page.next ? { next: page.next } : {}) };
  }
}
