import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyRole, TeamScoped, CurrentPrincipal, parseRequest, type Principal, ApiParamsFrom } from '@leerzone/nest-platform';
import { maturityCountsPerLevel } from '@leerzone/assessment-domain';
import { TeamIdParam } from '../../shared/assessment-fields';
import { AssessmentStreams } from '../../shared/assessment-streams';
import { refuse, TeamAccess } from '../../shared/team-access';
import { MaturityViews } from '../application/maturity-views';

@ApiTags('assessment: task maturity')
@Controller('api/assessment/teams')
export class GetTeamMaturityLevelsController {
  constructor(
    private readonly views: MaturityViews,
    private readonly access: TeamAccess,
    private readonly streams: AssessmentStreams,
  ) {}

  @AnyRole('members and coaches of the team; transformation leads, admins and analysts of the tenant')
  @TeamScoped('teamId', 'member', 'coach')
  @Get(':teamId/task-maturity/levels')
  @ApiOperation({
    summary:
      "What analysts may see of task maturity: per development level the number of current task assessments, never who; a level only where at least the tenant's threshold of people stand behind it (with complementary suppression), and nothing below that many people.",
  })
  @ApiOkResponse({ schema: { example: { teamId: '0193…', kind: 'counts', counts: { D1: 0, D2: null, D3: 6, D4: null } } } })
  @ApiParamsFrom(TeamIdParam)
  async get(@Param() params: unknown, @CurrentPrincipal() principal: Principal) {
    const { teamId } = parseRequest(TeamIdParam, params, 'params');
    await this.access.requireTeam(principal.tenantId, teamId);
    refuse(await this.access.reader(principal, teamId));
    const [{ items }, settings] = await Promise.all([
      this.views.tasks.find({ tenantId: principal.tenantId, teamId, retiredAt: null }, { limit: 1000 }),
      this.streams.settings(principal.tenantId),
    ]);
    const counts = maturityCountsPerLevel(
      items.map((doc) => ({ memberId: doc.memberId, developmentLevel: doc.current.developmentLevel })),
      settings.anonymityThreshold,
    );
    return { teamId, ...counts };
  }
}
