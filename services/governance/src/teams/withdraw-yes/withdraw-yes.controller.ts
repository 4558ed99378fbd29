import { Body, Controller, Delete, Param, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AnyRole, TeamScoped, jsonSchemaOf, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { ReasonOnly } from '../../shared/governance-fields';
import { TeamCommands } from '../application/team-commands';
import { TeamMemberParams } from '../team-id.param';

@ApiTags('governance: members')
@Controller('api/governance/teams')
export class WithdrawYesController {
  constructor(private readonly teams: TeamCommands) {}

  @AnyRole('the member themself, in person')
  @TeamScoped('teamId', 'member')
  @Delete(':teamId/members/:memberId/yes')
  @ApiOperation({ summary: 'The member withdraws their yes, in person. Recorded as YesWithdrawn; the earlier yes stays in the history.' })
  @ApiBody({ schema: jsonSchemaOf(ReasonOnly), required: false })
  @ApiParamsFrom(TeamMemberParams)
  async withdraw(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { teamId, memberId } = parseRequest(TeamMemberParams, params, 'params');
    const { reason } = parseRequest(ReasonOnly, body);
    const result = await this.teams.run(write, teamId, { access: 'anyone', what: 'withdraw a yes', reason, command: () => ({ type: 'WithdrawYes', data: { teamId, memberId } }) });
    return commandAnswer(response, result, { teamId, memberId, saidYes: false });
  }
}
