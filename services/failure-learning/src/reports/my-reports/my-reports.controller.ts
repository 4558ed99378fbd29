import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyRole, CurrentPrincipal, type Principal } from '@leerzone/nest-platform';
import { ReportViews } from '../application/report-views';

@ApiTags('failure-learning: reports')
@Controller('api/failure-learning/my-reports')
export class MyReportsController {
  constructor(private readonly views: ReportViews) {}

  @AnyRole('the caller’s own reports only')
  @Get()
  @ApiOperation({ summary: 'The caller’s own reports, named and anonymous. Anonymous ones are found by opening their sealed identities for this caller only; no read model links a person to an anonymous report.' })
  @ApiOkResponse({ schema: { example: { items: [{ reportId: '0199a0b2-7c1e-7000-8000-000000000001', teamId: '0199a0b2-7c1e-7000-8000-0000000000t1', kind: null, reporter: { anonymous: true, you: true } }] } } })
  async mine(@CurrentPrincipal() principal: Principal) {
    const [named, anonymous] = await Promise.all([
      this.views.reports.find({ tenantId: principal.tenantId, anonymous: false, reporterId: principal.userId }, { sort: { reportedAt: -1 }, limit: 200 }),
      this.views.anonymousReportsOf(principal),
    ]);
    const items = [...named.items.map((r) => this.views.view(r)), ...anonymous.map((r) => this.views.view(r, { you: true }))].sort((a, b) => (a.reportedAt < b.reportedAt ? 1 : -1));
    return { items };
  }
}
