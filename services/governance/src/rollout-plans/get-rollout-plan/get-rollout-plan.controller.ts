import { Controller, Get, Param, Query, Res } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AnyRole, CurrentPrincipal, ProblemException, ProjectionsHost, parseRequest, type Principal, ApiQueryFrom, ApiParamsFrom } from '@leerzone/nest-platform';
import { rolloutPlanAsOf, rolloutPlanStreamId } from '@leerzone/governance-domain';
import { AsOfQuery, etagOf, TenantStreams } from '@leerzone/service-kit';
import { ROLLOUT_PLANS_PROJECTION, rolloutPlanDocumentId, type RolloutPlanDocument, type ScheduleDocument } from '../read-model/rollout-plans.projection';
import { PlanIdParam } from '../plan-id.param';
import { EXAMPLES } from '../../shared/examples';

@ApiTags('governance: rollout')
@Controller('api/governance/rollout-plans')
export class GetRolloutPlanController {
  constructor(
    private readonly projections: ProjectionsHost,
    private readonly streams: TenantStreams,
  ) {}

  @AnyRole('read open to every user of the tenant')
  @Get(':planId')
  @ApiOkResponse({ schema: { example: EXAMPLES.rolloutPlan } })
  @ApiOperation({ summary: 'A rollout plan: its teams by planned start (pilot first), with wave and planned dates. ?asOf=<ISO instant> rebuilds the plan as it stood then. ETag = the plan stream version.' })
  @ApiQueryFrom(AsOfQuery)
  @ApiParamsFrom(PlanIdParam)
  async get(@Param() params: unknown, @Query() query: unknown, @CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) response: Response) {
    const { planId } = parseRequest(PlanIdParam, params, 'params');
    const { asOf } = parseRequest(AsOfQuery, query, 'query');
    const tenantId = principal.tenantId;
    const notFound = ProblemException.notFound('ROLLOUT.PLAN_NOT_FOUND', `There is no rollout plan ${planId}.`);
    if (asOf) {
      const events = await this.streams.read(rolloutPlanStreamId(tenantId, planId), tenantId);
      if (!events) throw notFound;
      return rolloutPlanAsOf(events, new Date(asOf));
    }
    const readModels = this.projections.readModels;
    const plan = await readModels.collection<RolloutPlanDocument>(ROLLOUT_PLANS_PROJECTION, 'plans').findOne({ _id: rolloutPlanDocumentId(tenantId, planId), tenantId });
    if (!plan) throw notFound;
    const { items } = await readModels.collection<ScheduleDocument>(ROLLOUT_PLANS_PROJECTION, 'schedules').find({ tenantId, planId }, { sort: { plannedStartOn: 1, teamId: 1 } });
    response.setHeader('ETag', etagOf(plan.version));
    const { _id, tenantId: _t, ...body } = plan;
    return { ...body, teams: items.map(({ teamId, wave, plannedStartOn, plannedSelfSteeringOn }) => ({ teamId, wave, plannedStartOn, plannedSelfSteeringOn })) };
  }
}
