import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyRole, CLOCK, CurrentPrincipal, ProjectionsHost, parseRequest, type Principal, ApiQueryFrom, ApiParamsFrom } from '@leerzone/nest-platform';
import { phaseProgress, selfSteeringReadiness } from '@leerzone/governance-domain';
import { ROLLOUT_PLANS_PROJECTION, type ScheduleDocument } from '../../rollout-plans/read-model/rollout-plans.projection';
import { GovernanceSettingsReader } from '../../settings/application/governance-settings';
import { TeamReadModels } from '../application/team-read-models';
import { TeamIdParam } from '../team-id.param';
import { PhaseProgressQuery } from './get-phase-progress.request';
import { EXAMPLES } from '../../shared/examples';

@ApiTags('governance: phases')
@Controller('api/governance/teams')
export class GetPhaseProgressController {
  constructor(
    private readonly teams: TeamReadModels,
    private readonly projections: ProjectionsHost,
    private readonly settings: GovernanceSettingsReader,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  @AnyRole('read open to every user of the tenant')
  @Get(':teamId/phase')
  @ApiOkResponse({ schema: { example: EXAMPLES.phase } })
  @ApiOperation({ summary: 'Where the team is on its way to self-steering: phase, since when, phase history, whether it stalled and why (under the tenant’s thresholds), and who still has to say yes.' })
  @ApiQueryFrom(PhaseProgressQuery)
  @ApiParamsFrom(TeamIdParam)
  async get(@Param() params: unknown, @Query() query: unknown, @CurrentPrincipal() principal: Principal) {
    const { teamId } = parseRequest(TeamIdParam, params, 'params');
    const { evaluatedAt } = parseRequest(PhaseProgressQuery, query, 'query');
    const at = evaluatedAt ? new Date(evaluatedAt) : this.clock();
    const team = await this.teams.requireTeam(principal.tenantId, teamId);
    const state = await this.teams.teamState(principal.tenantId, team, { members: true });
    const { items: schedules } = await this.projections.readModels
      .collection<ScheduleDocument>(ROLLOUT_PLANS_PROJECTION, 'schedules')
      .find({ tenantId: principal.tenantId, teamId }, { sort: { plannedStartOn: 1 } });
    const plannedStartOn = schedules[0]?.plannedStartOn ?? null;
    // The tenant's thresholds as they stood at the moment judged (the current ones for a future moment).
    const { settings } = await this.settings.asOf(principal.tenantId, at);
    const thresholds = { maxMonthsInPhase: settings.maxMonthsInPhase, maxMonthsOnJourney: settings.maxMonthsOnJourney };
    return {
      teamId,
      evaluatedAt: at.toISOString(),
      thresholds,
      ...phaseProgress(state, at, { plannedStartOn, ...thresholds })!,
      plannedStartOn,
      readiness: selfSteeringReadiness(state),
    };
  }
}
