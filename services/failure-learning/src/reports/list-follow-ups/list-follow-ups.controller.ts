import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyRole, TeamScoped, CLOCK, CurrentPrincipal, parseRequest, type Principal, ApiQueryFrom, ApiParamsFrom } from '@leerzone/nest-platform';
import { guardedQuery } from '@leerzone/service-kit';
import { TeamAccess } from '../../shared/access';
import { TeamIdParam } from '../../shared/fields';
import { ReportViews } from '../application/report-views';
import { ListFollowUpsQuery } from './list-follow-ups.request';

@ApiTags('failure-learning: follow-ups')
@Controller('api/failure-learning/teams')
export class ListFollowUpsController {
  constructor(
    private readonly views: ReportViews,
    private readonly access: TeamAccess,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  @AnyRole('members and coaches of the team; transformation leads, admins and analysts of the tenant')
  @TeamScoped('teamId', 'member', 'coach')
  @Get(':teamId/actions')
  @ApiOperation({ summary: 'The follow-up actions the team owns, earliest due first, each saying whether it is overdue. ?status=open,done,not-doing; limit/after page.' })
  @ApiOkResponse({ schema: { example: { teamId: '0199a0b2-7c1e-7000-8000-0000000000t1', items: [{ reportId: '0199a0b2-7c1e-7000-8000-000000000001', actionId: 'checklist', purpose: 'prevention', status: 'open', dueOn: '2026-12-04', overdue: false }] } } })
  @ApiQueryFrom(ListFollowUpsQuery)
  @ApiParamsFrom(TeamIdParam)
  async list(@Param() params: unknown, @Query() query: unknown, @CurrentPrincipal() principal: Principal) {
    const { teamId } = parseRequest(TeamIdParam, params, 'params');
    const { status, limit, after } = parseRequest(ListFollowUpsQuery, query, 'query');
    await this.access.requireReader(principal, teamId);
    const today = this.clock().toISOString().slice(0, 10);
    const page = await guardedQuery(() =>
      this.views.actions.find({ tenantId: principal.tenantId, ownerTeamId: teamId, ...(status ? { status: { $in: status } } : {}) }, { sort: { dueOn: 1, actionId: 1 }, limit, ...(after ? { after } : {}) }),
    );
    return {
      teamId,
      items: page.items.map(({ _id, tenantId: _t, ...action }) => ({ ...action, overdue: action.status === 'open' && action.dueOn < today })),
      ...(page.next ? { next: page.next } : {}),
    };
  }
}
