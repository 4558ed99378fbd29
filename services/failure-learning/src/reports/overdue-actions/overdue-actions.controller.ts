import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyRole, TeamScoped, CLOCK, CurrentPrincipal, Roles, parseRequest, type Principal, ApiParamsFrom } from '@leerzone/nest-platform';
import { overdueActions, overdueActionsByTeam, type FollowUpActionRow } from '@leerzone/failure-learning-domain';
import { TENANT_READERS, TeamAccess } from '../../shared/access';
import { TeamIdParam } from '../../shared/fields';
import { ReportViews } from '../application/report-views';
import type { FollowUpDocument } from '../read-model/follow-ups.projection';

/** Open actions a view considers at most; overdue ones are a subset. */
const MAX_OPEN = 2_000;

const EXAMPLE_ACTION = {
  reportId: '0199a0b2-7c1e-7000-8000-000000000001',
  reportTeamId: '0199a0b2-7c1e-7000-8000-0000000000t1',
  actionId: 'checklist',
  description: 'Add the medication check to the handover checklist',
  ownerTeamId: '0199a0b2-7c1e-7000-8000-0000000000t1',
  severity: 'high',
  dueOn: '2026-11-20',
  status: 'open',
  daysOverdue: 3,
};

@ApiTags('failure-learning: follow-ups')
@Controller('api/failure-learning')
export class OverdueActionsController {
  constructor(
    private readonly views: ReportViews,
    private readonly access: TeamAccess,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  @AnyRole('members and coaches of the team; transformation leads, admins and analysts of the tenant')
  @TeamScoped('teamId', 'member', 'coach')
  @Get('teams/:teamId/overdue-actions')
  @ApiOperation({ summary: 'Open actions the team owns whose due date has passed (overdue from the day after), most overdue first.' })
  @ApiOkResponse({ schema: { example: { teamId: EXAMPLE_ACTION.ownerTeamId, asOf: '2026-11-24T09:00:00.000Z', items: [EXAMPLE_ACTION] } } })
  @ApiParamsFrom(TeamIdParam)
  async forTeam(@Param() params: unknown, @CurrentPrincipal() principal: Principal) {
    const { teamId } = parseRequest(TeamIdParam, params, 'params');
    await this.access.requireReader(principal, teamId);
    const now = this.clock();
    const rows = await this.rows(principal.tenantId, { ownerTeamId: teamId });
    return { teamId, asOf: now.toISOString(), items: overdueActions(rows, now) };
  }

  @Get('overdue-actions')
  @Roles(...TENANT_READERS)
  @ApiOperation({ summary: 'Every team’s overdue actions in the tenant, per owner team (transformation leads, admins, analysts).' })
  @ApiOkResponse({ schema: { example: { asOf: '2026-11-24T09:00:00.000Z', total: 1, teams: [{ ownerTeamId: EXAMPLE_ACTION.ownerTeamId, actions: [EXAMPLE_ACTION] }] } } })
  async forTenant(@CurrentPrincipal() principal: Principal) {
    const now = this.clock();
    const teams = overdueActionsByTeam(await this.rows(principal.tenantId, {}), now);
    return { asOf: now.toISOString(), total: teams.reduce((sum, team) => sum + team.actions.length, 0), teams };
  }

  /** Open actions as the domain's rows, with the team each report is about. */
  private async rows(tenantId: string, where: Record<string, unknown>): Promise<FollowUpActionRow[]> {
    const { items } = await this.views.actions.find({ tenantId, status: 'open', ...where }, { sort: { dueOn: 1 }, limit: MAX_OPEN });
    const reportIds = [...new Set(items.map((a) => a.reportId))];
    const reports = reportIds.length > 0 ? (await this.views.reports.find({ tenantId, reportId: { $in: reportIds } }, { limit: MAX_OPEN })).items : [];
    const teamOf = new Map(reports.map((r) => [r.reportId, r.teamId]));
    return items.map((action) => toRow(action, teamOf.get(action.reportId) ?? action.ownerTeamId));
  }
}

const toRow = (a: FollowUpDocument, reportTeamId: string): FollowUpActionRow => ({
  actionId: a.actionId,
  reportId: a.reportId,
  purpose: a.purpose,
  preventionKind: a.preventionKind,
  description: a.description,
  ownerTeamId: a.ownerTeamId,
  severity: a.severity,
  dueOn: a.dueOn,
  status: a.status,
  closedAt: a.closedAt,
  declineReason: a.declineReason,
  reportTeamId,
});
