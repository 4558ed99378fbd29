import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyRole, CurrentPrincipal, ProblemException, parseRequest, type Principal, ApiParamsFrom } from '@leerzone/nest-platform';
import { rolloutPlanHistory, rolloutPlanStreamId } from '@leerzone/governance-domain';
import { TenantStreams } from '@leerzone/service-kit';
import { PlanIdParam } from '../plan-id.param';
import { EXAMPLES } from '../../shared/examples';

@ApiTags('governance: time travel')
@Controller('api/governance/rollout-plans')
export class RolloutPlanHistoryController {
  constructor(private readonly streams: TenantStreams) {}

  @AnyRole('read open to every user of the tenant')
  @Get(':planId/history')
  @ApiOkResponse({ schema: { example: EXAMPLES.rolloutPlanHistory } })
  @ApiOperation({ summary: 'Every change of the rollout plan, with who, when and why.' })
  @ApiParamsFrom(PlanIdParam)
  async history(@Param() params: unknown, @CurrentPrincipal() principal: Principal) {
    const { planId } = parseRequest(PlanIdParam, params, 'params');
    const events = await this.streams.read(rolloutPlanStreamId(principal.tenantId, planId), principal.tenantId);
    if (!events) throw ProblemException.notFound('ROLLOUT.PLAN_NOT_FOUND', `There is no rollout plan ${planId}.`);
    return { planId, entries: rolloutPlanHistory(events) };
  }
}
