import { Controller, Get, Inject, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyRole, CLOCK, CurrentPrincipal, ProjectionsHost, parseRequest, type Principal, ApiQueryFrom } from '@leerzone/nest-platform';
import { buildSafeFilter, buildSafeSort, type Filter } from '@leerzone/projection-store';
import type { ReadModelCollection } from '@leerzone/projections';
import { initialTeamState, phaseProgress } from '@leerzone/governance-domain';
import { guardedQuery } from '@leerzone/service-kit';
import { ROLLOUT_PLANS_PROJECTION, type ScheduleDocument } from '../../rollout-plans/read-model/rollout-plans.projection';
import { GovernanceSettingsReader } from '../../settings/application/governance-settings';
import { STALLABLE_PHASES, stallKey, TEAMS_PROJECTION, type TeamDocument } from '../read-model/teams.projection';
import { ListTeamsQuery } from './list-teams.request';
import { EXAMPLES } from '../../shared/examples';

/** What users may filter and sort on: nothing else reaches the store. */
const FILTERABLE = {
  phase: { type: 'string', operators: ['in'] },
  unitId: { type: 'string', operators: ['in'] },
  name: { type: 'string', operators: ['prefix'] },
} as const;
const SORTABLE = ['name', 'phase', 'phaseSince', 'createdAt', 'memberCount'];

@ApiTags('governance: teams')
@Controller('api/governance/teams')
export class ListTeamsController {
  constructor(
    private readonly projections: ProjectionsHost,
    private readonly settings: GovernanceSettingsReader,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  @AnyRole('read open to every user of the tenant')
  @Get()
  @ApiOkResponse({ schema: { example: EXAMPLES.teams } })
  @ApiOperation({
    summary:
      "Teams of the tenant with their phase, since when, and whether they stalled (the tenant's thresholds as they stood at evaluatedAt — default 6 months in one phase, 12 on the journey — or a planned start that passed while still preparing). Filters: phase, unitId, namePrefix, stalled, evaluatedAt; sort; limit/after.",
  })
  @ApiQueryFrom(ListTeamsQuery)
  async list(@Query() query: unknown, @CurrentPrincipal() principal: Principal) {
    const request = parseRequest(ListTeamsQuery, query, 'query');
    const tenantId = principal.tenantId;
    const at = request.evaluatedAt ? new Date(request.evaluatedAt) : this.clock();
    const readModels = this.projections.readModels;
    const schedules = readModels.collection<ScheduleDocument>(ROLLOUT_PLANS_PROJECTION, 'schedules');
    const { settings } = await this.settings.asOf(tenantId, at);
    const thresholds = { maxMonthsInPhase: settings.maxMonthsInPhase, maxMonthsOnJourney: settings.maxMonthsOnJourney };
    const page = await guardedQuery(async () => {
      const userFilter = buildSafeFilter(
        {
          ...(request.phase ? { phase: { in: request.phase } } : {}),
          ...(request.unitId ? { unitId: { in: request.unitId } } : {}),
          ...(request.namePrefix ? { name: { prefix: request.namePrefix } } : {}),
        },
        FILTERABLE,
      );
      const conditions: Filter[] = [{ tenantId }, ...(Object.keys(userFilter).length > 0 ? [userFilter] : [])];
      if (request.stalled !== undefined) {
        const stalled = await this.stalledFilter(tenantId, at, schedules, thresholds);
        conditions.push(request.stalled ? stalled : { $nor: [stalled] });
      }
      return readModels
        .collection<TeamDocument>(TEAMS_PROJECTION, 'teams')
        .find({ $and: conditions }, { sort: { ...buildSafeSort(request.sort ?? 'name', SORTABLE) }, limit: request.limit, ...(request.after ? { after: request.after } : {}) });
    });
    const starts = await this.plannedStarts(tenantId, page.items.map((t) => t.teamId), schedules);
    return {
      evaluatedAt: at.toISOString(),
      thresholds,
      items: page.items.map(({ _id, phaseHistory, phaseStallsAt: _p, journeyStallsAt: _j, ...team }) => {
        // The domain's own rule, on the team's phase history.
        const progress = phaseProgress({ ...initialTeamState, exists: true, phase: team.phase, phaseSince: team.phaseSince, phaseHistory }, at, {
          plannedStartOn: starts.get(team.teamId) ?? null,
          ...thresholds,
        })!;
        return { ...team, stalled: progress.stalled, stallReasons: progress.reasons, monthsInPhase: progress.monthsInPhase };
      }),
      ...(page.next ? { next: page.next } : {}),
    };
  }

  /** Stalled as of `at`, in the store: thresholds precomputed by the projection, plus overdue planned starts. */
  private async stalledFilter(
    tenantId: string,
    at: Date,
    schedules: ReadModelCollection<ScheduleDocument>,
    thresholds: { maxMonthsInPhase: number; maxMonthsOnJourney: number },
  ): Promise<Filter> {
    const iso = at.toISOString();
    const today = iso.slice(0, 10);
    const overdue = await schedules.find({ tenantId, plannedStartOn: { $lte: today } });
    return {
      $or: [
        {
          phase: { $in: STALLABLE_PHASES },
          $or: [{ [`phaseStallsAt.${stallKey(thresholds.maxMonthsInPhase)}`]: { $lte: iso } }, { [`journeyStallsAt.${stallKey(thresholds.maxMonthsOnJourney)}`]: { $lte: iso } }],
        },
        { phase: 'preparing', teamId: { $in: [...new Set(overdue.items.map((s) => s.teamId))] } },
      ],
    };
  }

  /** The earliest planned start of each team across the tenant's rollout plans. */
  private async plannedStarts(tenantId: string, teamIds: string[], schedules: ReadModelCollection<ScheduleDocument>) {
    const starts = new Map<string, string>();
    if (teamIds.length === 0) return starts;
    const { items } = await schedules.find({ tenantId, teamId: { $in: teamIds } });
    for (const s of items) if (!starts.has(s.teamId) || s.plannedStartOn < starts.get(s.teamId)!) starts.set(s.teamId, s.plannedStartOn);
    return starts;
  }
}
