import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyRole, TeamScoped, CurrentPrincipal, parseRequest, type Principal, ApiParamsFrom } from '@leerzone/nest-platform';
import { TeamAccess } from '../../shared/access';
import { TeamIdParam } from '../../shared/fields';
import { ReportViews } from '../application/report-views';

@ApiTags('failure-learning: not twice')
@Controller('api/failure-learning/teams')
export class ListRepeatsController {
  constructor(
    private readonly views: ReportViews,
    private readonly access: TeamAccess,
  ) {}

  @AnyRole('members and coaches of the team; transformation leads, admins and analysts of the tenant')
  @TeamScoped('teamId', 'member', 'coach')
  @Get(':teamId/repeats')
  @ApiOperation({
    summary:
      '"Not twice": the team’s basic failures that repeat an earlier lesson, newest first, each with the lesson, how it matched, and whether that lesson’s prevention action was done — when the repeat was flagged and now.',
  })
  @ApiOkResponse({
    schema: {
      example: {
        teamId: '0199a0b2-7c1e-7000-8000-0000000000t1',
        items: [
          {
            reportId: '0199a0b2-7c1e-7000-8000-000000000002',
            happened: 'The evening round was skipped again',
            lessonId: '0199a0b2-7c1e-7000-8000-0000000000aa',
            lessonTeamId: '0199a0b2-7c1e-7000-8000-0000000000t1',
            matchedBy: 'area-and-tags',
            preventionAction: { actionId: 'checklist', description: 'Handover checklist item', status: 'open', done: false },
            preventionNow: { status: 'open', done: false },
            flaggedAt: '2026-11-24T09:00:00.000Z',
          },
        ],
      },
    },
  })
  @ApiParamsFrom(TeamIdParam)
  async list(@Param() params: unknown, @CurrentPrincipal() principal: Principal) {
    const { teamId } = parseRequest(TeamIdParam, params, 'params');
    await this.access.requireReader(principal, teamId);
    const { items: reports } = await this.views.reports.find({ tenantId: principal.tenantId, teamId, repeatCount: { $gt: 0 } }, { sort: { reportedAt: -1 }, limit: 200 });
    const repeats = reports.flatMap((report) => report.repeats.map((repeat) => ({ report, repeat })));
    const statuses = await this.views.actionStatuses(
      principal.tenantId,
      repeats.filter(({ repeat }) => repeat.preventionAction).map(({ repeat }) => ({ reportId: repeat.lessonReportId, actionId: repeat.preventionAction!.actionId })),
    );
    return {
      teamId,
      items: repeats.map(({ report, repeat }) => {
        const now = repeat.preventionAction ? statuses.get(`${repeat.lessonReportId}/${repeat.preventionAction.actionId}`) : undefined;
        return { reportId: report.reportId, happened: report.happened, reportedAt: report.reportedAt, ...repeat, preventionNow: now ? { status: now.status, done: now.status === 'done' } : null };
      }),
    };
  }
}
