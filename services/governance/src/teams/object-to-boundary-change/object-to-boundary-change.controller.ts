import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AnyRole, TeamScoped, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { TeamCommands } from '../application/team-commands';
import { ObjectionRequest } from './object-to-boundary-change.request';
import { TeamProposalParams } from '../team-id.param';

@ApiTags('governance: consent')
@Controller('api/governance/teams')
export class ObjectToBoundaryChangeController {
  constructor(private readonly teams: TeamCommands) {}

  @AnyRole('a member asked for consent, in person')
  @TeamScoped('teamId', 'member')
  @Post(':teamId/proposals/:proposalId/objections')
  @HttpCode(201)
  @ApiOperation({ summary: 'Object to a proposal, in person, with a reason (required). At the close, any standing objection escalates the proposal.' })
  @ApiBody({ schema: jsonSchemaOf(ObjectionRequest) })
  @ApiParamsFrom(TeamProposalParams)
  async object(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { teamId, proposalId } = parseRequest(TeamProposalParams, params, 'params');
    const { memberId = write.principal.userId, reason } = parseRequest(ObjectionRequest, body);
    const result = await this.teams.run(write, teamId, {
      access: 'anyone',
      what: 'object',
      reason,
      command: () => ({ type: 'ObjectToBoundaryChange', data: { teamId, proposalId, memberId } }),
    });
    return commandAnswer(response, result, { teamId, proposalId, memberId, response: 'objection' });
  }
}
