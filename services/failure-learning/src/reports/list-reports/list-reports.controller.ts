import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyRole, TeamScoped, CurrentPrincipal, parseRequest, type Principal, ApiQueryFrom, ApiParamsFrom } from '@leerzone/nest-platform';
import { guardedQuery } from '@leerzone/service-kit';
import { TeamAccess } from '../../shared/access';
import { TeamIdParam } from '../../shared/fields';
import { ReportViews } from '../application/report-views';
import { ListReportsQuery } from './list-reports.request';

@ApiTags('failure-learning: reports')
@Controller('api/failure-learning/teams')
export class ListReportsController {
  constructor(
    private readonly views: ReportViews,
    private readonly access: TeamAccess,
  ) {}

  @AnyRole('members and coaches of the team; transformation leads, admins and analysts of the tenant')
  @TeamScoped('teamId', 'member', 'coach')
  @Get(':teamId/reports')
  @ApiOperation({ summary: 'The team’s failure reports, newest first (its members and coaches; transformation leads, admins, analysts). ?kind=basic,unclassified&severity=high&repeats=true filter; limit/after page.' })
  @ApiOkResponse({
    schema: { example: { teamId: '0199a0b2-7c1e-7000-8000-0000000000t1', items: [{ reportId: '0199a0b2-7c1e-7000-8000-000000000001', happened: 'The evening round was skipped', severity: 'high', kind: 'basic', repeatCount: 1, reporter: { anonymous: true } }], next: 'eyJ…' } },
  })
  @ApiQueryFrom(ListReportsQuery)
  @ApiParamsFrom(TeamIdParam)
  async list(@Param() params: unknown, @Query() query: unknown, @CurrentPrincipal() principal: Principal) {
    const { teamId } = parseRequest(TeamIdParam, params, 'params');
    const { kind, severity, repeats, limit, after } = parseRequest(ListReportsQuery, query, 'query');
    await this.access.requireReader(principal, teamId);
    const kinds = kind?.map((k) => (k === 'unclassified' ? null : k));
    const filter = {
      tenantId: principal.tenantId,
      teamId,
      ...(kinds ? { kind: { $in: kinds } } : {}),
      ...(severity ? { severity: { $in: severity } } : {}),
      ...(repeats === 'true' ? { repeatCount: { $gt: 0 } } : repeats === 'false' ? { repeatCount: 0 } : {}),
    };
    const page = await guardedQuery(() => this.views.reports.find(filter, { sort: { reportedAt: -1 }, limit, ...(after ? { after } : {}) }));
    return { teamId, items: page.items.map((r) => this.views.summary(r)), ...(page.next ? { next: page.next } : {}) };
  }
}
