import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyRole, CurrentPrincipal, ProblemException, ProjectionsHost, parseRequest, type Principal, ApiParamsFrom } from '@leerzone/nest-platform';
import { DECISIONS_PROJECTION, decisionDocumentId, type DecisionDocument } from '../read-model/decisions.projection';
import { TeamReadModels } from '../application/team-read-models';
import { TeamDecisionParams } from '../team-id.param';
import { EXAMPLES } from '../../shared/examples';

@ApiTags('governance: decisions')
@Controller('api/governance/teams')
export class GetDecisionController {
  constructor(
    private readonly teams: TeamReadModels,
    private readonly projections: ProjectionsHost,
  ) {}

  @AnyRole('read open to every user of the tenant')
  @Get(':teamId/decisions/:decisionId')
  @ApiOkResponse({ schema: { example: EXAMPLES.decision } })
  @ApiOperation({ summary: 'One decision: what, why, the options considered, the amount, the mandate valid at that moment, and any violations (escalated).' })
  @ApiParamsFrom(TeamDecisionParams)
  async get(@Param() params: unknown, @CurrentPrincipal() principal: Principal) {
    const { teamId, decisionId } = parseRequest(TeamDecisionParams, params, 'params');
    const tenantId = principal.tenantId;
    await this.teams.requireTeam(tenantId, teamId);
    const decision = await this.projections.readModels
      .collection<DecisionDocument>(DECISIONS_PROJECTION, 'decisions')
      .findOne({ _id: decisionDocumentId(tenantId, teamId, decisionId), tenantId });
    if (!decision) throw ProblemException.notFound('DECISION.NOT_FOUND', `Team ${teamId} has no decision ${decisionId}.`);
    const { _id, tenantId: _t, ...body } = decision;
    return body;
  }
}
