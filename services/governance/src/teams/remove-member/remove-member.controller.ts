import { Body, Controller, Delete, Param, Res } from '@nestjs/common';
import { ApiBody, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { Response } from 'express';
import { Roles, jsonSchemaOf, parseRequest } from '@leerzone/nest-platform';
import { TEAM_MANAGERS } from '../../shared/access';
import { commandAnswer } from '../../shared/command-response';
import { ReasonOnly } from '../../shared/request-fields';
import { Write, type WriteRequest } from '../../shared/write-request';
import { TeamCommands } from '../application/team-commands';
import { TeamMemberParams } from '../team-id.param';

@ApiTags('governance: members')
@Controller('api/governance/teams')
export class RemoveMemberController {
  constructor(private readonly teams: TeamCommands) {}

  @Delete(':teamId/members/:memberId')
  @Roles(...TEAM_MANAGERS)
  @ApiOperation({ summary: 'Remove a member (optionally with a reason, in the body or X-Reason). Their yes ends with the membership; the history keeps it.' })
  @ApiBody({ schema: jsonSchemaOf(ReasonOnly), required: false })
  async remove(@Param() params: unknown, @Body() body: unknown, @Write() write: WriteRequest, @Res({ passthrough: true }) response: Response) {
    const { teamId, memberId } = parseRequest(TeamMemberParams, params, 'params');
    const { reason } = parseRequest(ReasonOnly, body);
    const result = await this.teams.run(write, teamId, { access: 'manager', what: 'remove members', reason, command: () => ({ type: 'RemoveMember', data: { teamId, memberId } }) });
    return commandAnswer(response, result, { teamId, memberId });
  }
}
