import { Controller, Get, Inject, Param, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AnyRole, CLOCK, CurrentPrincipal, parseRequest, type Principal, ApiParamsFrom } from '@leerzone/nest-platform';
import { etagOf } from '@leerzone/service-kit';
import { ReportIdParam } from '../../shared/fields';
import { ReportViews } from '../application/report-views';

@ApiTags('failure-learning: reports')
@Controller('api/failure-learning/reports')
export class GetReportController {
  constructor(
    private readonly views: ReportViews,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  @AnyRole('members and coaches of the team; transformation leads, admins and analysts of the tenant, of the report’s team')
  @Get(':reportId')
  @ApiOperation({
    summary:
      'A report as its team sees it: the account, classification and reclassifications, repeats (with whether the earlier prevention is done now), the response, lessons and follow-up actions. An anonymous reporter is shown as anonymous — to the reporter themself with you: true.',
  })
  @ApiOkResponse({
    schema: {
      example: {
        reportId: '0199a0b2-7c1e-7000-8000-000000000001',
        teamId: '0199a0b2-7c1e-7000-8000-0000000000t1',
        happened: 'The evening medication round was skipped',
        kind: 'basic',
        cause: 'inattention',
        reporter: { anonymous: true },
        repeats: [{ lessonId: '0199a0b2-7c1e-7000-8000-0000000000aa', matchedBy: 'area-and-tags', preventionAction: { actionId: 'checklist', status: 'open', done: false }, preventionNow: { status: 'done', done: true } }],
        actions: [{ actionId: 'checklist', purpose: 'prevention', status: 'open', dueOn: '2026-12-04', overdue: false }],
        version: 5,
      },
    },
  })
  @ApiParamsFrom(ReportIdParam)
  async get(@Param() params: unknown, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) response: Response) {
    const { reportId } = parseRequest(ReportIdParam, params, 'params');
    const report = await this.views.requireReadable(principal, reportId);
    const you = report.anonymous && (await this.views.isAnonymousReporter(principal.tenantId, reportId, principal.userId));
    const { items: actions } = await this.views.actions.find({ tenantId: principal.tenantId, reportId }, { sort: { plannedAt: 1 }, limit: 200 });
    const statuses = await this.views.actionStatuses(
      principal.tenantId,
      report.repeats.filter((r) => r.preventionAction).map((r) => ({ reportId: r.lessonReportId, actionId: r.preventionAction!.actionId })),
    );
    const today = this.clock().toISOString().slice(0, 10);
    response.setHeader('ETag', etagOf(report.version));
    return {
      ...this.views.view(report, { you }),
      repeats: report.repeats.map((repeat) => {
        const now = repeat.preventionAction ? statuses.get(`${repeat.lessonReportId}/${repeat.preventionAction.actionId}`) : undefined;
        return { ...repeat, preventionNow: now ? { status: now.status, done: now.status === 'done' } : null };
      }),
      actions: actions.map(({ _id, tenantId: _t, ...action }) => ({ ...action, overdue: action.status === 'open' && action.dueOn < today })),
    };
  }
}
