import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyRole, CurrentPrincipal, ProjectionsHost, parseRequest, type Principal, ApiQueryFrom, ApiParamsFrom } from '@leerzone/nest-platform';
import { buildSafeFilter } from '@leerzone/projection-store';
import { guardedQuery } from '@leerzone/service-kit';
import { proposalView } from '../application/proposal-views';
import { TeamReadModels } from '../application/team-read-models';
import { PROPOSALS_PROJECTION, type ProposalDocument, type ProposalResponseDocument } from '../read-model/proposals.projection';
import { TeamIdParam } from '../team-id.param';
import { ListProposalsQuery } from './list-proposals.request';
import { EXAMPLES } from '../../shared/examples';

@ApiTags('governance: consent')
@Controller('api/governance/teams')
export class ListProposalsController {
  constructor(
    private readonly teams: TeamReadModels,
    private readonly projections: ProjectionsHost,
  ) {}

  @AnyRole('read open to every user of the tenant')
  @Get(':teamId/proposals')
  @ApiOkResponse({ schema: { example: EXAMPLES.proposals } })
  @ApiOperation({ summary: "The team's boundary-change proposals, newest first, with every participant's latest response. ?status=open,escalated filters." })
  @ApiQueryFrom(ListProposalsQuery)
  @ApiParamsFrom(TeamIdParam)
  async list(@Param() params: unknown, @Query() query: unknown, @CurrentPrincipal() principal: Principal) {
    const { teamId } = parseRequest(TeamIdParam, params, 'params');
    const { status } = parseRequest(ListProposalsQuery, query, 'query');
    const tenantId = principal.tenantId;
    await this.teams.requireTeam(tenantId, teamId);
    const readModels = this.projections.readModels;
    const proposals = await guardedQuery(() =>
      readModels
        .collection<ProposalDocument>(PROPOSALS_PROJECTION, 'proposals')
        .find({ tenantId, teamId, ...buildSafeFilter(status ? { status: { in: status } } : {}, { status: { type: 'string', operators: ['in'] } }) }, { sort: { proposedAt: -1 } }),
    );
    const responses = await readModels.collection<ProposalResponseDocument>(PROPOSALS_PROJECTION, 'responses').find({ tenantId, teamId }, { sort: { at: 1 } });
    return { teamId, proposals: proposals.items.map((p) => proposalView(p, responses.items)) };
  }
}
