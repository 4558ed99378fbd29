import { Controller, HttpCode, Param, Post, Res } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { AnyRole, TeamScoped, parseRequest, ApiParamsFrom } from '@leerzone/nest-platform';
import { commandAnswer, Write, type WriteRequest } from '@leerzone/service-kit';
import { TeamCommands } from '../application/team-commands';
import { TeamMemberParams } from '../team-id.param';

@ApiTags('governance: members')
@Controller('api/governance/teams')
export class SayYesController {
  constructor(private readonly teams: TeamCommands) {}

  @AnyRole('the member themself, in person (403 YES.ONLY_IN_PERSON)')
  @TeamScoped('teamId', 'member')
  @Post(':teamId/members/:memberId/yes')
  @HttpCode(200)
  @ApiOperation({ summary: 'The member says yes to self-steering, in person: the caller must be that member (403 YES.ONLY_IN_PERSON otherwise). Saying it twice changes nothing.' })
  @ApiParamsFrom(TeamMemberParams)
  async sayYes(@Param() params: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { teamId, memberId } = parseRequest(TeamMemberParams, params, 'params');
    const result = await this.teams.run(write, teamId, { access: 'anyone', what: 'say yes', command: () => ({ type: 'SayYes', data: { teamId, memberId } }) });
    return commandAnswer(response, result, { teamId, memberId, saidYes: result.state.members.get(memberId)?.yesGivenAt !== null });
  }
}
