import { Controller, Get, Inject, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { openPersonalData, type PersonalDataVault } from '@leerzone/kernel';
import { AnyRole, CurrentPrincipal, ProjectionsHost, parseRequest, type Principal, ApiParamsFrom, PERSONAL_DATA_VAULT } from '@leerzone/nest-platform';
import { TENANT_WIDE } from '../../shared/access';
import { COACHING_PROJECTION, sealedNotes, type CoachingSessionDocument, type CoachingTopicDocument } from '../read-model/coaching.projection';
import { TeamReadModels } from '../application/team-read-models';
import { TeamIdParam } from '../team-id.param';
import { EXAMPLES } from '../../shared/examples';

@ApiTags('governance: coaching')
@Controller('api/governance/teams')
export class GetCoachingController {
  constructor(
    private readonly teams: TeamReadModels,
    private readonly projections: ProjectionsHost,
    @Inject(PERSONAL_DATA_VAULT) private readonly vault: PersonalDataVault,
  ) {}

  @AnyRole('read open to every user of the tenant; session notes only for the coach, the attendees, transformation leads and admins')
  @Get(':teamId/coaching')
  @ApiOkResponse({ schema: { example: EXAMPLES.coaching } })
  @ApiOperation({
    summary:
      "The team's coaching plan (topics, goals, sessions held per topic) and the sessions, oldest first. A session's notes are opened from the personal-data vault for its coach, its attendees, transformation leads and admins ({ $withheld } for anyone else, { $erased } once a party to it was erased).",
  })
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
      sessions: await Promise.all(sessions.items.map(async ({ _id, tenantId: _t, teamId: _team, notes, ...session }) => ({ ...session, notes: await this.notesFor(principal, session, notes) }))),
    };
  }

  /** The notes are about the people in the session: opened for them and for tenant-wide roles only. */
  private async notesFor(principal: Principal, session: Pick<CoachingSessionDocument, 'coachId' | 'attendeeIds'>, notes: string | null): Promise<unknown> {
    if (notes === null) return null;
    const party = principal.userId === session.coachId || session.attendeeIds.includes(principal.userId);
    if (!party && !principal.roles.some((role) => TENANT_WIDE.includes(role))) return { $withheld: { reason: 'coach, attendees, transformation leads and admins only' } };
    return openPersonalData(sealedNotes(notes), this.vault);
  }
}
