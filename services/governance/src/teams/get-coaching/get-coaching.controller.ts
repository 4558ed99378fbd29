import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyRole, CurrentPrincipal, ProjectionsHost, parseRequest, type Principal, ApiParamsFrom } from '@leerzone/nest-platform';
import { COACHING_PROJECTION, type CoachingSessionDocument, type CoachingTopicDocument } from '../read-model/coaching.projection';
import { TeamReadModels } from '../application/team-read-models';
import { TeamIdParam } from '../team-id.param';
import { EXAMPLES } from '../../shared/examples';

@ApiTags('governance: coaching')
@Controller('api/governance/teams')
export class GetCoachingController {
  constructor(
    private readonly teams: TeamReadModels,
    private readonly projections: ProjectionsHost,
  ) {}

  @AnyRole('read open to every user of the tenant; session notes only for the coach, the attendees, transformation leads and admins')
  @Get(':teamId/coaching')
  @ApiOkResponse({ schema: { example: EXAMPLES.coaching } })
  @ApiOperation({ summary: "The team's coaching plan (topics, goals, sessions held per topic) and the sessions, oldest first." })
  @ApiParamsFrom(TeamIdParam)
  async get(@Param() params: unknown, @CurrentPrincipal() principal: Principal) {
    const { teamId } = parseRequest(TeamIdParam, params, 'params');
    const tenantId = principal.tenantId;
    await this.teams.requireTeam(tenantId, teamId);
    const readModels = this.projections.readModels;
    const [topics, sessions] = await Promise.all([
      readModels.collection<CoachingTopicDocument>(COACHING_PROJECTION, 'topics').find({ tenantId, teamId }, { sort: { plannedAt: 1 } }),
      readModels.collection<CoachingSessionDocument>(COACHING_PROJECTION, 'sessions').find({ tenantId, teamId }, { sort: { heldAt: 1 } }),
    ]);
    return {
      teamId,
      plan: topics.items.map(({ _id, tenantId: _t, teamId: _team, ...topic }) => topic),
      sessions: sessions.items.map(({ _id, tenantId: _t, teamId: _team, ...session }) => session),
    };
  }
}
