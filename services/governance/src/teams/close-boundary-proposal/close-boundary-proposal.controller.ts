import { Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AnyRole, TeamScoped, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { TeamCommands } from '../application/team-commands';
import { TeamProposalParams } from '../team-id.param';

@ApiTags('governance: consent')
@Controller('api/governance/teams')
export class CloseBoundaryProposalController {
  constructor(private readonly teams: TeamCommands) {}

  @AnyRole('members and coaches of the team, transformation leads, admins (403 TEAM.NOT_A_MEMBER)')
  @TeamScoped('teamId', 'member', 'coach')
  @Post(':teamId/proposals/:proposalId/close')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Close a proposal: after its time box (or earlier when everyone consented). No objection → adopted, and the boundary changes in the same step (re-checked against the unit’s frame); an objection → escalated.',
  })
  @ApiParamsFrom(TeamProposalParams)
  async close(@Param() params: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { teamId, proposalId } = parseRequest(TeamProposalParams, params, 'params');
    const result = await this.teams.run(write, teamId, {
      access: 'in-team-or-manager',
      what: 'close proposals',
      frame: 'team-unit',
      command: (unitBoundaries) => ({ type: 'CloseBoundaryProposal', data: { teamId, proposalId, unitBoundaries } }),
    });
    return commandAnswer(response, result, { teamId, proposalId, status: result.state.proposals.get(proposalId)?.status ?? null });
  }
}
