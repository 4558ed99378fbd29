import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AnyRole, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { ReasonOnly } from '../../shared/governance-fields';
import { TeamCommands } from '../application/team-commands';
import { TeamProposalParams } from '../team-id.param';

@ApiTags('governance: consent')
@Controller('api/governance/teams')
export class WithdrawBoundaryProposalController {
  constructor(private readonly teams: TeamCommands) {}

  @AnyRole('only the proposal’s proposer (403 PROPOSAL.NOT_PROPOSER)')
  @Post(':teamId/proposals/:proposalId/withdrawal')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw an open proposal, with a reason; only its proposer can (403 PROPOSAL.NOT_PROPOSER).' })
  @ApiBody({ schema: jsonSchemaOf(ReasonOnly) })
  @ApiParamsFrom(TeamProposalParams)
  async withdraw(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { teamId, proposalId } = parseRequest(TeamProposalParams, params, 'params');
    const { reason } = parseRequest(ReasonOnly, body);
    const result = await this.teams.run(write, teamId, { access: 'anyone', what: 'withdraw proposals', reason, command: () => ({ type: 'WithdrawBoundaryProposal', data: { teamId, proposalId } }) });
    return commandAnswer(response, result, { teamId, proposalId, status: result.state.proposals.get(proposalId)?.status ?? null });
  }
}
