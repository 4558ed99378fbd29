import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { CLOCK, CurrentPrincipal, ProblemException, Roles, parseRequest, type Principal, ApiQueryFrom, ApiParamsFrom } from '@leerzone/nest-platform';
import { isRejection } from '@leerzone/kernel';
import { overdueKeyResults } from '@leerzone/okr-domain';
import { guardedQuery } from '@leerzone/service-kit';
import { ObjectiveReadModels } from '../../objectives/application/objective-read-models';
import { TeamCadences } from '../../teams/read-model/team-cadences';
import { READERS } from '../../shared/access';
import { CycleLookup } from '../../shared/cycle-lookup';
import { CYCLE_ID, OBJECTIVE_ID, TEAM_ID } from '../../shared/openapi-examples';
import { CycleIdParam } from '../cycle-id.param';
import { OverdueCheckInsQuery } from './overdue-check-ins.request';

@ApiTags('okr: cycles')
@Controller('api/okr/cycles')
export class OverdueCheckInsController {
  constructor(
    private readonly cycles: CycleLookup,
    private readonly objectives: ObjectiveReadModels,
    private readonly cadences: TeamCadences,
    @Inject(CLOCK) private readonly clock: () => Date,
  ) {}

  @Get(':cycleId/overdue-check-ins')
  @Roles(...READERS)
  @ApiOperation({
    summary:
      "Key results whose check-in is overdue at `at` (default now): more than the owning team's cadence since the last check-in, or since the objective was committed or the cycle started. Only while the cycle runs. Pages over the cycle's objectives (limit/after).",
  })
  @ApiOkResponse({
    schema: {
      example: {
        cycleId: CYCLE_ID,
        at: '2026-07-20T09:00:00.000Z',
        items: [{ objectiveId: OBJECTIVE_ID, owner: { kind: 'team', id: TEAM_ID }, title: 'Shorter waiting lists', cadenceDays: 7, keyResultId: 'kr-1', lastCheckInAt: null, dueAt: '2026-07-08T08:00:00.000Z', daysOverdue: 12 }],
        next: 'eyJ…',
      },
    },
  })
  @ApiQueryFrom(OverdueCheckInsQuery)
  @ApiParamsFrom(CycleIdParam)
  async list(@Param() params: unknown, @Query() query: unknown, @CurrentPrincipal() principal: Principal) {
    const { cycleId } = parseRequest(CycleIdParam, params, 'params');
    const request = parseRequest(OverdueCheckInsQuery, query, 'query');
    const at = request.at ? new Date(request.at) : this.clock();
    const cycle = await this.cycles.facts(principal.tenantId, cycleId);
    if (isRejection(cycle)) throw ProblemException.fromRejection(cycle);
    const page = await guardedQuery(() =>
      this.objectives.objectives.find(
        { tenantId: principal.tenantId, cycleId, committedAt: { $ne: null }, graded: false },
        { sort: { order: 1 }, limit: request.limit, ...(request.after ? { after: request.after } : {}) },
      ),
    );
    const states = await this.objectives.withStates(principal.tenantId, page.items);
    const cadenceOf = await this.cadences.forOwners(principal.tenantId, page.items.map((o) => o.owner));
    const items = states.flatMap(({ document, state }) =>
      overdueKeyResults(state, cycle, cadenceOf(document.owner), at).map((overdue) => ({
        objectiveId: document.objectiveId,
        owner: document.owner,
        title: document.title,
        cadenceDays: cadenceOf(document.owner),
        ...overdue,
      })),
    );
    return { cycleId, at: at.toISOString(), items, ...(page.next ? { next: page.next } : {}) };
  }
}
