import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyRole, TeamScoped, CLOCK, CurrentPrincipal, Roles, parseRequest, type Principal, ApiParamsFrom } from '@leerzone/nest-platform';
import { FAILURE_KINDS } from '@leerzone/failure-learning-domain';
import { TENANT_READERS, TeamAccess } from '../../shared/access';
import { TeamIdParam } from '../../shared/fields';
import { ReportViews } from '../application/report-views';

const EXAMPLE = {
  reports: 12,
  byKind: { basic: 5, complex: 3, intelligent: 2, unclassified: 2 },
  anonymous: 4,
  repeats: 1,
  celebrated: 2,
  actions: { open: 4, done: 7, notDoing: 1, overdue: 1 },
};

/**
 * Blameless counts. Built only from the report read models: confidential cases live in their
 * own streams, which no blameless read model reads, so they can never be counted here.
 */
@ApiTags('failure-learning: statistics')
@Controller('api/failure-learning')
export class FailureStatisticsController {
  constructor(
    private readonly views: ReportViews,
    private readonly access: TeamAccess,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  @AnyRole('members and coaches of the team; transformation leads, admins and analysts of the tenant')
  @TeamScoped('teamId', 'member', 'coach')
  @Get('teams/:teamId/statistics')
  @ApiOperation({ summary: 'The team’s blameless counts: reports by kind, anonymous ones, repeats, celebrations, follow-up actions by status and overdue.' })
  @ApiOkResponse({ schema: { example: { teamId: '0199a0b2-7c1e-7000-8000-0000000000t1', ...EXAMPLE } } })
  @ApiParamsFrom(TeamIdParam)
  async forTeam(@Param() params: unknown, @CurrentPrincipal() principal: Principal) {
    const { teamId } = parseRequest(TeamIdParam, params, 'params');
    await this.access.requireReader(principal, teamId);
    return { teamId, ...(await this.counts(principal.tenantId, { teamId }, { ownerTeamId: teamId })) };
  }

  @Get('statistics')
  @Roles(...TENANT_READERS)
  @ApiOperation({ summary: 'The same counts for the whole tenant (transformation leads, admins, analysts).' })
  @ApiOkResponse({ schema: { example: EXAMPLE } })
  async forTenant(@CurrentPrincipal() principal: Principal) {
    return this.counts(principal.tenantId, {}, {});
  }

  private async counts(tenantId: string, reportsWhere: Record<string, unknown>, actionsWhere: Record<string, unknown>) {
    const reports = (extra: Record<string, unknown> = {}) => this.views.reports.count({ tenantId, ...reportsWhere, ...extra });
    const actions = (extra: Record<string, unknown>) => this.views.actions.count({ tenantId, ...actionsWhere, ...extra });
    const today = this.clock().toISOString().slice(0, 10);
    const [total, unclassified, anonymous, repeats, celebrated, open, done, notDoing, overdue, ...kinds] = await Promise.all([
      reports(),
      reports({ kind: null }),
      reports({ anonymous: true }),
      reports({ repeatCount: { $gt: 0 } }),
      reports({ celebration: { $ne: null } }),
      actions({ status: 'open' }),
      actions({ status: 'done' }),
      actions({ status: 'not-doing' }),
      actions({ status: 'open', dueOn: { $lt: today } }),
      ...FAILURE_KINDS.map((kind) => reports({ kind })),
    ]);
    return {
      reports: total,
      byKind: { ...Object.fromEntries(FAILURE_KINDS.map((kind, i) => [kind, kinds[i]])), unclassified },
      anonymous,
      repeats,
      celebrated,
      actions: { open, done, notDoing, overdue },
    };
  }
}
