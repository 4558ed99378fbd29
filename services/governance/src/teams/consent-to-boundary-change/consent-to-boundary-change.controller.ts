import { Body, Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AnyRole, TeamScoped, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { TeamCommands } from '../application/team-commands';
import { TeamProposalParams } from '../team-id.param';
import { ConsentRequest } from './consent-to-boundary-change.request';

@ApiTags('governance: consent')
@Controller('api/governance/teams')
export class ConsentToBoundaryChangeController {
  constructor(private readonly teams: TeamCommands) {}

  @AnyRole('a member asked for consent, in person')
  @TeamScoped('teamId', 'member')
  @Post(':teamId/proposals/:proposalId/consent')
  @HttpCode(200)
  @ApiOperation({ summary: 'Consent to a proposal, in person, while its time box runs. The latest response of a member counts.' })
  @ApiBody({ schema: jsonSchemaOf(ConsentRequest), required: false })
  @ApiParamsFrom(TeamProposalParams)
  async consent(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { teamId, proposalId } = parseRequest(TeamProposalParams, params, 'params');
    const { memberId = write.principal.userId } = parseRequest(ConsentRequest, body);
    const result = await this.teams.run(write, teamId, { access: 'anyone', what: 'consent', command: () => ({ type: 'ConsentToBoundaryChange', data: { teamId, proposalId, memberId } }) });
    return commandAnswer(response, result, { teamId, proposalId, memberId, response: 'consent' });
  }
}
