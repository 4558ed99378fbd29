import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyRole, TeamScoped, CurrentPrincipal, parseRequest, type Principal, ApiParamsFrom } from '@leerzone/nest-platform';
import { TeamAccess } from '../../shared/access';
import { TeamIdParam } from '../../shared/fields';
import { LearningFacts } from '../../shared/learning-facts';

@ApiTags('failure-learning: library')
@Controller('api/failure-learning/teams')
export class ListTeamLessonsController {
  constructor(
    private readonly access: TeamAccess,
    private readonly facts: LearningFacts,
  ) {}

  @AnyRole('members and coaches of the team; transformation leads, admins and analysts of the tenant')
  @TeamScoped('teamId', 'member', 'coach')
  @Get(':teamId/lessons')
  @ApiOperation({ summary: 'The lessons the team may learn from — its own and the tenant library’s — newest first, each basic one with its prevention action’s current status.' })
  @ApiOkResponse({ schema: { example: { teamId: '0199a0b2-7c1e-7000-8000-0000000000t1', items: [{ lessonId: '0199a0b2-7c1e-7000-8000-0000000000aa', kind: 'basic', summary: 'Check the list at handover', area: 'medication', tags: ['handover'], preventionAction: { actionId: 'checklist', status: 'done' } }] } } })
  @ApiParamsFrom(TeamIdParam)
  async list(@Param() params: unknown, @CurrentPrincipal() principal: Principal) {
    const { teamId } = parseRequest(TeamIdParam, params, 'params');
    await this.access.requireReader(principal, teamId);
    return { teamId, items: await this.facts.visibleLessons(principal.tenantId, teamId, {}, 200) };
  }
}
