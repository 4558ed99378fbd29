import { Controller, Get, Param } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AnyRole, CurrentPrincipal, ProblemException, ProjectionsHost, parseRequest, type Principal, ApiParamsFrom } from '@leerzone/nest-platform';
import { proposalView } from '../application/proposal-views';
import { PROPOSALS_PROJECTION, proposalDocumentId, type ProposalDocument, type ProposalResponseDocument } from '../read-model/proposals.projection';
import { TeamReadModels } from '../application/team-read-models';
import { TeamProposalParams } from '../team-id.param';
import { EXAMPLES } from '../../shared/examples';

@ApiTags('governance: consent')
@Controller('api/governance/teams')
export class GetProposalController {
  constructor(
    private readonly teams: TeamReadModels,
    private readonly projections: ProjectionsHost,
  ) {}

  @AnyRole('read open to every user of the tenant')
  @Get(':teamId/proposals/:proposalId')
  @ApiOkResponse({ schema: { example: EXAMPLES.proposal } })
  @ApiOperation({ summary: 'One proposal: the change, why, the time box, who was asked, each latest response, and how it ended.' })
  @ApiParamsFrom(TeamProposalParams)
  async get(@Param() params: unknown, @CurrentPrincipal() principal: Principal) {
    const { teamId, proposalId } = parseRequest(TeamProposalParams, params, 'params');
    const tenantId = principal.tenantId;
    await this.teams.requireTeam(tenantId, teamId);
    const readModels = this.projections.readModels;
    const proposal = await readModels.collection<ProposalDocument>(PROPOSALS_PROJECTION, 'proposals').findOne({ _id: proposalDocumentId(tenantId, teamId, proposalId), tenantId });
    if (!proposal) throw ProblemException.notFound('PROPOSAL.NOT_FOUND', `Team ${teamId} has no proposal ${proposalId}.`);
    const responses = await readModels.collection<ProposalResponseDocument>(PROPOSALS_PROJECTION, 'responses').find({ tenantId, teamId, proposalId }, { sort: { at: 1 } });
    return { teamId, ...proposalView(proposal, responses.items) };
  }
}
