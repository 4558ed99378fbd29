import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyRole, CurrentPrincipal, ProjectionsHost, type Principal } from '@leerzone/nest-platform';
import { ROLLOUT_PLANS_PROJECTION, type RolloutPlanDocument } from '../read-model/rollout-plans.projection';
import { EXAMPLES } from '../../shared/examples';

@ApiTags('governance: rollout')
@Controller('api/governance/rollout-plans')
export class ListRolloutPlansController {
  constructor(private readonly projections: ProjectionsHost) {}

  @AnyRole('read open to every user of the tenant')
  @Get()
  @ApiOkResponse({ schema: { example: EXAMPLES.rolloutPlans } })
  @ApiOperation({ summary: "The tenant's rollout plans, by name." })
  async list(@CurrentPrincipal() principal: Principal) {
    const { items } = await this.projections.readModels
      .collection<RolloutPlanDocument>(ROLLOUT_PLANS_PROJECTION, 'plans')
      .find({ tenantId: principal.tenantId }, { sort: { name: 1 } });
    return { items: items.map(({ _id, tenantId: _t, ...plan }) => plan) };
  }
}
